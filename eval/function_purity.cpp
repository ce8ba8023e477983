#include "eval/function_purity.h"

#include <llvm/ADT/DenseSet.h>

#include "frontend/ast_walk.h"

namespace cairn::eval {
namespace {

bool readsLintContext(types::BuiltinId id) {
  return id == types::BuiltinId::CurrentObject || id == types::BuiltinId::CurrentPath;
}

} // namespace

bool FunctionPurity::isPure(uint32_t module, ast::DeclId decl) {
  if (states_.empty())
    states_.resize(program_.modules.size());
  std::vector<State> &states = states_[module];
  if (states.empty())
    states.resize(program_.modules[module].ast.declCount(), State::Unknown);
  if (states[decl.index] == State::Unknown)
    states[decl.index] = noneReachesContext({{module, decl.index}}) ? State::Pure : State::Impure;
  return states[decl.index] == State::Pure;
}

bool FunctionPurity::noneReachesContext(std::vector<std::pair<uint32_t, uint32_t>> start) {
  // Everything reachable from a pure function is pure too (it reaches a
  // subset), so a clean walk settles every function it visited.
  llvm::DenseSet<std::pair<uint32_t, uint32_t>> visited(start.begin(), start.end());
  std::vector<std::pair<uint32_t, uint32_t>> pending = start, seen = start;
  while (!pending.empty()) {
    auto [module, decl] = pending.back();
    pending.pop_back();
    if (states_[module].empty())
      states_[module].resize(program_.modules[module].ast.declCount(), State::Unknown);
    State known = states_[module][decl];
    if (known == State::Impure)
      return false;
    if (known == State::Pure)
      continue;
    const Direct &d = direct(module, decl);
    if (d.impure)
      return false;
    for (const auto &next : d.refers)
      if (visited.insert(next).second) {
        pending.push_back(next);
        seen.push_back(next);
      }
  }
  for (auto [module, decl] : seen)
    states_[module][decl] = State::Pure;
  return true;
}

FunctionPurity::Direct &FunctionPurity::direct(uint32_t module, uint32_t decl) {
  if (directs_.empty())
    directs_.resize(program_.modules.size());
  if (directs_[module].empty())
    directs_[module].resize(program_.modules[module].ast.declCount());
  if (!directs_[module][decl].computed) {
    Direct d;
    d.computed = true;
    const auto *fn = program_.modules[module].ast.decl(ast::DeclId{decl}).as<ast::FnDecl>();
    d.impure = !fn || !exprIsPure(module, fn->body, d.refers);
    directs_[module][decl] = std::move(d); // exprIsPure may have grown directs_[module]'s siblings, not this one
  }
  return directs_[module][decl];
}

bool FunctionPurity::nodeIsPure(uint32_t module, ast::ExprId id, std::vector<std::pair<uint32_t, uint32_t>> &refers) {
  const ast::Module &ast = program_.modules[module].ast;
  const types::CheckedModule &checked = checked_.modules[module];
  const ast::Expr &expr = ast.expr(id);
  auto bindingOf = [&](ast::ExprId e) {
    return e.index < checked.bindings.size() ? checked.bindings[e.index] : types::Binding{};
  };
  if (expr.is<ast::NameRef>() || expr.is<ast::MemberExpr>()) {
    types::Binding binding = bindingOf(id);
    if (binding.kind == types::BindingKind::Fn)
      refers.push_back({binding.module, binding.index});
    else if (binding.kind == types::BindingKind::Builtin && readsLintContext(static_cast<types::BuiltinId>(binding.index)))
      return false;
  }
  if (const auto *call = expr.as<ast::CallExpr>()) {
    types::BindingKind callee = bindingOf(call->callee).kind;
    // Calling a value (a parameter or a local holding a function) runs code
    // this walk cannot see.
    if (callee != types::BindingKind::Fn && callee != types::BindingKind::Builtin)
      return false;
  }
  if ((expr.is<ast::ObjectLit>() || expr.is<ast::WithExpr>()) && !schemasArePure())
    return false;
  return true;
}

bool FunctionPurity::exprIsPure(uint32_t module, ast::ExprId root, std::vector<std::pair<uint32_t, uint32_t>> &refers) {
  const ast::Module &ast = program_.modules[module].ast;
  llvm::SmallVector<ast::ExprId, 32> pending{root};
  while (!pending.empty()) {
    ast::ExprId id = pending.pop_back_val();
    if (!id.valid() || id.index >= ast.exprCount() || !nodeIsPure(module, id, refers))
      return false;
    ast::forEachChildExpr(ast, ast.expr(id), [&](ast::ExprId child) { pending.push_back(child); });
  }
  return true;
}

bool FunctionPurity::schemasArePure() {
  if (computingSchemas_)
    return true; // the schemas' own object literals are part of this answer
  if (schemasPure_)
    return *schemasPure_;
  computingSchemas_ = true;
  if (states_.empty())
    states_.resize(program_.modules.size());
  bool pure = true;
  std::vector<std::pair<uint32_t, uint32_t>> refers;
  for (uint32_t s = 0; pure && s < checked_.schemas.size(); ++s) {
    const types::SchemaInfo &schema = checked_.schemas[s];
    for (const types::FieldInfo &field : schema.fields) // inherited ones are seen in their own schema
      if (pure && field.ownerSchema == s && field.defaultValue.valid())
        pure = exprIsPure(field.module, field.defaultValue, refers);
    for (const types::CheckInfo &check : schema.checks)
      if (pure && check.ownerSchema == s)
        pure = exprIsPure(check.module, check.cond, refers) &&
               (!check.message.valid() || exprIsPure(check.module, check.message, refers));
  }
  pure = pure && noneReachesContext(std::move(refers));
  computingSchemas_ = false;
  schemasPure_ = pure;
  return pure;
}

} // namespace cairn::eval
