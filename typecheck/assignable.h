// Relations between types: assignability, joins and the small queries the
// checker asks about a type (is it an object? nullable? numeric?).
#pragma once

#include <vector>

#include "typecheck/checked_program.h"

namespace cairn::types {

class TypeRelations {
public:
  TypeRelations(TypeStore &store, const std::vector<SchemaInfo> &schemas)
      : store_(store), schemas_(schemas) {}

  // Whether a value of `from` may go where `to` is needed. Refinements and
  // literal types of `to` are not checked here (a non-constant value of the
  // base type is checked at run time); see constant_fold.h for constants.
  bool assignable(TypeId from, TypeId to) const;
  // Whether every value of `from` is a value of `to`, with no run-time check
  // (`any` is a subtype of `any` only).
  bool subtype(TypeId from, TypeId to) const;
  // The type of a value that is either `a` or `b` (`if` branches, list items).
  TypeId join(TypeId a, TypeId b) const;
  // Whether schema `child` is `ancestor` or extends it, transitively.
  bool extendsSchema(uint32_t child, uint32_t ancestor) const;

  bool isError(TypeId t) const { return kind(t) == TypeKind::Error; }
  bool isAny(TypeId t) const { return kind(t) == TypeKind::Any; }
  // Error or any: no static judgement is possible.
  bool isUnknown(TypeId t) const { return isError(t) || isAny(t); }
  bool isNumeric(TypeId t) const;
  bool isString(TypeId t) const;
  bool isBool(TypeId t) const;
  bool isNullable(TypeId t) const;
  // Schema, map or any: something built with `{ ... }`.
  bool isObject(TypeId t) const;
  // `T` without `null` (`T?` -> `T`; `null` -> never).
  TypeId withoutNull(TypeId t) const;
  // Literal and refined types widened to their base: `"a"` -> string, `int(1..5)` -> int.
  TypeId widen(TypeId t) const;
  // The members of a union, or the type itself.
  std::vector<TypeId> members(TypeId t) const;

  TypeKind kind(TypeId t) const { return store_.kind(t); }

private:
  bool relate(TypeId from, TypeId to, bool strict) const;
  bool relateMember(TypeId from, TypeId to, bool strict) const;
  bool sameBase(TypeId from, TypeId to) const;

  TypeStore &store_;
  const std::vector<SchemaInfo> &schemas_;
};

} // namespace cairn::types
