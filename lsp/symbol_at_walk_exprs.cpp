// The occurrence walker, expressions: names, member accesses (module members
// or schema fields by the object's type), object literal keys, and the
// scopes of lambdas, `let (...)` and comprehensions.
#include "lsp/symbol_at_walker.h"

namespace cairn::lsp::detail {

void Walker::walkExpr(ast::ExprId id) {
  if (!id.valid() || id.index >= ast_.exprCount())
    return;
  const ast::Expr &e = ast_.expr(id);
  if (skip(e.span))
    return;
  walkExprData(id, e);
}

void Walker::walkExprData(ast::ExprId id, const ast::Expr &e) {
  if (auto *ref = e.as<ast::NameRef>()) return walkNameRef(id, *ref);
  if (auto *member = e.as<ast::MemberExpr>()) return walkMember(id, *member);
  if (auto *object = e.as<ast::ObjectLit>()) return walkObject(id, *object);
  if (auto *str = e.as<ast::StringLit>()) {
    for (const ast::StringPart &part : str->parts)
      walkExpr(part.expr);
    return;
  }
  if (auto *list = e.as<ast::ListLit>()) {
    for (ast::ExprId item : list->items)
      walkExpr(item);
    return;
  }
  if (auto *comp = e.as<ast::ListComp>()) {
    size_t depth = locals_.size();
    walkClauses(comp->clauses);
    walkExpr(comp->body);
    locals_.resize(depth);
    return;
  }
  if (auto *comp = e.as<ast::MapComp>()) {
    size_t depth = locals_.size();
    walkClauses(comp->clauses);
    walkExpr(comp->key);
    walkExpr(comp->value);
    locals_.resize(depth);
    return;
  }
  if (auto *index = e.as<ast::IndexExpr>()) {
    walkExpr(index->object);
    return walkExpr(index->index);
  }
  if (auto *call = e.as<ast::CallExpr>()) {
    walkExpr(call->callee);
    for (ast::ExprId arg : call->args)
      walkExpr(arg);
    return;
  }
  if (auto *lambda = e.as<ast::LambdaExpr>()) {
    size_t depth = locals_.size();
    for (const ast::LambdaParam &p : lambda->params) {
      walkType(p.type);
      declareLocal(p.name);
    }
    walkExpr(lambda->body);
    locals_.resize(depth);
    return;
  }
  if (auto *unary = e.as<ast::UnaryExpr>()) return walkExpr(unary->operand);
  if (auto *binary = e.as<ast::BinaryExpr>()) {
    walkExpr(binary->lhs);
    return walkExpr(binary->rhs);
  }
  if (auto *ifExpr = e.as<ast::IfExpr>()) {
    walkExpr(ifExpr->cond);
    walkExpr(ifExpr->thenExpr);
    return walkExpr(ifExpr->elseExpr);
  }
  if (auto *let = e.as<ast::LetExpr>()) {
    walkType(let->type);
    walkExpr(let->value); // the name is not in scope in its own value
    size_t depth = locals_.size();
    declareLocal(let->name);
    walkExpr(let->body);
    locals_.resize(depth);
    return;
  }
  if (auto *with = e.as<ast::WithExpr>()) {
    walkExpr(with->base);
    if (with->overrides.valid() && with->overrides.index < ast_.exprCount())
      if (auto *object = ast_.expr(with->overrides).as<ast::ObjectLit>())
        if (!skip(ast_.expr(with->overrides).span))
          walkObjectBody(*object, at(types_.objectTypes, with->overrides, at(types_.objectTypes, id)));
  }
}

void Walker::walkClauses(const std::vector<ast::CompClause> &clauses) {
  // A clause sees the variables of the clauses before it, not its own.
  for (const ast::CompClause &clause : clauses) {
    walkExpr(clause.expr);
    if (clause.kind != ast::CompClause::For)
      continue;
    declareLocal(clause.first);
    if (clause.second.valid())
      declareLocal(clause.second);
  }
}

void Walker::walkNameRef(ast::ExprId id, const ast::NameRef &ref) {
  if (!ref.name.valid())
    return;
  Binding b = at(types_.bindings, id);
  std::optional<Symbol> symbol;
  if (b.kind == BindingKind::Local)
    symbol = findLocal(ref.name.text);
  else if (b.kind == BindingKind::Import) {
    if (auto index = importIndex(ref.name.text))
      symbol = importSymbol(*index);
  } else
    symbol = bindingSymbol(b);
  if (symbol)
    emit(*symbol, ref.name.span, OccurrenceRole::Read, id);
}

void Walker::walkMember(ast::ExprId id, const ast::MemberExpr &member) {
  Binding b = at(types_.bindings, id);
  if (b.kind != BindingKind::None && b.kind != BindingKind::Local) {
    // A module member (`lib.f`, `apps.Deployment`): the alias, then the member.
    walkExpr(member.object);
    if (member.member.valid())
      if (auto symbol = bindingSymbol(b))
        emit(*symbol, member.member.span, OccurrenceRole::Read, id);
    return;
  }
  walkExpr(member.object);
  if (!member.member.valid() || skip(member.member.span))
    return;
  types::TypeId objectType = at(types_.exprTypes, member.object);
  if (!objectType.valid())
    return;
  uint32_t schema = schemaOfType(snap_, objectType, member.member.text);
  if (schema == kNone)
    return;
  if (auto symbol = field(schema, member.member.text))
    emit(*symbol, member.member.span, OccurrenceRole::Read, id);
}

void Walker::walkObject(ast::ExprId id, const ast::ObjectLit &object) {
  walkExpr(object.typeRef);
  walkObjectBody(object, at(types_.objectTypes, id));
}

void Walker::walkObjectBody(const ast::ObjectLit &object, types::TypeId built) {
  for (const ast::FieldInit &init : object.fields) {
    if (skip(init.span))
      continue;
    // Each segment of `a.b.c = v` sets a field of the schema the previous one has.
    uint32_t schema = built.valid() && !init.path.empty() ? schemaOfType(snap_, built, init.path[0].text) : kNone;
    for (size_t i = 0; i < init.path.size(); ++i) {
      const ast::Name &name = init.path[i];
      if (schema == kNone || !name.valid())
        break;
      const types::FieldInfo *info = snap_.checked.schemas[schema].field(name.text);
      if (!info)
        break;
      if (auto symbol = field(schema, name.text))
        emit(*symbol, name.span, OccurrenceRole::Write);
      schema = i + 1 < init.path.size() ? schemaOfType(snap_, info->type, init.path[i + 1].text) : kNone;
    }
    walkExpr(init.value);
  }
}

} // namespace cairn::lsp::detail
