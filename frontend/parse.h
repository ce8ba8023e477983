// Text -> AST for one file. Syntax errors are reported to the sink and become
// error nodes; the returned module is always complete enough to check.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "frontend/ast.h"
#include "frontend/diagnostic.h"

namespace cairn {

// Parse-tree levels a file may nest (E0112; frontend/nesting_guard.h). Real
// sources stay far below: a bracket costs two levels, a block or object field
// about four, each operator of a chain one (tests/unit/frontend/nesting_test.cpp measures the
// deepest file of the project).
inline constexpr uint32_t kMaxParseNesting = 1000;

// Tokens a file may hold (E0113): some 60,000 lines of ordinary code, and a
// parse tree of at most a few hundred MiB for the densest input.
inline constexpr size_t kMaxParseTokens = 400'000;

ast::Module parseModule(const SourceManager &sources, FileId file, DiagnosticSink &diags);

// The file holds one expression (`cairn eval -e`); the module gets a single
// `let letName = <expression>`.
ast::Module parseExpressionModule(const SourceManager &sources, FileId file, llvm::StringRef letName,
                                  DiagnosticSink &diags);

// One ANTLR prediction decision as the profiler saw it.
struct ParseDecisionProfile {
  size_t decision = 0;
  std::string rule;           // the grammar rule the decision belongs to
  long long invocations = 0;
  long long timeNs = 0;       // time spent predicting
  long long sllLookahead = 0; // tokens looked at in SLL prediction
  long long llFallbacks = 0;  // predictions that needed full-context LL
  long long llLookahead = 0;  // tokens looked at in LL prediction
  long long ambiguities = 0;
};

// What one parse cost, for bench/parse_speed and the grammar's SLL test.
struct ParseMeasurement {
  // In: profile the prediction decisions. The parser then runs in full LL
  // mode with ANTLR's profiler (slower), so that `llFallbacks` counts every
  // prediction the SLL stage could not have decided alone.
  bool profile = false;

  // Out: CPU seconds (of the calling thread) spent lexing (with the
  // lexical-error scan), parsing, and building the AST (with the comment list).
  double lexSeconds = 0;
  double parseSeconds = 0;
  double buildSeconds = 0;
  size_t tokens = 0;
  bool reparsedWithLL = false; // the SLL stage failed (a syntax error) and LL ran again
  uint32_t deepestNesting = 0; // the deepest parse (frontend/nesting_guard.h), for the bound's tests
  std::vector<ParseDecisionProfile> decisions; // with `profile`: every decision invoked
};

// parseModule, measured.
ast::Module parseModule(const SourceManager &sources, FileId file, DiagnosticSink &diags,
                        ParseMeasurement &measurement);

} // namespace cairn
