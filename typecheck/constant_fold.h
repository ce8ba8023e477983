// Compile-time values of constant expressions, so that `port = 70000` against
// `int(1..65535)` is reported before anything runs (E0310).
#pragma once

#include <optional>

#include "frontend/ast.h"
#include "typecheck/types.h"

namespace cairn::types {

// The value of an expression made only of literals and operators on them
// (`8080`, `-1`, `"a" + "b"`, `60 * 60`); nullopt for anything else, and for
// operations that would fail at run time (overflow, division by zero).
std::optional<LiteralValue> constantValue(const ast::Module &module, ast::ExprId expr);

// Whether the constant satisfies the ranges, patterns and literal values of
// `type` (some member, for a union). False also when its base type does not
// fit at all; callers tell the two apart with assignability.
bool constantFits(const TypeStore &store, const LiteralValue &value, TypeId type);

} // namespace cairn::types
