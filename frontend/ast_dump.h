// S-expression dump of an AST (tests, `cairn debug ast`).
#pragma once

#include <string>

#include "frontend/ast.h"

namespace cairn {

std::string dumpAst(const ast::Module &module);
std::string dumpExpr(const ast::Module &module, ast::ExprId id);

} // namespace cairn
