// The direct sub-expressions of an expression, for analyses that walk the
// tree without caring what each node means (purity, uses of a name).
#pragma once

#include <llvm/ADT/STLFunctionalExtras.h>

#include "frontend/ast.h"

namespace cairn::ast {

// Calls `visit` for each valid child expression of `expr`, in source order.
// Types written in the expression (a lambda's parameter types) are not
// expressions and are skipped.
void forEachChildExpr(const Module &module, const Expr &expr, llvm::function_ref<void(ExprId)> visit);

} // namespace cairn::ast
