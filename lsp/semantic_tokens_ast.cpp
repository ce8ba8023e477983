#include "lsp/semantic_tokens_ast.h"

#include "frontend/ast_walk.h"

namespace cairn::lsp {

void forEachChildExpr(const ast::Module &module, const ast::Expr &e,
                      llvm::function_ref<void(ast::ExprId)> visit) {
  ast::forEachChildExpr(module, e, visit);
}

} // namespace cairn::lsp
