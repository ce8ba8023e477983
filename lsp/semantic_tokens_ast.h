// The direct sub-expressions of an expression, for the presentation features'
// walks over the AST (semantic tokens, inlay hints). Invalid ids are skipped,
// so a broken tree is walked as far as it goes.
#pragma once

#include <llvm/ADT/STLFunctionalExtras.h>

#include "frontend/ast.h"

namespace cairn::lsp {

// Calls `visit` for each valid direct child of `e`, in source order.
void forEachChildExpr(const ast::Module &module, const ast::Expr &e,
                      llvm::function_ref<void(ast::ExprId)> visit);

// Whether `id` names an expression of `module` (an id from a damaged tree may not).
inline bool validExpr(const ast::Module &module, ast::ExprId id) {
  return id.valid() && id.index < module.exprCount();
}
inline bool validType(const ast::Module &module, ast::TypeExprId id) {
  return id.valid() && id.index < module.typeCount();
}

// The offset where the line holding `offset` starts (after "\n", "\r\n" or "\r").
inline uint32_t lineStartOf(llvm::StringRef text, uint32_t offset) {
  size_t lastBreak = text.substr(0, offset).find_last_of("\r\n");
  return lastBreak == llvm::StringRef::npos ? 0 : static_cast<uint32_t>(lastBreak + 1);
}

} // namespace cairn::lsp
