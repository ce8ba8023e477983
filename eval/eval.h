// Evaluation: checked program + parameters -> the emitted objects.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "eval/value.h"
#include "typecheck/checked_program.h"

namespace cairn::eval {

// Bounds that turn runaway programs into diagnostics instead of crashes.
struct EvalLimits {
  uint32_t maxCallDepth = 1000;          // E0507
  uint64_t maxSteps = 200'000'000;       // E0508
  uint64_t maxValueBytes = 2ull << 30;   // E0512: memory for values
  uint64_t maxStringBytes = 64u << 20;   // E0512: one string
  uint64_t maxDocuments = 1'000'000;     // E0512: objects emitted
};

// A parameter set from the command line (`-p name=value`: `text`, converted
// to the declared type) or from a values file (`json`, already structured).
struct ParamInput {
  std::string name;
  bool fromText = true;
  std::string text;
  std::shared_ptr<const nlohmann::ordered_json> json;
  std::string origin; // "-p env=prod" or "values.yaml" for messages
};

class LintWorld;

struct EvalOptions {
  std::vector<ParamInput> params; // applied to the entry modules that declare them
  EvalLimits limits;
  // The objects seen by the lint-only builtins (`findObject`, ...); null
  // outside `cairn lint`, where calling them is E0513.
  LintWorld *lint = nullptr;
  // Some value given from outside (the objects `cairn lint` checks) may be
  // secret (eval/secret.h). Programs with a `secret param` need not say so.
  bool secretInputs = false;
  // Also evaluate every top-level `let` of these modules (for `cairn eval`).
  std::vector<uint32_t> collectLetsOf;
};

struct NamedValue {
  uint32_t module;
  llvm::StringRef name;
  Value value;
};

struct EvalResult {
  // Owns every value below. Values also point into the Program (field names,
  // constant strings, spans), so the Program must outlive the result.
  std::unique_ptr<ValueArena> arena;
  std::vector<Value> documents;      // emitted objects in order: entries in order, `emit`s in order, lists flattened
  std::vector<Span> documentEmits;   // parallel: the `emit` declaration each document came from
  std::vector<NamedValue> lets;      // when requested
  bool ok = false;                   // false if any error was reported
};

EvalResult evaluateProgram(const Program &program, const types::CheckedProgram &checked,
                           const EvalOptions &options, DiagnosticSink &diags);

} // namespace cairn::eval
