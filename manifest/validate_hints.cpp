#include "manifest/validate_hints.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace cairn::manifest {

using types::TypeId;
using types::TypeKind;

std::string displayType(const types::CheckedProgram &checked, TypeId type) {
  const types::Type &t = checked.types.get(checked.types.strip(type));
  bool aliased = !checked.types.get(type).aliasName.empty();
  const types::IntRange &r = t.intRange;
  if (t.kind == TypeKind::Int && !aliased && r.hasLow && r.hasHigh && r.low == INT32_MIN && r.high == INT32_MAX)
    return "int32";
  // A long enum: the first values and the count (the hint gives the closest).
  constexpr size_t kShownLiterals = 4;
  if (t.kind == TypeKind::Union && !aliased && t.members.size() > 2 * kShownLiterals) {
    bool literals = std::all_of(t.members.begin(), t.members.end(),
                                [&](TypeId m) { return checked.types.kind(checked.types.strip(m)) == TypeKind::Literal; });
    if (literals) {
      std::string shown;
      for (size_t i = 0; i < kShownLiterals; ++i)
        shown += checked.display(t.members[i]) + " | ";
      return fmt::format("{}... ({} values)", shown, t.members.size());
    }
  }
  return checked.display(type);
}

bool asInteger(const ScalarValue &value, int64_t &out) {
  if (value.type == ScalarType::Int && !value.intTooLarge) {
    out = value.intValue;
    return true;
  }
  double f = value.floatValue;
  if (value.type == ScalarType::Float && std::isfinite(f) && f == std::trunc(f) && std::fabs(f) < 9.2e18) {
    out = static_cast<int64_t>(f);
    return true;
  }
  return false;
}

bool literalMatches(const Document &doc, NodeId node, const types::LiteralValue &literal) {
  node = doc.resolve(node);
  if (node == kNoNode || doc.node(node).kind != NodeKind::Scalar)
    return false;
  ScalarValue v = doc.scalar(node);
  int64_t i = 0;
  switch (literal.kind) {
  case types::LiteralValue::String: return v.type == ScalarType::String && doc.text(node) == literal.s;
  case types::LiteralValue::Bool: return v.type == ScalarType::Bool && v.boolValue == literal.b;
  case types::LiteralValue::Int: return asInteger(v, i) && i == literal.i;
  case types::LiteralValue::Float:
    if (v.type == ScalarType::Int)
      return !v.intTooLarge && static_cast<double>(v.intValue) == literal.f;
    return v.type == ScalarType::Float && v.floatValue == literal.f;
  }
  return false;
}

namespace {

// What the expected type can hold, members of a union included.
struct Wants {
  bool string = false, number = false, boolean = false, list = false, mapping = false;
};

Wants wantsOf(const types::TypeStore &store, TypeId type) {
  Wants w;
  const types::Type &t = store.get(store.strip(type));
  auto add = [&](const types::Type &m) {
    switch (m.kind) {
    case TypeKind::String: w.string = true; break;
    case TypeKind::Int:
    case TypeKind::Float: w.number = true; break;
    case TypeKind::Bool: w.boolean = true; break;
    case TypeKind::List: w.list = true; break;
    case TypeKind::Map:
    case TypeKind::Schema: w.mapping = true; break;
    case TypeKind::Literal:
      w.string |= m.literal.kind == types::LiteralValue::String;
      w.number |= m.literal.kind == types::LiteralValue::Int || m.literal.kind == types::LiteralValue::Float;
      w.boolean |= m.literal.kind == types::LiteralValue::Bool;
      break;
    default: break;
    }
  };
  if (t.kind == TypeKind::Union)
    for (TypeId member : t.members)
      add(store.get(store.strip(member)));
  else
    add(t);
  return w;
}

bool isYaml11OnlyBool(llvm::StringRef text) {
  return text != "true" && text != "false" && text != "True" && text != "False" && text != "TRUE" &&
         text != "FALSE";
}

} // namespace

