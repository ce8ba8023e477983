// Types as users write them: `{string: int(1..65535)}`, `"a" | "b"`, `Service?`.
#include <fmt/format.h>

#include "frontend/cairn_text.h"
#include "typecheck/checked_program.h"
#include "typecheck/types.h"

namespace cairn::types {

namespace {

std::string rangeText(const IntRange &r) {
  std::string out;
  if (r.hasLow)
    out += std::to_string(r.low);
  out += "..";
  if (r.hasHigh)
    out += std::to_string(r.high);
  return out;
}

} // namespace

// Shortest text that reads back as the same double, always with a `.` or exponent.
std::string formatFloat(double value) {
  std::string text = fmt::format("{}", value);
  if (text.find_first_of(".eEn") == std::string::npos)
    text += ".0";
  return text;
}

std::string displayLiteral(const LiteralValue &value) {
  switch (value.kind) {
  case LiteralValue::Bool: return value.b ? "true" : "false";
  case LiteralValue::Int: return std::to_string(value.i);
  case LiteralValue::Float: return formatFloat(value.f);
  case LiteralValue::String: return cairnString(value.s);
  }
  return "";
}

std::string TypeStore::display(TypeId id, llvm::ArrayRef<SchemaInfo> schemas) const {
  if (!id.valid())
    return "?";
  const Type &t = get(id);
  if (!t.aliasName.empty())
    return t.aliasName;
  auto inner = [&](TypeId member) {
    std::string text = display(member, schemas);
    TypeKind k = get(member).kind;
    bool needsParens = get(member).aliasName.empty() &&
                       (k == TypeKind::Function || k == TypeKind::Union);
    return needsParens ? "(" + text + ")" : text;
  };
  switch (t.kind) {
  case TypeKind::Error: return "<error>";
  case TypeKind::Any: return "any";
  case TypeKind::Never: return "never";
  case TypeKind::Null: return "null";
  case TypeKind::Bool: return "bool";
  case TypeKind::Int:
    return t.intRange.unbounded() ? "int" : "int(" + rangeText(t.intRange) + ")";
  case TypeKind::Float: {
    if (t.floatRange.unbounded())
      return "float";
    std::string out = "float(";
    if (t.floatRange.hasLow)
      out += formatFloat(t.floatRange.low);
    out += "..";
    if (t.floatRange.hasHigh)
      out += formatFloat(t.floatRange.high);
    return out + ")";
  }
  case TypeKind::String: {
    if (t.intRange.unbounded() && t.pattern.empty())
      return "string";
    std::string out = "string(";
    if (!t.intRange.unbounded())
      out += rangeText(t.intRange);
    if (!t.pattern.empty())
      out += (t.intRange.unbounded() ? "/" : ", /") + t.pattern + "/";
    return out + ")";
  }
  case TypeKind::Literal: return displayLiteral(t.literal);
  case TypeKind::List: return "[" + display(t.element, schemas) + "]";
  case TypeKind::Map: return "{string: " + display(t.element, schemas) + "}";
  case TypeKind::Schema:
    return t.schema < schemas.size() ? schemas[t.schema].name.str()
                                     : "schema#" + std::to_string(t.schema);
  case TypeKind::Function: {
    std::string out = "fn(";
    for (size_t i = 0; i < t.members.size(); ++i)
      out += (i ? ", " : "") + display(t.members[i], schemas);
    return out + ") -> " + display(t.result, schemas);
  }
  case TypeKind::Union: {
    std::vector<TypeId> others;
    bool hasNull = false;
    for (TypeId m : t.members) {
      if (get(m).kind == TypeKind::Null)
        hasNull = true;
      else
        others.push_back(m);
    }
    if (hasNull && others.size() == 1)
      return inner(others.front()) + "?";
    std::string out;
    for (size_t i = 0; i < others.size(); ++i)
      out += (i ? " | " : "") + inner(others[i]);
    return hasNull ? out + " | null" : out;
  }
  }
  return "?";
}

} // namespace cairn::types
