// Expressions whose value is the same wherever and whenever they are
// evaluated: no locals, no sibling fields, no lint context, only calls of
// pure functions (function_purity.h). The evaluator builds the object and
// list literals among them once and shares the value: fleet(10000) built
// the same resource maps, port lists and metric specs 10,000 times each.
// Sharing is invisible: the value and its spans are what evaluating the
// literal again would give (the cost of the first evaluation is charged
// again on each use, as for memoized calls).
#pragma once

#include <vector>

#include "eval/function_purity.h"

namespace cairn::eval {

class ConstantExprs {
public:
  ConstantExprs(const Program &program, const types::CheckedProgram &checked, FunctionPurity &purity)
      : program_(program), checked_(checked), purity_(purity) {}

  bool isConstant(uint32_t module, ast::ExprId expr);

private:
  enum State : uint8_t { Unknown, Constant, Varying };
  bool compute(uint32_t module, ast::ExprId expr);

  const Program &program_;
  const types::CheckedProgram &checked_;
  FunctionPurity &purity_;
  std::vector<std::vector<State>> states_; // per module, per ExprId
};

} // namespace cairn::eval
