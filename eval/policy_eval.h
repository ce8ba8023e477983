// Running `policy` declarations on values, for `cairn lint`. The linter
// decides which values a policy sees; this file only evaluates its checks.
// All of it must run inside runWithStack (stack_thread.h), like evaluation.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "eval/eval.h"

namespace cairn::eval {

class Evaluator;

// One failed check of a policy on one value.
struct CheckFailure {
  uint32_t check = 0;  // index into the policy's checks
  std::string message; // the check's message (or its condition's text)
  Value at;            // the value named by `at`, else the target
  Span checkSpan;      // the check in the policy's source
};

class PolicyEvaluator {
public:
  PolicyEvaluator(const Program &program, const types::CheckedProgram &checked, const EvalOptions &options,
                  DiagnosticSink &diags, ValueArena &arena);
  ~PolicyEvaluator();

  // A setting or parameter default: an expression of `module` at top level.
  // Null after an error (reported).
  std::optional<Value> evalTopLevel(uint32_t module, ast::ExprId expr);
  // A parameter value from the lint configuration, checked against `type`;
  // null after an error (reported at `span`, mentioning `origin`).
  std::optional<Value> paramFromJson(const nlohmann::ordered_json &json, types::TypeId type, Span span,
                                     const std::string &origin);
  // Runs the checks of policy `policy` (index into checked.policies) on
  // `target`; appends the failures. False when a check could not be
  // evaluated (the error was reported; the failures found before stay).
  bool run(uint32_t policy, Value target, llvm::ArrayRef<Value> params, std::vector<CheckFailure> &failures);

private:
  const types::CheckedProgram &checked_;
  std::unique_ptr<Evaluator> ev_;
};

} // namespace cairn::eval
