#include "frontend/ast.h"

namespace cairn::ast {

const char *spelling(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add: return "+";
  case BinaryOp::Sub: return "-";
  case BinaryOp::Mul: return "*";
  case BinaryOp::Div: return "/";
  case BinaryOp::Mod: return "%";
  case BinaryOp::Eq: return "==";
  case BinaryOp::Ne: return "!=";
  case BinaryOp::Lt: return "<";
  case BinaryOp::Le: return "<=";
  case BinaryOp::Gt: return ">";
  case BinaryOp::Ge: return ">=";
  case BinaryOp::And: return "&&";
  case BinaryOp::Or: return "||";
  case BinaryOp::Coalesce: return "??";
  }
  return "?";
}

const char *spelling(UnaryOp op) { return op == UnaryOp::Neg ? "-" : "!"; }

bool StringLit::isConstant() const {
  for (const StringPart &part : parts)
    if (part.expr.valid())
      return false;
  return true;
}

std::string StringLit::constantText() const {
  std::string text;
  for (const StringPart &part : parts)
    text += part.text.str();
  return text;
}

} // namespace cairn::ast
