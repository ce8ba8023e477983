#include "lsp/secret_taint.h"

#include <llvm/ADT/DenseSet.h>
#include <llvm/ADT/SmallVector.h>

#include "frontend/ast_walk.h"

namespace cairn::lsp {
namespace {

using types::BindingKind;

class SecretSearch {
public:
  explicit SecretSearch(const Snapshot &snapshot) : snap_(snapshot) {}

  bool decl(uint32_t module, ast::DeclId id) {
    if (module >= snap_.program.modules.size() || !id.valid() || id.index >= snap_.ast(module).declCount())
      return false;
    if (!visited_.insert((uint64_t(module) << 32) | id.index).second)
      return false; // already searched (or being searched: a cycle)
    const ast::Decl &d = snap_.ast(module).decl(id);
    if (const auto *param = d.as<ast::ParamDecl>())
      return param->isSecret();
    if (const auto *let = d.as<ast::LetDecl>())
      return expr(module, let->value);
    if (const auto *fn = d.as<ast::FnDecl>())
      return expr(module, fn->body);
    return false;
  }

private:
  // Iterative: expressions nest as deep as the source does.
  bool expr(uint32_t module, ast::ExprId root) {
    const ast::Module &code = snap_.ast(module);
    const types::CheckedModule &checked = snap_.types(module);
    llvm::SmallVector<ast::ExprId, 32> pending{root};
    while (!pending.empty()) {
      ast::ExprId id = pending.pop_back_val();
      if (!id.valid() || id.index >= code.exprCount())
        continue;
      if (id.index < checked.bindings.size()) {
        const types::Binding &b = checked.bindings[id.index];
        bool declared = b.kind == BindingKind::Let || b.kind == BindingKind::Param || b.kind == BindingKind::Fn;
        if (declared && decl(b.module, ast::DeclId{b.index}))
          return true;
      }
      ast::forEachChildExpr(code, code.expr(id), [&](ast::ExprId child) { pending.push_back(child); });
    }
    return false;
  }

  const Snapshot &snap_;
  llvm::DenseSet<uint64_t> visited_;
};

} // namespace

bool declHoldsSecret(const Snapshot &snapshot, uint32_t module, ast::DeclId decl) {
  return SecretSearch(snapshot).decl(module, decl);
}

} // namespace cairn::lsp
