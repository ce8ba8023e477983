#include "typecheck/constant_fold.h"

#include <cmath>

namespace cairn::types {

namespace {

LiteralValue intValue(int64_t v) {
  LiteralValue out;
  out.kind = LiteralValue::Int;
  out.i = v;
  return out;
}

LiteralValue floatValue(double v) {
  LiteralValue out;
  out.kind = LiteralValue::Float;
  out.f = v;
  return out;
}

bool isNumber(const LiteralValue &v) {
  return v.kind == LiteralValue::Int || v.kind == LiteralValue::Float;
}

double asDouble(const LiteralValue &v) {
  return v.kind == LiteralValue::Int ? static_cast<double>(v.i) : v.f;
}

std::optional<LiteralValue> foldInts(ast::BinaryOp op, int64_t a, int64_t b) {
  int64_t r = 0;
  switch (op) {
  case ast::BinaryOp::Add:
    if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
    return intValue(r);
  case ast::BinaryOp::Sub:
    if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
    return intValue(r);
  case ast::BinaryOp::Mul:
    if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
    return intValue(r);
  case ast::BinaryOp::Div:
  case ast::BinaryOp::Mod:
    if (b == 0 || (a == INT64_MIN && b == -1)) return std::nullopt;
    return intValue(op == ast::BinaryOp::Div ? a / b : a % b);
  default: return std::nullopt;
  }
}

std::optional<LiteralValue> foldFloats(ast::BinaryOp op, double a, double b) {
  switch (op) {
  case ast::BinaryOp::Add: return floatValue(a + b);
  case ast::BinaryOp::Sub: return floatValue(a - b);
  case ast::BinaryOp::Mul: return floatValue(a * b);
  case ast::BinaryOp::Div:
    if (b == 0) return std::nullopt;
    return floatValue(a / b);
  default: return std::nullopt;
  }
}

std::optional<LiteralValue> foldBinary(ast::BinaryOp op, const LiteralValue &a,
                                       const LiteralValue &b) {
  if (a.kind == LiteralValue::Int && b.kind == LiteralValue::Int)
    return foldInts(op, a.i, b.i);
  if (isNumber(a) && isNumber(b))
    return foldFloats(op, asDouble(a), asDouble(b));
  if (op == ast::BinaryOp::Add && a.kind == LiteralValue::String &&
      b.kind == LiteralValue::String) {
    LiteralValue out;
    out.s = a.s + b.s;
    return out;
  }
  return std::nullopt;
}

} // namespace

std::optional<LiteralValue> constantValue(const ast::Module &module, ast::ExprId id) {
  const ast::Expr &e = module.expr(id);
  if (auto *lit = e.as<ast::IntLit>())
    return intValue(lit->value);
  if (auto *lit = e.as<ast::FloatLit>())
    return floatValue(lit->value);
  if (auto *lit = e.as<ast::BoolLit>()) {
    LiteralValue out;
    out.kind = LiteralValue::Bool;
    out.b = lit->value;
    return out;
  }
  if (auto *lit = e.as<ast::StringLit>()) {
    if (!lit->isConstant())
      return std::nullopt;
    LiteralValue out;
    out.s = lit->constantText();
    return out;
  }
  if (auto *un = e.as<ast::UnaryExpr>()) {
    auto v = constantValue(module, un->operand);
    if (!v)
      return std::nullopt;
    if (un->op == ast::UnaryOp::Neg && v->kind == LiteralValue::Int && v->i != INT64_MIN)
      return intValue(-v->i);
    if (un->op == ast::UnaryOp::Neg && v->kind == LiteralValue::Float)
      return floatValue(-v->f);
    if (un->op == ast::UnaryOp::Not && v->kind == LiteralValue::Bool) {
      v->b = !v->b;
      return v;
    }
    return std::nullopt;
  }
  if (auto *bin = e.as<ast::BinaryExpr>()) {
    auto a = constantValue(module, bin->lhs);
    auto b = a ? constantValue(module, bin->rhs) : std::nullopt;
    if (!a || !b)
      return std::nullopt;
    return foldBinary(bin->op, *a, *b);
  }
  return std::nullopt;
}

namespace {

bool literalEquals(const LiteralValue &a, const LiteralValue &b) {
  if (isNumber(a) && isNumber(b))
    return a.kind == b.kind ? (a.kind == LiteralValue::Int ? a.i == b.i : a.f == b.f)
                            : asDouble(a) == asDouble(b);
  if (a.kind != b.kind)
    return false;
  return a.kind == LiteralValue::Bool ? a.b == b.b : a.s == b.s;
}

bool stringFits(const TypeStore &store, const std::string &text, TypeId type) {
  const Type &t = store.get(type);
  if (!t.intRange.contains(static_cast<int64_t>(codePointCount(text))))
    return false;
  const std::regex *re = store.regex(type);
  return !re || std::regex_match(text, *re); // an invalid pattern is reported as E0108
}

} // namespace

bool constantFits(const TypeStore &store, const LiteralValue &value, TypeId type) {
  type = store.strip(type);
  const Type &t = store.get(type);
  switch (t.kind) {
  case TypeKind::Error:
  case TypeKind::Any: return true;
  case TypeKind::Union:
    for (TypeId m : t.members)
      if (constantFits(store, value, m))
        return true;
    return false;
  case TypeKind::Bool: return value.kind == LiteralValue::Bool;
  case TypeKind::Int: return value.kind == LiteralValue::Int && t.intRange.contains(value.i);
  case TypeKind::Float: return isNumber(value) && t.floatRange.contains(asDouble(value));
  case TypeKind::String: return value.kind == LiteralValue::String && stringFits(store, value.s, type);
  case TypeKind::Literal: return literalEquals(value, t.literal);
  default: return false;
  }
}

} // namespace cairn::types
