#include "lsp/semantic_tokens_ast.h"

namespace cairn::lsp {
namespace {

template <typename... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <typename... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

void forEachChildExpr(const ast::Module &module, const ast::Expr &e,
                      llvm::function_ref<void(ast::ExprId)> visit) {
  auto go = [&](ast::ExprId id) {
    if (validExpr(module, id))
      visit(id);
  };
  auto clauses = [&](const std::vector<ast::CompClause> &cs) {
    for (const ast::CompClause &c : cs)
      go(c.expr);
  };
  std::visit(Overloaded{
                 [&](const ast::StringLit &s) {
                   for (const ast::StringPart &p : s.parts)
                     go(p.expr);
                 },
                 [&](const ast::ListLit &l) {
                   for (ast::ExprId item : l.items)
                     go(item);
                 },
                 [&](const ast::ListComp &c) {
                   clauses(c.clauses);
                   go(c.body);
                 },
                 [&](const ast::MapComp &c) {
                   clauses(c.clauses);
                   go(c.key);
                   go(c.value);
                 },
                 [&](const ast::ObjectLit &o) {
                   go(o.typeRef);
                   for (const ast::FieldInit &f : o.fields)
                     go(f.value);
                 },
                 [&](const ast::MemberExpr &m) { go(m.object); },
                 [&](const ast::IndexExpr &x) {
                   go(x.object);
                   go(x.index);
                 },
                 [&](const ast::CallExpr &c) {
                   go(c.callee);
                   for (ast::ExprId a : c.args)
                     go(a);
                 },
                 [&](const ast::LambdaExpr &l) { go(l.body); },
                 [&](const ast::UnaryExpr &u) { go(u.operand); },
                 [&](const ast::BinaryExpr &b) {
                   go(b.lhs);
                   go(b.rhs);
                 },
                 [&](const ast::IfExpr &i) {
                   go(i.cond);
                   go(i.thenExpr);
                   go(i.elseExpr);
                 },
                 [&](const ast::LetExpr &l) {
                   go(l.value);
                   go(l.body);
                 },
                 [&](const ast::WithExpr &w) {
                   go(w.base);
                   go(w.overrides);
                 },
                 [](const auto &) {},
             },
             e.data);
}

} // namespace cairn::lsp
