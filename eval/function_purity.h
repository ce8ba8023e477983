// Which declared functions compute their result from their arguments alone,
// so that a call can be answered from an earlier call with the same
// arguments (call_memo.h). Cairn has no side effects; what a call can depend
// on besides its arguments is the lint context (`currentObject()`,
// `currentPath()`), which changes from one policy run to the next. Lets,
// params and the linted objects are constant for the evaluator's lifetime.
//
// The analysis is conservative: a function is pure only if nothing it can
// reach, through static calls and function names it passes around, reads
// the context or calls a function value it did not define itself.
// Recursion is fine (the memo records how deep a call went, so the depth
// limit still applies exactly).
#pragma once

#include <optional>
#include <vector>

#include "frontend/program.h"
#include "typecheck/checked_program.h"

namespace cairn::eval {

class FunctionPurity {
public:
  FunctionPurity(const Program &program, const types::CheckedProgram &checked)
      : program_(program), checked_(checked) {}

  bool isPure(uint32_t module, ast::DeclId decl);
  // Whether building a schema instance never reads the context (in a
  // default or a check, or a function they call).
  bool schemasArePure();

private:
  enum class State : uint8_t { Unknown, Pure, Impure };
  // What one function's body shows by itself: whether it reads the context
  // (or calls an unknown function value), and the functions it refers to.
  struct Direct {
    bool computed = false;
    bool impure = false;
    std::vector<std::pair<uint32_t, uint32_t>> refers; // (module, DeclId)
  };
  Direct &direct(uint32_t module, uint32_t decl);
  // Walks `root`; false if it reads the context itself. Referred functions go to `refers`.
  bool exprIsPure(uint32_t module, ast::ExprId root, std::vector<std::pair<uint32_t, uint32_t>> &refers);
  bool nodeIsPure(uint32_t module, ast::ExprId expr, std::vector<std::pair<uint32_t, uint32_t>> &refers);
  // Whether nothing reachable from these functions reads the context.
  bool noneReachesContext(std::vector<std::pair<uint32_t, uint32_t>> start);

  const Program &program_;
  const types::CheckedProgram &checked_;
  std::vector<std::vector<State>> states_;   // per module, per DeclId
  std::vector<std::vector<Direct>> directs_; // per module, per DeclId
  std::optional<bool> schemasPure_;
  bool computingSchemas_ = false;
};

} // namespace cairn::eval