std::string mismatchHint(const Document &doc, NodeId node, const types::TypeStore &store, TypeId expected) {
  Wants wants = wantsOf(store, expected);
  NodeId resolved = doc.resolve(node);
  if (resolved == kNoNode)
    return {};
  const Node &n = doc.node(resolved);
  if (n.kind == NodeKind::Scalar) {
    llvm::StringRef text = doc.text(resolved);
    ScalarValue v = doc.scalar(resolved);
    if (v.type == ScalarType::Float && !std::isfinite(v.floatValue))
      return "JSON has no NaN or infinity, so the API server cannot accept this number";
    if (!n.quoted && wants.string && v.type != ScalarType::String && v.type != ScalarType::Null) {
      std::string hint = fmt::format("quote it: `\"{}\"`", text.str());
      if (v.type == ScalarType::Bool && isYaml11OnlyBool(text))
        hint += fmt::format("; Kubernetes reads YAML 1.1, where `{}` is a boolean", text.str());
      return hint;
    }
    if (n.quoted && (wants.number || wants.boolean)) {
      ScalarValue unquoted = resolveScalar(text, false);
      bool fits = (wants.number && (unquoted.type == ScalarType::Int || unquoted.type == ScalarType::Float)) ||
                  (wants.boolean && unquoted.type == ScalarType::Bool);
      if (fits)
        return fmt::format("remove the quotes: `{}`", text.str());
    }
    if (wants.mapping && v.type == ScalarType::String && text.contains(':') && !text.contains(": "))
      return "a mapping needs a space after each `:` (`key: value`)";
    if (wants.list && !wants.string && !wants.number && !wants.boolean && text.size() <= 40)
      return fmt::format("this field is a list: `[{}]`", text.str());
    return {};
  }
  if (n.kind == NodeKind::Mapping && wants.list && !wants.mapping)
    return "this field is a list: start each item with `- `";
  if (n.kind == NodeKind::Sequence && wants.mapping && !wants.list)
    return "this field is a single object, not a list: remove the `- `";
  return {};
}

std::string rangeHint(const types::IntRange &range) {
  if (range.hasLow && range.hasHigh)
    return fmt::format("it must be between {} and {}", range.low, range.high);
  if (range.hasLow)
    return fmt::format("it must be at least {}", range.low);
  if (range.hasHigh)
    return fmt::format("it must be at most {}", range.high);
  return {};
}

std::string lengthHint(const types::IntRange &range, size_t length) {
  std::string limit;
  if (range.hasLow && range.hasHigh)
    limit = range.low == range.high ? fmt::format("exactly {}", range.low)
                                    : fmt::format("between {} and {}", range.low, range.high);
  else if (range.hasLow)
    limit = fmt::format("at least {}", range.low);
  else
    limit = fmt::format("at most {}", range.high);
  return fmt::format("it has {} character{}; it must have {}", length, length == 1 ? "" : "s", limit);
}

std::string literalHint(const Document &doc, NodeId node, const std::vector<types::LiteralValue> &literals) {
  std::vector<std::string> names;
  for (const types::LiteralValue &literal : literals)
    names.push_back(literal.kind == types::LiteralValue::String ? literal.s : types::displayLiteral(literal));
  NodeId resolved = doc.resolve(node);
  if (resolved != kNoNode && doc.node(resolved).kind == NodeKind::Scalar) {
    std::vector<llvm::StringRef> candidates(names.begin(), names.end());
    std::string best = closestMatch(doc.text(resolved), candidates);
    if (!best.empty())
      return fmt::format("did you mean `{}`?", best);
  }
  std::string list;
  for (size_t i = 0; i < names.size() && i < 12; ++i)
    list += fmt::format("{}`{}`", i == 0 ? "" : ", ", names[i]);
  if (names.size() > 12)
    list += ", ...";
  return fmt::format("use one of {}", list);
}

std::string fieldListNote(const types::SchemaInfo &schema) {
  constexpr size_t kShown = 16;
  std::string list;
  for (size_t i = 0; i < schema.fields.size() && i < kShown; ++i)
    list += fmt::format("{}`{}`", i == 0 ? "" : ", ", schema.fields[i].name.str());
  if (schema.fields.size() > kShown)
    list += fmt::format(" and {} more", schema.fields.size() - kShown);
  if (list.empty())
    return fmt::format("`{}` has no fields", schema.name.str());
  return fmt::format("`{}` has the fields {}", schema.name.str(), list);
}

std::string missingFieldHint(const types::CheckedProgram &checked, const types::FieldInfo &field,
                             const std::string &parentPath) {
  std::string where = parentPath.empty() ? std::string("the object") : fmt::format("`{}`", parentPath);
  std::string type = displayType(checked, field.type);
  if (type.size() > 40) // a long pattern or union says little here
    return fmt::format("add `{}:` to {}", field.name.str(), where);
  return fmt::format("add `{}:` (a `{}`) to {}", field.name.str(), type, where);
}

} // namespace cairn::manifest
