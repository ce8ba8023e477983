// Unary and binary operators (E0306, E0307), including `??`.
#include <fmt/format.h>

#include "typecheck/check_context.h"

namespace cairn::types {

TypeId Checker::checkUnary(const ast::UnaryExpr &unary) {
  TypeId operand = checkExpr(unary.operand, Expected::none());
  if (rel_.isUnknown(operand))
    return operand;
  if (unary.op == ast::UnaryOp::Neg && rel_.isNumeric(operand))
    return rel_.widen(operand);
  if (unary.op == ast::UnaryOp::Not && rel_.isBool(operand))
    return store().boolean();
  report(DiagKind::InvalidUnaryOperator, unary.opSpan, ast::spelling(unary.op), show(operand))
      .label(expr(unary.operand).span, fmt::format("this has type `{}`", show(operand)));
  return store().error();
}

namespace {

bool allMembers(const TypeRelations &rel, TypeId t, bool (TypeRelations::*test)(TypeId) const) {
  for (TypeId m : rel.members(t))
    if (!(rel.*test)(m))
      return false;
  return true;
}

} // namespace

TypeId Checker::checkBinary(ast::ExprId e, const ast::BinaryExpr &binary, const Expected &expected) {
  using Op = ast::BinaryOp;
  if (binary.op == Op::Coalesce) {
    TypeId lhs = checkExpr(binary.lhs, Expected::none());
    TypeId present = rel_.withoutNull(lhs);
    TypeId fallback = checkAgainst(binary.rhs, expected);
    if (expected.has() && store().kind(present) != TypeKind::Never)
      requireAssignable(binary.lhs, present, expected);
    consumed_ = true;
    return rel_.join(present, fallback);
  }
  TypeId lhs = checkExpr(binary.lhs, Expected::none());
  TypeId rhs = checkExpr(binary.rhs, Expected::none());
  if (rel_.isError(lhs) || rel_.isError(rhs))
    return binary.op >= Op::Eq && binary.op <= Op::Or ? store().boolean() : store().error();
  bool ok = true;
  switch (binary.op) {
  case Op::And:
  case Op::Or:
    ok = (rel_.isAny(lhs) || rel_.isBool(lhs)) && (rel_.isAny(rhs) || rel_.isBool(rhs));
    break;
  case Op::Eq:
  case Op::Ne:
    ok = rel_.isAny(lhs) || rel_.isAny(rhs) || rel_.assignable(lhs, rhs) ||
         rel_.assignable(rhs, lhs) || (rel_.isNumeric(lhs) && rel_.isNumeric(rhs));
    break;
  case Op::Lt:
  case Op::Le:
  case Op::Gt:
  case Op::Ge:
    ok = rel_.isAny(lhs) || rel_.isAny(rhs) ||
         (allMembers(rel_, lhs, &TypeRelations::isNumeric) &&
          allMembers(rel_, rhs, &TypeRelations::isNumeric)) ||
         (rel_.isString(lhs) && rel_.isString(rhs));
    break;
  default: return arithmeticResult(binary, lhs, rhs);
  }
  if (!ok)
    report(DiagKind::InvalidBinaryOperator, binary.opSpan, ast::spelling(binary.op), show(lhs),
           show(rhs))
        .label(expr(binary.lhs).span, fmt::format("this has type `{}`", show(lhs)))
        .label(expr(binary.rhs).span, fmt::format("this has type `{}`", show(rhs)));
  return store().boolean();
}

TypeId Checker::arithmeticResult(const ast::BinaryExpr &binary, TypeId lhs, TypeId rhs) {
  if (binary.op == ast::BinaryOp::Add) {
    if (rel_.isString(lhs) && rel_.isString(rhs))
      return store().string();
    TypeId l = store().strip(lhs), r = store().strip(rhs);
    if (store().kind(l) == TypeKind::List && store().kind(r) == TypeKind::List)
      return store().list(rel_.join(store().get(l).element, store().get(r).element));
  }
  bool lNum = allMembers(rel_, lhs, &TypeRelations::isNumeric);
  bool rNum = allMembers(rel_, rhs, &TypeRelations::isNumeric);
  if (lNum && rNum) {
    bool ints = rel_.assignable(lhs, store().integer()) && rel_.assignable(rhs, store().integer());
    return ints ? store().integer() : store().floating();
  }
  if (rel_.isAny(lhs) || rel_.isAny(rhs))
    return store().any(); // checked at run time
  report(DiagKind::InvalidBinaryOperator, binary.opSpan, ast::spelling(binary.op), show(lhs),
         show(rhs))
      .label(expr(binary.lhs).span, fmt::format("this has type `{}`", show(lhs)))
      .label(expr(binary.rhs).span, fmt::format("this has type `{}`", show(rhs)));
  return store().error();
}

} // namespace cairn::types
