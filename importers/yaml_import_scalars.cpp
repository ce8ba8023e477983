// Scalars: whether a YAML scalar fits a Cairn scalar type (refinements and
// literal types included), how it is written, and how to fix one that does not fit.
#include <algorithm>
#include <cmath>
#include <regex>

#include "importers/yaml_import_text.h"
#include "importers/yaml_import_typed.h"
#include "manifest/validate_hints.h"

namespace cairn::importers {

using manifest::NodeId;
using manifest::NodeKind;
using manifest::ScalarType;
using types::TypeId;
using types::TypeKind;

bool scalarLiteral(const manifest::Document &doc, NodeId node, CairnExpr &out) {
  node = doc.resolve(node);
  if (isNullValue(doc, node)) {
    out = CairnExpr::atom("null");
    return true;
  }
  manifest::ScalarValue value = doc.scalar(node);
  switch (value.type) {
  case ScalarType::Null: out = CairnExpr::atom("null"); return true;
  case ScalarType::Bool: out = CairnExpr::atom(value.boolValue ? "true" : "false"); return true;
  case ScalarType::Int: out = CairnExpr::atom(cairnInt(value.intValue)); return true;
  case ScalarType::Float:
    if (!std::isfinite(value.floatValue))
      return false;
    out = CairnExpr::atom(cairnFloat(value.floatValue));
    return true;
  case ScalarType::String: out = CairnExpr::string(doc.text(node).str()); return true;
  }
  return false;
}

bool TypedReader::scalarFits(const manifest::ScalarValue &value, llvm::StringRef text, TypeId type) const {
  const types::Type &t = checked_.types.get(checked_.types.strip(type));
  switch (t.kind) {
  case TypeKind::Any: return true;
  case TypeKind::Union:
    return std::any_of(t.members.begin(), t.members.end(),
                       [&](TypeId member) { return scalarFits(value, text, member); });
  case TypeKind::Null: return value.type == ScalarType::Null;
  case TypeKind::Bool: return value.type == ScalarType::Bool;
  case TypeKind::Int: return value.type == ScalarType::Int && t.intRange.contains(value.intValue);
  case TypeKind::Float:
    return (value.type == ScalarType::Int || value.type == ScalarType::Float) &&
           t.floatRange.contains(value.type == ScalarType::Int ? double(value.intValue) : value.floatValue);
  case TypeKind::String: {
    if (value.type != ScalarType::String)
      return false;
    const std::regex *pattern = checked_.types.regex(checked_.types.strip(type));
    return t.intRange.contains(static_cast<int64_t>(codePointCount(text))) &&
           (pattern == nullptr || std::regex_match(text.begin(), text.end(), *pattern));
  }
  case TypeKind::Literal:
    switch (t.literal.kind) {
    case types::LiteralValue::String: return value.type == ScalarType::String && text == t.literal.s;
    case types::LiteralValue::Int: return value.type == ScalarType::Int && value.intValue == t.literal.i;
    case types::LiteralValue::Float: return value.type == ScalarType::Float && value.floatValue == t.literal.f;
    case types::LiteralValue::Bool: return value.type == ScalarType::Bool && value.boolValue == t.literal.b;
    }
    return false;
  default: return false;
  }
}

// How to fix a value: the hints of `cairn validate` (quoting, `- ` for lists,
// the closest allowed value of an enum).
std::string TypedReader::fixHint(NodeId node, TypeId type) const {
  std::string hint = manifest::mismatchHint(doc_, node, checked_.types, type);
  if (!hint.empty() || doc_.node(node).kind != NodeKind::Scalar)
    return hint;
  std::vector<types::LiteralValue> literals;
  TypeId t = checked_.types.strip(type);
  if (checked_.types.kind(t) == TypeKind::Literal)
    literals.push_back(checked_.types.get(t).literal);
  if (checked_.types.kind(t) == TypeKind::Union)
    for (TypeId member : checked_.types.get(t).members)
      if (checked_.types.kind(checked_.types.strip(member)) == TypeKind::Literal)
        literals.push_back(checked_.types.get(checked_.types.strip(member)).literal);
  return literals.empty() ? std::string() : manifest::literalHint(doc_, node, literals);
}

TypedReader::Result TypedReader::readScalar(NodeId node, TypeId type) {
  NodeKind shape = doc_.node(node).kind;
  if (shape != NodeKind::Scalar && shape != NodeKind::Null)
    return mismatch(node, type);
  bool null = isNullValue(doc_, node);
  manifest::ScalarValue value = null ? manifest::ScalarValue{ScalarType::Null} : doc_.scalar(node);
  Result result{CairnExpr::atom("null"), true};
  if (!scalarFits(value, null ? llvm::StringRef() : doc_.text(node), type))
    return mismatch(node, type);
  if (!scalarLiteral(doc_, node, result.expr))
    return mismatch(node, type, manifest::describeNode(doc_, node) + ", which Cairn cannot write");
  return result;
}

} // namespace cairn::importers
