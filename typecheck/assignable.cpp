#include "typecheck/assignable.h"

namespace cairn::types {

bool TypeRelations::extendsSchema(uint32_t child, uint32_t ancestor) const {
  // Bounded walk: `extends` cycles are cut when schemas are built, but stay safe.
  for (size_t steps = 0; child != kNone && steps <= schemas_.size(); ++steps) {
    if (child == ancestor)
      return true;
    child = child < schemas_.size() ? schemas_[child].parent : kNone;
  }
  return false;
}

bool TypeRelations::assignable(TypeId from, TypeId to) const { return relate(from, to, false); }

bool TypeRelations::subtype(TypeId from, TypeId to) const { return relate(from, to, true); }

bool TypeRelations::relate(TypeId from, TypeId to, bool strict) const {
  from = store_.strip(from);
  to = store_.strip(to);
  if (from == to)
    return true;
  TypeKind fk = kind(from), tk = kind(to);
  if (fk == TypeKind::Error || tk == TypeKind::Error || tk == TypeKind::Any || fk == TypeKind::Never)
    return true;
  if (fk == TypeKind::Any)
    return !strict;
  if (fk == TypeKind::Union) {
    for (TypeId m : store_.get(from).members)
      if (!relate(m, to, strict))
        return false;
    return true;
  }
  if (tk == TypeKind::Union) {
    for (TypeId m : store_.get(to).members)
      if (relate(from, m, strict))
        return true;
    return false;
  }
  return relateMember(from, to, strict);
}

// int, float, string and bool values of any refinement share a base.
bool TypeRelations::sameBase(TypeId from, TypeId to) const {
  TypeId f = store_.unrefined(from), t = store_.unrefined(to);
  return f == t || (f == store_.integer() && t == store_.floating());
}

bool TypeRelations::relateMember(TypeId from, TypeId to, bool strict) const {
  const Type &f = store_.get(from);
  const Type &t = store_.get(to);
  switch (t.kind) {
  case TypeKind::Null: return f.kind == TypeKind::Null;
  case TypeKind::Bool:
  case TypeKind::Int:
  case TypeKind::Float:
  case TypeKind::String:
    // Strictly, only the unrefined base holds every value of the same base.
    return sameBase(from, to) && (!strict || !store_.isRefined(to));
  case TypeKind::Literal:
    // A different constant never fits; a non-constant value of the base type
    // is checked at run time (never, when strict).
    return !strict && f.kind != TypeKind::Literal && sameBase(from, to);
  case TypeKind::List:
  case TypeKind::Map: return f.kind == t.kind && relate(f.element, t.element, strict);
  case TypeKind::Schema: return f.kind == TypeKind::Schema && extendsSchema(f.schema, t.schema);
  case TypeKind::Function: {
    if (f.kind != TypeKind::Function || f.members.size() != t.members.size())
      return false;
    for (size_t i = 0; i < f.members.size(); ++i)
      if (!relate(t.members[i], f.members[i], strict))
        return false;
    return relate(f.result, t.result, strict);
  }
  default: return false;
  }
}

TypeId TypeRelations::widen(TypeId t) const {
  TypeId s = store_.strip(t);
  return store_.isRefined(s) ? store_.unrefined(s) : t;
}

TypeId TypeRelations::join(TypeId a, TypeId b) const {
  if (a == b)
    return a;
  if (isError(a) || isError(b))
    return store_.error();
  if (isAny(a) || isAny(b))
    return store_.any();
  if (kind(a) == TypeKind::Never)
    return b;
  if (kind(b) == TypeKind::Never)
    return a;
  a = widen(a);
  b = widen(b);
  // Strict subtyping: the permissive rule would let `string` vanish into `"a" | "b"`.
  if (subtype(a, b))
    return b;
  if (subtype(b, a))
    return a;
  return store_.unionOf({a, b});
}

bool TypeRelations::isNumeric(TypeId t) const {
  TypeId base = store_.unrefined(store_.strip(t));
  return base == store_.integer() || base == store_.floating();
}

bool TypeRelations::isString(TypeId t) const {
  return store_.unrefined(store_.strip(t)) == store_.string();
}

bool TypeRelations::isBool(TypeId t) const {
  return store_.unrefined(store_.strip(t)) == store_.boolean();
}

bool TypeRelations::isNullable(TypeId t) const {
  for (TypeId m : members(t))
    if (kind(m) == TypeKind::Null || isUnknown(m))
      return true;
  return false;
}

bool TypeRelations::isObject(TypeId t) const {
  TypeKind k = kind(t);
  return k == TypeKind::Schema || k == TypeKind::Map || k == TypeKind::Any;
}

TypeId TypeRelations::withoutNull(TypeId t) const {
  std::vector<TypeId> kept;
  for (TypeId m : members(t))
    if (kind(m) != TypeKind::Null)
      kept.push_back(m);
  return store_.unionOf(kept); // one member comes back as is, keeping its alias name
}

std::vector<TypeId> TypeRelations::members(TypeId t) const {
  TypeId s = store_.strip(t);
  if (kind(s) == TypeKind::Union)
    return store_.get(s).members;
  return {t};
}

} // namespace cairn::types
