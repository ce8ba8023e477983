#include "lsp/cursor_context_ast.h"

#include "frontend/ast_walk.h"

namespace cairn::lsp {

using namespace cairn::ast;

void forEachChildExpr(const Module &module, ExprId expr, const std::function<void(ExprId)> &f) {
  if (expr.valid() && expr.index < module.exprCount())
    ast::forEachChildExpr(module, module.expr(expr), f);
}

static bool holds(Span span, uint32_t offset) { return span.begin <= offset && offset <= span.end; }

std::optional<DeclId> declAt(const Module &module, uint32_t offset) {
  for (DeclId id : module.decls())
    if (holds(module.decl(id).span, offset))
      return id;
  return std::nullopt;
}

// The root expressions of a declaration.
static std::vector<ExprId> declRoots(const Decl &decl) {
  std::vector<ExprId> roots;
  if (auto *p = decl.as<ParamDecl>())
    roots.push_back(p->defaultValue);
  else if (auto *l = decl.as<LetDecl>())
    roots.push_back(l->value);
  else if (auto *f = decl.as<FnDecl>())
    roots.push_back(f->body);
  else if (auto *e = decl.as<EmitDecl>())
    roots.push_back(e->value);
  else if (auto *s = decl.as<SchemaDecl>()) {
    for (const SchemaField &field : s->fields)
      roots.push_back(field.defaultValue);
    for (const SchemaCheck &check : s->checks) {
      roots.push_back(check.cond);
      roots.push_back(check.message);
    }
  } else if (auto *pol = decl.as<PolicyDecl>()) {
    for (const PolicySetting &setting : pol->settings)
      roots.push_back(setting.value);
    for (const PolicyParam &param : pol->params)
      roots.push_back(param.defaultValue);
    for (const PolicyCheck &check : pol->checks) {
      roots.push_back(check.cond);
      roots.push_back(check.message);
      roots.push_back(check.at);
    }
  }
  return roots;
}

std::vector<ExprId> exprPathAt(const Module &module, DeclId decl, uint32_t offset, llvm::StringRef text) {
  std::vector<ExprId> path;
  ExprId current;
  auto holds = [&](Span span) {
    if (span.begin <= offset && offset <= span.end)
      return true;
    return !text.empty() && span.end < offset && offset <= text.size() && text.slice(span.end, offset).trim().empty();
  };
  for (ExprId root : declRoots(module.decl(decl)))
    if (root.valid() && root.index < module.exprCount() && holds(module.expr(root).span))
      current = root;
  while (current.valid()) {
    path.push_back(current);
    ExprId next;
    // The innermost child wins; among siblings holding the offset (a name
    // ending where the next begins) the later one.
    forEachChildExpr(module, current, [&](ExprId child) {
      if (holds(module.expr(child).span))
        next = child;
    });
    current = next;
  }
  return path;
}

static types::TypeId typeAt(const std::vector<types::TypeId> &table, uint32_t index) {
  return index < table.size() ? table[index] : types::TypeId{};
}

// The parameter types of a function type (empty when it is not one).
static std::vector<types::TypeId> paramTypes(const Snapshot &s, types::TypeId fnType) {
  if (!fnType.valid())
    return {};
  const types::Type &t = s.checked.types.get(s.checked.types.strip(fnType));
  return t.kind == types::TypeKind::Function ? t.members : std::vector<types::TypeId>{};
}

// Types of the variables of a `for` clause over a value of type `iterated`.
static void clauseLocals(const Snapshot &s, const CompClause &clause, types::TypeId iterated,
                         std::vector<LocalName> &out) {
  const types::TypeStore &store = s.checked.types;
  types::TypeId first, second;
  if (iterated.valid()) {
    const types::Type &t = store.get(store.strip(iterated));
    if (t.kind == types::TypeKind::List) {
      first = clause.second.valid() ? store.integer() : t.element;
      second = t.element;
    } else if (t.kind == types::TypeKind::Map) {
      first = store.string();
      second = t.element;
    }
  }
  if (clause.second.valid())
    out.push_back({clause.second.text, clause.second.span, second, "loop variable"});
  if (clause.first.valid())
    out.push_back({clause.first.text, clause.first.span, first, "loop variable"});
}

std::vector<LocalName> localsAt(const Snapshot &s, uint32_t moduleIndex, uint32_t offset) {
  const Module &module = s.ast(moduleIndex);
  const types::CheckedModule &checked = s.types(moduleIndex);
  std::vector<LocalName> locals;
  std::optional<DeclId> decl = declAt(module, offset);
  if (!decl) // the cursor after the last declaration's end: white space only between
    for (DeclId id : module.decls())
      if (Span span = module.decl(id).span; span.end < offset && s.text(moduleIndex).slice(span.end, offset).trim().empty())
        decl = id;
  if (!decl)
    return locals;
  std::vector<ExprId> path = exprPathAt(module, *decl, offset, s.text(moduleIndex));
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    const Expr &e = module.expr(*it);
    if (auto *lam = e.as<LambdaExpr>()) {
      std::vector<types::TypeId> params = paramTypes(s, typeAt(checked.exprTypes, it->index));
      for (size_t i = 0; i < lam->params.size(); ++i)
        if (lam->params[i].name.valid())
          locals.push_back({lam->params[i].name.text, lam->params[i].name.span,
                            i < params.size() ? params[i] : types::TypeId{}, "parameter"});
    } else if (auto *let = e.as<LetExpr>()) {
      bool inBody = let->value.valid() && offset > module.expr(let->value).span.end;
      if (inBody && let->name.valid())
        locals.push_back({let->name.text, let->name.span, typeAt(checked.exprTypes, let->value.index), "local"});
    } else if (auto *lc = e.as<ListComp>()) {
      for (auto c = lc->clauses.rbegin(); c != lc->clauses.rend(); ++c)
        if (c->kind == CompClause::For)
          clauseLocals(s, *c, c->expr.valid() ? typeAt(checked.exprTypes, c->expr.index) : types::TypeId{}, locals);
    } else if (auto *mc = e.as<MapComp>()) {
      for (auto c = mc->clauses.rbegin(); c != mc->clauses.rend(); ++c)
        if (c->kind == CompClause::For)
          clauseLocals(s, *c, c->expr.valid() ? typeAt(checked.exprTypes, c->expr.index) : types::TypeId{}, locals);
    }
  }
  if (auto *fn = module.decl(*decl).as<FnDecl>()) {
    std::vector<types::TypeId> params = paramTypes(s, typeAt(checked.declTypes, decl->index));
    for (size_t i = 0; i < fn->params.size(); ++i)
      if (fn->params[i].name.valid())
        locals.push_back({fn->params[i].name.text, fn->params[i].name.span,
                          i < params.size() ? params[i] : types::TypeId{}, "parameter"});
  }
  return locals;
}

