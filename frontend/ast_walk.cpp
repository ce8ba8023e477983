#include "frontend/ast_walk.h"

namespace cairn::ast {
namespace {

template <typename... Fs> struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <typename... Fs> Overloaded(Fs...) -> Overloaded<Fs...>;

} // namespace

void forEachChildExpr(const Module &module, const Expr &expr, llvm::function_ref<void(ExprId)> visit) {
  auto go = [&](ExprId id) {
    if (id.valid() && id.index < module.exprCount())
      visit(id);
  };
  auto clauses = [&](const std::vector<CompClause> &cs) {
    for (const CompClause &c : cs)
      go(c.expr);
  };
  std::visit(Overloaded{
                 [&](const StringLit &s) {
                   for (const StringPart &p : s.parts)
                     go(p.expr);
                 },
                 [&](const ListLit &l) {
                   for (ExprId item : l.items)
                     go(item);
                 },
                 [&](const ListComp &c) {
                   clauses(c.clauses);
                   go(c.body);
                 },
                 [&](const MapComp &c) {
                   clauses(c.clauses);
                   go(c.key);
                   go(c.value);
                 },
                 [&](const ObjectLit &o) {
                   go(o.typeRef);
                   for (const FieldInit &f : o.fields)
                     go(f.value);
                 },
                 [&](const MemberExpr &m) { go(m.object); },
                 [&](const IndexExpr &x) {
                   go(x.object);
                   go(x.index);
                 },
                 [&](const CallExpr &c) {
                   go(c.callee);
                   for (ExprId a : c.args)
                     go(a);
                 },
                 [&](const LambdaExpr &l) { go(l.body); },
                 [&](const UnaryExpr &u) { go(u.operand); },
                 [&](const BinaryExpr &b) {
                   go(b.lhs);
                   go(b.rhs);
                 },
                 [&](const IfExpr &i) {
                   go(i.cond);
                   go(i.thenExpr);
                   go(i.elseExpr);
                 },
                 [&](const LetExpr &l) {
                   go(l.value);
                   go(l.body);
                 },
                 [&](const WithExpr &w) {
                   go(w.base);
                   go(w.overrides);
                 },
                 [](const auto &) {},
             },
             expr.data);
}

} // namespace cairn::ast
