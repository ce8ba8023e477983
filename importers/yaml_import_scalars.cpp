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

namespace {

// Whether a `float` (or a float literal) of `type` takes `f` as it is.
bool acceptsFloat(const types::TypeStore &store, TypeId type, double f) {
  const types::Type &t = store.get(store.strip(type));
  switch (t.kind) {
  case TypeKind::Any: return true;
  case TypeKind::Float: return t.floatRange.contains(f);
  case TypeKind::Literal: return t.literal.kind == types::LiteralValue::Float && t.literal.f == f;
  case TypeKind::Union:
    return std::any_of(t.members.begin(), t.members.end(),
                       [&](TypeId member) { return acceptsFloat(store, member, f); });
  default: return false;
  }
}

} // namespace

bool TypedReader::scalarFits(const manifest::ScalarValue &value, llvm::StringRef text, TypeId type) const {
  const types::Type &t = checked_.types.get(checked_.types.strip(type));
  switch (t.kind) {
  case TypeKind::Any: return true;
  case TypeKind::Union:
    return std::any_of(t.members.begin(), t.members.end(),
                       [&](TypeId member) { return scalarFits(value, text, member); });
  case TypeKind::Null: return value.type == ScalarType::Null;
  case TypeKind::Bool: return value.type == ScalarType::Bool;
  case TypeKind::Int: {
    int64_t i = 0; // `2.0` and `1e3` too: kubectl sends them as `2` and `1000`
    return manifest::asInteger(value, i) && t.intRange.contains(i);
  }
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
    case types::LiteralValue::Int: {
      int64_t i = 0;
      return manifest::asInteger(value, i) && i == t.literal.i;
    }
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

// A null list item or map value: the API server's JSON decoder leaves the
// zero value of the element type there, as `cairn validate` reads it.
TypedReader::Result TypedReader::readNullElement(NodeId node, TypeId type) {
  TypeId t = checked_.types.strip(type);
  switch (checked_.types.kind(t)) {
  case TypeKind::List: return {CairnExpr::list(), true};
  case TypeKind::Map: {
    Result result{CairnExpr::object(false), true};
    result.expr.isMap = true;
    return result;
  }
  case TypeKind::String:
    if (scalarFits(manifest::ScalarValue{ScalarType::String}, "", t))
      return {CairnExpr::string(""), true};
    break;
  case TypeKind::Int:
  case TypeKind::Float:
    if (scalarFits(manifest::ScalarValue{ScalarType::Int}, {}, t))
      return {CairnExpr::atom("0"), true};
    break;
  case TypeKind::Bool: return {CairnExpr::atom("false"), true};
  default: break;
  }
  return mismatch(node, type);
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
  // An integral number where an integer fits is the integer the API server
  // reads (`replicas: 2.0` is `2`); a float literal would not type as `int`.
  int64_t integral = 0;
  manifest::ScalarValue asInt{ScalarType::Int};
  if (value.type == ScalarType::Float && !acceptsFloat(checked_.types, type, value.floatValue) &&
      manifest::asInteger(value, integral)) {
    asInt.intValue = integral;
    if (scalarFits(asInt, {}, type))
      result.expr = CairnExpr::atom(cairnInt(integral));
  }
  return result;
}

} // namespace cairn::importers
