// The phases every compiling command shares: load -> check -> evaluate,
// stopping after the first phase that reports an error (all of that phase's
// diagnostics are kept; warnings never stop anything).
#pragma once

#include <memory>
#include <optional>

#include "cli/driver.h"
#include "cli/options.h"
#include "eval/eval.h"
#include "frontend/program.h"
#include "typecheck/checked_program.h"

namespace cairn::cli {

struct Compilation {
  Program program;
  std::optional<types::CheckedProgram> checked; // set once checking ran
  std::optional<eval::EvalResult> evaluation;   // set once evaluation ran
  uint32_t expressionModule = kNoModule;        // `eval -e`: the synthetic module
  DiagnosticSink diags;

  // True when every phase ran without an error.
  bool ok() const { return evaluation && evaluation->ok && !diags.hasErrors(); }
};

// Runs the phases for `options` (inputs, params, values files, root, -e).
// `collectLetsOfEntry` asks the evaluator for the entry module's top-level lets.
// Returned on the heap: the checked program and the values point into it.
std::unique_ptr<Compilation> compile(const Options &options, DriverIO &io, bool collectLetsOfEntry);

// Where and how sources are loaded: working directory, --root,
// --allow-import-dir, --max-file-size, the standard library.
LoadOptions loadOptions(const Options &options, const DriverIO &io);

// The evaluator's bounds with the --max-* flags applied.
eval::EvalLimits evalLimits(const Options &options);

// Values files first, then -p; a later setting of a name replaces an earlier one.
std::vector<eval::ParamInput> mergeParams(std::vector<eval::ParamInput> fromFiles,
                                          const std::vector<ParamArg> &fromFlags);

// Prints the compilation's diagnostics to io.err in the chosen form (with a
// summary line after human diagnostics), sorted by file and position.
void printDiagnostics(const Compilation &compilation, const Options &options, DriverIO &io);

} // namespace cairn::cli
