// Operators and string interpolation.
#include <cmath>

#include <llvm/ADT/SmallString.h>

#include "eval/evaluator.h"
#include "eval/value_ops.h"

namespace cairn::eval {
namespace {

bool isNumber(Value v) { return v.kind() == ValueKind::Int || v.kind() == ValueKind::Float; }

// The expression as written, for "integer overflow in `a * b`".
std::string shortSource(llvm::StringRef text) {
  std::string shown = text.trim().str();
  for (char &c : shown)
    if (c == '\n' || c == '\r' || c == '\t')
      c = ' ';
  if (shown.size() > 60)
    shown = shown.substr(0, 57) + "...";
  return shown;
}

} // namespace

Value Evaluator::evalString(const ast::StringLit &e, Span span, const Scope &scope) {
  if (e.parts.size() == 1 && !e.parts[0].expr.valid())
    return Value::string(e.parts[0].text, span); // owned by the module: no copy
  llvm::SmallString<128> text;
  bool secret = false; // the parts are recorded; the whole is only marked
  for (const ast::StringPart &part : e.parts) {
    if (!part.expr.valid()) {
      text += part.text;
      continue;
    }
    Value v = eval(part.expr, scope);
    secret = secret || v.isSecret();
    switch (v.kind()) {
    case ValueKind::String: text += v.asString(); break;
    case ValueKind::Int: text += std::to_string(v.asInt()); break;
    case ValueKind::Float: text += formatFloat(v.asFloat()); break;
    case ValueKind::Bool: text += v.asBool() ? "true" : "false"; break;
    default: raiseKind(v, "string | int | float | bool", ast(scope.module).expr(part.expr).span);
    }
    checkStringSize(text.size(), span);
  }
  Value result = makeString(text, span);
  return secret ? result.withSecretMark() : result;
}

Value Evaluator::evalUnary(const ast::UnaryExpr &e, Span span, const Scope &scope) {
  Value v = eval(e.operand, scope);
  if (v.isSecret())
    return taint(applyUnary(e.op, v, span));
  return applyUnary(e.op, v, span);
}

Value Evaluator::applyUnary(ast::UnaryOp op, Value v, Span span) {
  if (op == ast::UnaryOp::Not) {
    if (v.kind() != ValueKind::Bool)
      raiseKind(v, "bool", v.span());
    return Value::boolean(!v.asBool(), span);
  }
  if (v.kind() == ValueKind::Float)
    return Value::real(-v.asFloat(), span);
  if (v.kind() != ValueKind::Int)
    raiseKind(v, "int | float", v.span());
  if (v.asInt() == INT64_MIN)
    raise(DiagKind::IntegerOverflow, span, shortSource(sourceText(span)));
  return Value::integer(-v.asInt(), span);
}

Value Evaluator::evalBinary(const ast::BinaryExpr &e, Span span, const Scope &scope) {
  using ast::BinaryOp;
  Value lhs = eval(e.lhs, scope);
  switch (e.op) {
  case BinaryOp::And:
  case BinaryOp::Or: {
    if (lhs.kind() != ValueKind::Bool)
      raiseKind(lhs, "bool", ast(scope.module).expr(e.lhs).span);
    if (lhs.asBool() == (e.op == BinaryOp::Or))
      return Value::boolean(lhs.asBool(), span);
    Value rhs = eval(e.rhs, scope);
    if (rhs.kind() != ValueKind::Bool)
      raiseKind(rhs, "bool", ast(scope.module).expr(e.rhs).span);
    return Value::boolean(rhs.asBool(), span);
  }
  case BinaryOp::Coalesce:
    return lhs.isNull() ? eval(e.rhs, scope) : lhs;
  default: break;
  }
  Value rhs = eval(e.rhs, scope);
  switch (e.op) {
  case BinaryOp::Eq: return Value::boolean(valuesEqual(lhs, rhs), span);
  case BinaryOp::Ne: return Value::boolean(!valuesEqual(lhs, rhs), span);
  case BinaryOp::Lt:
  case BinaryOp::Le:
  case BinaryOp::Gt:
  case BinaryOp::Ge: return comparison(e.op, lhs, rhs, span);
  default: break;
  }
  Value result = arithmetic(e.op, lhs, rhs, span);
  if (!lhs.isSecret() && !rhs.isSecret())
    return result;
  // A joined string is marked (its secret parts are recorded already); a
  // computed number is recorded too, to be found in messages that quote it.
  // Joined lists keep the marks of their items.
  switch (result.kind()) {
  case ValueKind::String: return result.withSecretMark();
  case ValueKind::Int:
  case ValueKind::Float: return taint(result);
  default: return result;
  }
}

Value Evaluator::comparison(ast::BinaryOp op, Value lhs, Value rhs, Span span) {
  bool numbers = isNumber(lhs) && isNumber(rhs);
  bool strings = lhs.kind() == ValueKind::String && rhs.kind() == ValueKind::String;
  if (!numbers && !strings)
    raise(DiagKind::InvalidBinaryOperator, span, ast::spelling(op), kindName(lhs.kind()), kindName(rhs.kind()));
  int c = compareScalars(lhs, rhs);
  bool result = false;
  switch (op) {
  case ast::BinaryOp::Lt: result = c < 0; break;
  case ast::BinaryOp::Le: result = c <= 0; break;
  case ast::BinaryOp::Gt: result = c > 0; break;
  default: result = c >= 0; break;
  }
  return Value::boolean(result, span);
}

Value Evaluator::arithmetic(ast::BinaryOp op, Value lhs, Value rhs, Span span) {
  using ast::BinaryOp;
  if (op == BinaryOp::Add && !(isNumber(lhs) && isNumber(rhs)))
    return concatenate(lhs, rhs, span);
  if (!isNumber(lhs) || !isNumber(rhs))
    raise(DiagKind::InvalidBinaryOperator, span, ast::spelling(op), kindName(lhs.kind()), kindName(rhs.kind()));
  if (lhs.kind() == ValueKind::Int && rhs.kind() == ValueKind::Int)
    return intArithmetic(op, lhs.asInt(), rhs.asInt(), span);
  double a = lhs.asNumber(), b = rhs.asNumber();
  switch (op) {
  case BinaryOp::Add: return Value::real(a + b, span);
  case BinaryOp::Sub: return Value::real(a - b, span);
  case BinaryOp::Mul: return Value::real(a * b, span);
  default: break;
  }
  if (b == 0)
    raise(DiagKind::DivisionByZero, span);
  return Value::real(op == BinaryOp::Div ? a / b : std::fmod(a, b), span);
}

Value Evaluator::intArithmetic(ast::BinaryOp op, int64_t a, int64_t b, Span span) {
  using ast::BinaryOp;
  int64_t result = 0;
  bool overflow = false;
  switch (op) {
  case BinaryOp::Add: overflow = __builtin_add_overflow(a, b, &result); break;
  case BinaryOp::Sub: overflow = __builtin_sub_overflow(a, b, &result); break;
  case BinaryOp::Mul: overflow = __builtin_mul_overflow(a, b, &result); break;
  default:
    if (b == 0)
      raise(DiagKind::DivisionByZero, span);
    if (a == INT64_MIN && b == -1) {
      overflow = op == BinaryOp::Div; // INT64_MIN % -1 is 0
      break;
    }
    result = op == BinaryOp::Div ? a / b : a % b;
    break;
  }
  if (overflow)
    raise(DiagKind::IntegerOverflow, span, shortSource(sourceText(span)));
  return Value::integer(result, span);
}

Value Evaluator::concatenate(Value lhs, Value rhs, Span span) {
  if (lhs.kind() == ValueKind::String && rhs.kind() == ValueKind::String) {
    uint64_t size = uint64_t(lhs.asString().size()) + rhs.asString().size();
    checkStringSize(size, span);
    reserveBytes(size, span);
    char *memory = static_cast<char *>(arena_.allocator().Allocate(size ? size : 1, 1));
    // An empty string may have no storage at all: memcpy needs a real pointer.
    if (!lhs.asString().empty())
      std::memcpy(memory, lhs.asString().data(), lhs.asString().size());
    if (!rhs.asString().empty())
      std::memcpy(memory + lhs.asString().size(), rhs.asString().data(), rhs.asString().size());
    return Value::string(llvm::StringRef(memory, size), span);
  }
  if (lhs.kind() == ValueKind::List && rhs.kind() == ValueKind::List) {
    llvm::SmallVector<Value, 16> items(lhs.asList().begin(), lhs.asList().end());
    items.append(rhs.asList().begin(), rhs.asList().end());
    return makeList(items, span);
  }
  raise(DiagKind::InvalidBinaryOperator, span, "+", kindName(lhs.kind()), kindName(rhs.kind()));
}

} // namespace cairn::eval
