#include "eval/constant_exprs.h"

#include "frontend/ast_walk.h"

namespace cairn::eval {

bool ConstantExprs::isConstant(uint32_t module, ast::ExprId expr) {
  if (states_.empty())
    states_.resize(program_.modules.size());
  std::vector<State> &states = states_[module];
  if (states.empty())
    states.resize(program_.modules[module].ast.exprCount(), Unknown);
  if (!expr.valid() || expr.index >= states.size())
    return false;
  if (states[expr.index] == Unknown)
    states[expr.index] = compute(module, expr) ? Constant : Varying; // children first: no cycles in a tree
  return states[expr.index] == Constant;
}

bool ConstantExprs::compute(uint32_t module, ast::ExprId id) {
  const ast::Module &ast = program_.modules[module].ast;
  const types::CheckedModule &checked = checked_.modules[module];
  const ast::Expr &expr = ast.expr(id);
  types::Binding binding = id.index < checked.bindings.size() ? checked.bindings[id.index] : types::Binding{};
  using types::BindingKind;
  if (expr.is<ast::NameRef>())
    return binding.kind == BindingKind::Let || binding.kind == BindingKind::Param;
  if (expr.is<ast::LambdaExpr>() || expr.is<ast::LetExpr>() || expr.is<ast::ListComp>() ||
      expr.is<ast::MapComp>() || expr.is<ast::ErrorExpr>())
    return false; // they bind locals (or capture them)
  if (const auto *member = expr.as<ast::MemberExpr>()) {
    if (binding.kind != BindingKind::None) // a module member: `lib.defaults`
      return binding.kind == BindingKind::Let || binding.kind == BindingKind::Param;
    return isConstant(module, member->object);
  }
  if (const auto *call = expr.as<ast::CallExpr>()) {
    types::Binding callee =
        call->callee.index < checked.bindings.size() ? checked.bindings[call->callee.index] : types::Binding{};
    bool pureCallee =
        (callee.kind == BindingKind::Fn && purity_.isPure(callee.module, ast::DeclId{callee.index})) ||
        (callee.kind == BindingKind::Builtin &&
         callee.index != static_cast<uint32_t>(types::BuiltinId::CurrentObject) &&
         callee.index != static_cast<uint32_t>(types::BuiltinId::CurrentPath));
    if (!pureCallee)
      return false;
    for (ast::ExprId arg : call->args)
      if (!isConstant(module, arg))
        return false;
    return true;
  }
  if ((expr.is<ast::ObjectLit>() || expr.is<ast::WithExpr>()) && !purity_.schemasArePure())
    return false;
  const auto *object = expr.as<ast::ObjectLit>();
  bool constant = true;
  ast::forEachChildExpr(ast, expr, [&](ast::ExprId child) {
    // A literal's type name (`core.Probe { ... }`) is not a value.
    if (constant && !(object && child == object->typeRef))
      constant = isConstant(module, child);
  });
  return constant;
}

} // namespace cairn::eval