llvm::StringRef declName(const Decl &decl) {
  if (auto *p = decl.as<ParamDecl>())
    return p->name.text;
  if (auto *l = decl.as<LetDecl>())
    return l->name.text;
  if (auto *f = decl.as<FnDecl>())
    return f->name.text;
  if (auto *t = decl.as<TypeAliasDecl>())
    return t->name.text;
  if (auto *s = decl.as<SchemaDecl>())
    return s->name.text;
  return {};
}

std::optional<DeclId> findDecl(const Module &module, llvm::StringRef name) {
  if (name.empty())
    return std::nullopt;
  for (DeclId id : module.decls())
    if (declName(module.decl(id)) == name)
      return id;
  return std::nullopt;
}

std::optional<uint32_t> importedModule(const Snapshot &s, uint32_t module, llvm::StringRef alias) {
  if (alias.empty())
    return std::nullopt;
  for (const ModuleImport &import : s.program.modules[module].imports)
    if (import.alias == alias && import.module != kNoModule)
      return import.module;
  return std::nullopt;
}

ObjectAtBrace objectAtBrace(const Module &module, uint32_t braceOffset) {
  ObjectAtBrace found;
  for (uint32_t i = 0; i < module.exprCount(); ++i) {
    const Expr &e = module.expr(ExprId{i});
    if (auto *o = e.as<ObjectLit>(); o && o->bodySpan.begin == braceOffset && o->bodySpan.valid())
      found.object = ExprId{i};
  }
  if (!found.object.valid())
    return found;
  for (uint32_t i = 0; i < module.exprCount(); ++i)
    if (auto *w = module.expr(ExprId{i}).as<WithExpr>(); w && w->overrides == found.object)
      found.withExpr = ExprId{i};
  return found;
}

} // namespace cairn::lsp
