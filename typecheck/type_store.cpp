// Interning of semantic types: structurally equal types share one id.
#include <algorithm>
#include <cstring>

#include <llvm/ADT/Hashing.h>

#include "typecheck/types.h"

namespace cairn::types {

namespace {

uint64_t hashDouble(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return bits;
}

uint64_t hashType(const Type &t) {
  llvm::hash_code h = llvm::hash_combine(
      static_cast<int>(t.kind), t.intRange.hasLow, t.intRange.hasHigh, t.intRange.low,
      t.intRange.high, t.floatRange.hasLow, t.floatRange.hasHigh, hashDouble(t.floatRange.low),
      hashDouble(t.floatRange.high), llvm::StringRef(t.pattern));
  h = llvm::hash_combine(h, static_cast<int>(t.literal.kind), t.literal.b, t.literal.i,
                         hashDouble(t.literal.f), llvm::StringRef(t.literal.s));
  h = llvm::hash_combine(h, t.element.index, t.result.index, t.schema,
                         llvm::StringRef(t.aliasName), t.aliased.index);
  for (TypeId m : t.members)
    h = llvm::hash_combine(h, m.index);
  return static_cast<uint64_t>(h);
}

bool sameDouble(double a, double b) { return hashDouble(a) == hashDouble(b); }

bool sameLiteral(const LiteralValue &a, const LiteralValue &b) {
  return a.kind == b.kind && a.b == b.b && a.i == b.i && sameDouble(a.f, b.f) && a.s == b.s;
}

bool sameType(const Type &a, const Type &b) {
  return a.kind == b.kind && a.intRange.hasLow == b.intRange.hasLow &&
         a.intRange.hasHigh == b.intRange.hasHigh && a.intRange.low == b.intRange.low &&
         a.intRange.high == b.intRange.high && a.floatRange.hasLow == b.floatRange.hasLow &&
         a.floatRange.hasHigh == b.floatRange.hasHigh &&
         sameDouble(a.floatRange.low, b.floatRange.low) &&
         sameDouble(a.floatRange.high, b.floatRange.high) && a.pattern == b.pattern &&
         sameLiteral(a.literal, b.literal) && a.element == b.element && a.members == b.members &&
         a.result == b.result && a.schema == b.schema && a.aliasName == b.aliasName &&
         a.aliased == b.aliased;
}

Type ofKind(TypeKind kind) {
  Type t;
  t.kind = kind;
  return t;
}

} // namespace

TypeStore::TypeStore() {
  error_ = intern(ofKind(TypeKind::Error));
  any_ = intern(ofKind(TypeKind::Any));
  never_ = intern(ofKind(TypeKind::Never));
  null_ = intern(ofKind(TypeKind::Null));
  bool_ = intern(ofKind(TypeKind::Bool));
  int_ = intern(ofKind(TypeKind::Int));
  float_ = intern(ofKind(TypeKind::Float));
  string_ = intern(ofKind(TypeKind::String));
}

TypeId TypeStore::intern(Type type) {
  uint64_t hash = hashType(type);
  auto &bucket = byHash_[hash];
  for (uint32_t index : bucket)
    if (sameType(*types_[index], type))
      return TypeId{index};
  types_.push_back(std::make_unique<Type>(std::move(type)));
  uint32_t index = static_cast<uint32_t>(types_.size() - 1);
  bucket.push_back(index);
  return TypeId{index};
}

TypeId TypeStore::refinedInt(IntRange range) {
  if (range.unbounded())
    return int_;
  Type t = ofKind(TypeKind::Int);
  t.intRange = range;
  return intern(std::move(t));
}

TypeId TypeStore::refinedFloat(FloatRange range) {
  if (range.unbounded())
    return float_;
  Type t = ofKind(TypeKind::Float);
  t.floatRange = range;
  return intern(std::move(t));
}

TypeId TypeStore::refinedString(IntRange length, std::string pattern) {
  if (length.unbounded() && pattern.empty())
    return string_;
  Type t = ofKind(TypeKind::String);
  t.intRange = length;
  t.pattern = std::move(pattern);
  return intern(std::move(t));
}

TypeId TypeStore::literal(LiteralValue value) {
  Type t = ofKind(TypeKind::Literal);
  t.literal = std::move(value);
  return intern(std::move(t));
}

TypeId TypeStore::list(TypeId element) {
  Type t = ofKind(TypeKind::List);
  t.element = element;
  return intern(std::move(t));
}

TypeId TypeStore::map(TypeId element) {
  Type t = ofKind(TypeKind::Map);
  t.element = element;
  return intern(std::move(t));
}

TypeId TypeStore::schema(uint32_t schemaIndex) {
  Type t = ofKind(TypeKind::Schema);
  t.schema = schemaIndex;
  return intern(std::move(t));
}

TypeId TypeStore::function(llvm::ArrayRef<TypeId> params, TypeId result) {
  Type t = ofKind(TypeKind::Function);
  t.members.assign(params.begin(), params.end());
  t.result = result;
  return intern(std::move(t));
}

TypeId TypeStore::alias(TypeId type, llvm::StringRef name) {
  Type t = get(type);
  t.aliasName = name.str();
  t.aliased = strip(type);
  return intern(std::move(t));
}

TypeId TypeStore::strip(TypeId type) const {
  const Type &t = get(type);
  return t.aliased.valid() ? t.aliased : type;
}

bool TypeStore::isRefined(TypeId id) const {
  const Type &t = get(id);
  switch (t.kind) {
  case TypeKind::Literal: return true;
  case TypeKind::Int: return !t.intRange.unbounded();
  case TypeKind::Float: return !t.floatRange.unbounded();
  case TypeKind::String: return !t.intRange.unbounded() || !t.pattern.empty();
  default: return false;
  }
}

TypeId TypeStore::unrefined(TypeId id) const {
  const Type &t = get(id);
  switch (t.kind) {
  case TypeKind::Int: return int_;
  case TypeKind::Float: return float_;
  case TypeKind::String: return string_;
  case TypeKind::Literal:
    switch (t.literal.kind) {
    case LiteralValue::Bool: return bool_;
    case LiteralValue::Int: return int_;
    case LiteralValue::Float: return float_;
    case LiteralValue::String: return string_;
    }
    return id;
  default: return id;
  }
}

TypeId TypeStore::unionOf(llvm::ArrayRef<TypeId> members) {
  std::vector<TypeId> flat;
  for (TypeId m : members) {
    const Type &t = get(m);
    if (t.kind == TypeKind::Error)
      return error_;
    if (t.kind == TypeKind::Any)
      return any_;
    if (t.kind == TypeKind::Never)
      continue;
    if (t.kind == TypeKind::Union)
      flat.insert(flat.end(), t.members.begin(), t.members.end());
    else
      flat.push_back(m);
  }
  std::sort(flat.begin(), flat.end(), [](TypeId a, TypeId b) { return a.index < b.index; });
  // Deduplicate structurally (an alias and its target are one member), and drop
  // refined members whose plain base type is a member too (`"a" | string` is `string`).
  std::vector<TypeId> kept;
  // Returns the kept member structurally equal to `t`, if any.
  auto keptEqual = [&](TypeId t) -> TypeId * {
    for (TypeId &k : kept)
      if (strip(k) == t)
        return &k;
    return nullptr;
  };
  auto containsPlain = [&](TypeId t) {
    for (TypeId f : flat)
      if (strip(f) == t)
        return true;
    return false;
  };
  for (TypeId m : flat) {
    TypeId s = strip(m);
    if (TypeId *same = keptEqual(s)) {
      if (!get(m).aliasName.empty())
        *same = m; // keep the alias: `Port?` reads better than `int(1..65535)?`
      continue;
    }
    if (isRefined(s) && unrefined(s) != s && containsPlain(unrefined(s)))
      continue;
    kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(), [](TypeId a, TypeId b) { return a.index < b.index; });
  if (kept.empty())
    return never_;
  if (kept.size() == 1)
    return kept.front();
  Type t = ofKind(TypeKind::Union);
  t.members = std::move(kept);
  return intern(std::move(t));
}

const std::regex *TypeStore::regex(TypeId id) const {
  TypeId s = strip(id);
  const Type &t = get(s);
  if (t.kind != TypeKind::String || t.pattern.empty())
    return nullptr;
  auto it = regexCache_.find(s.index);
  if (it != regexCache_.end())
    return it->second.get();
  std::shared_ptr<std::regex> compiled;
  try {
    // __polynomial: libstdc++'s default matcher recurses per character and overflows
    // the stack on long inputs; this mode does not.
    compiled = std::make_shared<std::regex>(t.pattern, std::regex::ECMAScript | std::regex_constants::__polynomial);
  } catch (const std::regex_error &) {
    compiled = nullptr; // the checker reports E0108 where the pattern is written
  }
  regexCache_[s.index] = compiled;
  return compiled.get();
}

} // namespace cairn::types
