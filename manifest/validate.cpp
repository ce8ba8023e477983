#include "manifest/validate.h"

#include <cmath>
#include <regex>

#include <fmt/format.h>
#include <llvm/ADT/SmallVector.h>

#include "manifest/validate_hints.h"
#include "manifest/validator.h"

namespace cairn::manifest {

using types::TypeId;
using types::TypeKind;

void appendPathKey(std::string &path, llvm::StringRef key) {
  bool plain = !key.empty();
  for (char c : key)
    plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '$');
  if (plain) {
    if (!path.empty())
      path += '.';
    path += key.str();
    return;
  }
  path += "[\"";
  for (char c : key)
    path += c == '"' ? std::string("\\\"") : std::string(1, c);
  path += "\"]";
}

void appendPathIndex(std::string &path, size_t index) { path += fmt::format("[{}]", index); }

bool MatchCache::matches(const types::TypeStore &store, TypeId type, llvm::StringRef text) {
  const std::regex *re = store.regex(type);
  if (re == nullptr)
    return true;
  llvm::StringMap<bool> &known = results_[type.index];
  auto it = known.find(text);
  if (it != known.end())
    return it->second;
  bool result = std::regex_match(text.begin(), text.end(), *re);
  if (known.size() < kMaxEntriesPerType)
    known.try_emplace(text, result);
  return result;
}

namespace detail {

std::string Validator::keyOf(NodeId key) const {
  std::string text;
  NodeId resolved = doc_.resolve(key);
  if (resolved != kNoNode && doc_.node(resolved).kind == NodeKind::Scalar)
    keyString(doc_.text(resolved), doc_.node(resolved).quoted, text);
  return text;
}

std::string Validator::path() const {
  std::string out;
  for (const PathStep &step : steps_) {
    if (step.key == kNoNode)
      appendPathIndex(out, step.index);
    else
      appendPathKey(out, keyOf(step.key));
  }
  return out;
}

std::string Validator::pathWith(llvm::StringRef key) const {
  std::string out = path();
  appendPathKey(out, key);
  return out;
}

bool Validator::tooDeep(NodeId node) {
  if (steps_.size() < options_.maxDepth)
    return false;
  if (!depthReported_)
    issues_->report(path(), DiagKind::ManifestTooDeep, doc_.span(node), options_.maxDepth);
  depthReported_ = true;
  return true;
}

Validator::Shape Validator::shapeOf(NodeId resolved, ScalarValue &value) const {
  if (resolved == kNoNode)
    return Shape::Unknown;
  switch (doc_.node(resolved).kind) {
  case NodeKind::Null: return Shape::Null;
  case NodeKind::Sequence: return Shape::List;
  case NodeKind::Mapping: return Shape::Mapping;
  case NodeKind::Alias: return Shape::Unknown;
  case NodeKind::Scalar: break;
  }
  value = doc_.scalar(resolved);
  switch (value.type) {
  case ScalarType::Null: return Shape::Null;
  case ScalarType::Bool: return Shape::Bool;
  case ScalarType::Int: return Shape::Int;
  case ScalarType::Float: return Shape::Float;
  case ScalarType::String: return Shape::String;
  }
  return Shape::Unknown;
}

// Whether a member of a union could hold a value of this shape at all.
bool Validator::accepts(TypeId member, Shape shape, const ScalarValue &value) const {
  const types::Type &t = store_.get(store_.strip(member));
  int64_t i = 0;
  switch (t.kind) {
  case TypeKind::Any:
  case TypeKind::Error: return true;
  case TypeKind::Null: return shape == Shape::Null;
  case TypeKind::Bool: return shape == Shape::Bool;
  case TypeKind::Int: return shape == Shape::Int || (shape == Shape::Float && asInteger(value, i));
  case TypeKind::Float: return shape == Shape::Int || shape == Shape::Float;
  case TypeKind::String: return shape == Shape::String;
  case TypeKind::List: return shape == Shape::List;
  case TypeKind::Map:
  case TypeKind::Schema: return shape == Shape::Mapping;
  case TypeKind::Literal:
    switch (t.literal.kind) {
    case types::LiteralValue::Bool: return shape == Shape::Bool;
    case types::LiteralValue::Int: return shape == Shape::Int || shape == Shape::Float;
    case types::LiteralValue::Float: return shape == Shape::Int || shape == Shape::Float;
    case types::LiteralValue::String: return shape == Shape::String;
    }
    return false;
  default: return false;
  }
}

void Validator::mismatch(NodeId node, TypeId shown) {
  Diagnostic &d = issues_->report(path(), DiagKind::ManifestTypeMismatch, doc_.span(node),
                                  displayType(checked_, shown), shownNode(node));
  std::string hint = mismatchHint(doc_, node, store_, shown);
  if (!hint.empty())
    d.withHint(hint);
  hideSecret(d, node);
}

void Validator::constraint(NodeId node, TypeId shown, std::string hint) {
  Diagnostic &d = issues_->report(path(), DiagKind::ManifestConstraint, doc_.span(node),
                                  shownNode(node), displayType(checked_, shown));
  if (!hint.empty())
    d.withHint(std::move(hint));
  hideSecret(d, node);
}

void Validator::check(NodeId node, TypeId shown) {
  TypeId type = store_.strip(shown);
  const types::Type &t = store_.get(type);
  if (t.kind == TypeKind::Any || t.kind == TypeKind::Error)
    return;
  NodeId resolved = doc_.resolve(node);
  ScalarValue value;
  Shape shape = shapeOf(resolved, value);
  if (shape == Shape::Unknown)
    return mismatch(node, shown);
  if (t.kind == TypeKind::Union)
    return checkUnion(node, type, shape, value);
  if (shape == Shape::Null && t.kind != TypeKind::Null)
    return checkNullElement(node, shown);
  if (!accepts(type, shape, value))
    return mismatch(node, shown);
  switch (t.kind) {
  case TypeKind::List: return checkList(resolved, t.element);
  case TypeKind::Map: return checkMap(resolved, t.element);
  case TypeKind::Schema: return checkSchema(resolved, t.schema);
  case TypeKind::String: return checkString(resolved, type, shown);
  default: return checkScalar(resolved, type, shown, shape, value);
  }
}

// Int, Float, Bool, Null and Literal types; the shape already fits.
void Validator::checkScalar(NodeId node, TypeId type, TypeId shown, Shape shape, const ScalarValue &value) {
  const types::Type &t = store_.get(type);
  if (t.kind == TypeKind::Int) {
    int64_t i = 0;
    if (!asInteger(value, i))
      return constraint(node, shown, "the number does not fit in 64 bits");
    if (!t.intRange.contains(i))
      constraint(node, shown, rangeHint(t.intRange));
    return;
  }
  if (t.kind == TypeKind::Float) {
    double f = value.type == ScalarType::Int ? static_cast<double>(value.intValue) : value.floatValue;
    if (!std::isfinite(f))
      return mismatch(node, shown);
    if (!t.floatRange.contains(f))
      constraint(node, shown);
    return;
  }
  if (t.kind == TypeKind::Literal && !literalMatches(doc_, node, t.literal))
    constraint(node, shown, literalHint(doc_, node, {t.literal}));
  (void)shape;
}

void Validator::checkString(NodeId node, TypeId type, TypeId shown) {
  const types::Type &t = store_.get(type);
  if (!store_.isRefined(type))
    return;
  llvm::StringRef text = doc_.text(node);
  if (!t.intRange.unbounded()) {
    size_t length = codePointCount(text);
    if (!t.intRange.contains(static_cast<int64_t>(length)))
      return constraint(node, shown, lengthHint(t.intRange, length));
  }
  if (!t.pattern.empty() && !matches(type, text))
    constraint(node, shown, fmt::format("it must match the pattern /{}/", t.pattern));
}

void Validator::checkUnion(NodeId node, TypeId type, Shape shape, const ScalarValue &value) {
  const types::Type &t = store_.get(type);
  llvm::SmallVector<TypeId, 4> candidates;
  bool onlyLiterals = true;
  for (TypeId member : t.members)
    if (accepts(member, shape, value)) {
      TypeKind kind = store_.kind(store_.strip(member));
      if (kind == TypeKind::Any || kind == TypeKind::Error || kind == TypeKind::Null)
        return;
      candidates.push_back(member);
      onlyLiterals = onlyLiterals && kind == TypeKind::Literal;
    }
  if (candidates.empty())
    return shape == Shape::Null ? checkNullElement(node, type) : mismatch(node, type);
  NodeId resolved = doc_.resolve(node);
  if (onlyLiterals) {
    std::vector<types::LiteralValue> literals;
    for (TypeId member : candidates) {
      const types::LiteralValue &literal = store_.get(store_.strip(member)).literal;
      if (literalMatches(doc_, resolved, literal))
        return;
      literals.push_back(literal);
    }
    return constraint(node, type, literalHint(doc_, resolved, literals));
  }
  if (candidates.size() == 1)
    return check(node, candidates.front());
  // Several members could fit: keep the first that does, else the closest miss.
  IssueSink *outer = issues_;
  IssueSink best;
  bool haveBest = false;
  for (TypeId member : candidates) {
    IssueSink trial;
    issues_ = &trial;
    check(node, member);
    issues_ = outer;
    if (trial.errorCount() == 0)
      return;
    if (!haveBest || trial.errorCount() < best.errorCount()) {
      best = std::move(trial);
      haveBest = true;
    }
  }
  issues_->append(std::move(best));
}

void Validator::checkList(NodeId node, TypeId element) {
  if (tooDeep(node))
    return;
  uint32_t index = 0;
  for (NodeId item = doc_.node(node).firstChild; item != kNoNode; item = doc_.node(item).nextSibling) {
    steps_.push_back({kNoNode, index++});
    check(item, element);
    steps_.pop_back();
  }
}

void Validator::checkMap(NodeId node, TypeId element) {
  if (tooDeep(node))
    return;
  bool anyValue = store_.kind(store_.strip(element)) == TypeKind::Any;
  if (anyValue)
    return;
  llvm::SmallVector<MapEntry, 16> entries;
  mappingEntries(doc_, node, entries);
  for (const MapEntry &entry : entries) {
    steps_.push_back({entry.key, 0});
    check(entry.value, element);
    steps_.pop_back();
  }
}

// A null list item or map value: the API server's decoder leaves the zero
// value there ("", 0, false, an empty list or map), which may still fit.
void Validator::checkNullElement(NodeId node, TypeId shown) {
  TypeId type = store_.strip(shown);
  const types::Type &t = store_.get(type);
  switch (t.kind) {
  case TypeKind::List:
  case TypeKind::Map: return;
  case TypeKind::String:
    if (t.intRange.contains(0) && matches(type, ""))
      return;
    break;
  case TypeKind::Int:
    if (t.intRange.contains(0))
      return;
    break;
  case TypeKind::Float:
    if (t.floatRange.contains(0))
      return;
    break;
  case TypeKind::Bool: return;
  default: break;
  }
  mismatch(node, shown);
}

} // namespace detail

} // namespace cairn::manifest
