#include "lsp/hover.h"

#include <fmt/format.h>

#include "lsp/cursor_context_ast.h"

namespace cairn::lsp {
namespace {

using types::TypeId;
using types::TypeKind;

bool holds(Span span, uint32_t offset) { return span.valid() && span.begin <= offset && offset <= span.end; }
bool holds(const ast::Name &name, uint32_t offset) { return name.valid() && holds(name.span, offset); }

class Hoverer {
public:
  Hoverer(const Snapshot &s, uint32_t module, uint32_t offset)
      : s_(s), module_(module), offset_(offset), ast_(s.ast(module)), checked_(s.types(module)) {}

  std::optional<HoverInfo> run();

private:
  std::optional<HoverInfo> declHeader(ast::DeclId id);
  std::optional<HoverInfo> inTypes(ast::DeclId id);
  std::optional<HoverInfo> inTypeExpr(ast::TypeExprId type);
  std::optional<HoverInfo> inExprs(ast::DeclId id);
  std::optional<HoverInfo> binding(const types::Binding &b, const ast::Name &name, ast::ExprId expr);
  std::optional<HoverInfo> fieldInit(ast::ExprId object);
  std::optional<HoverInfo> field(uint32_t schema, const ast::Name &name);
  HoverInfo at(Span span, Description d) const { return {span.begin, span.end, std::move(d)}; }
  Description importDescription(uint32_t imported, llvm::StringRef alias) const;
  TypeId exprType(ast::ExprId e) const {
    return e.index < checked_.exprTypes.size() ? checked_.exprTypes[e.index] : TypeId{};
  }
  uint32_t schemaOf(TypeId t) const;

  const Snapshot &s_;
  uint32_t module_, offset_;
  const ast::Module &ast_;
  const types::CheckedModule &checked_;
};

uint32_t Hoverer::schemaOf(TypeId t) const {
  if (!t.valid())
    return types::kNone;
  const types::TypeStore &store = s_.checked.types;
  const types::Type &type = store.get(store.strip(t));
  if (type.kind == TypeKind::Schema)
    return type.schema;
  if (type.kind == TypeKind::Union)
    for (TypeId member : type.members)
      if (store.kind(store.strip(member)) == TypeKind::Schema)
        return store.get(store.strip(member)).schema;
  return types::kNone;
}

Description Hoverer::importDescription(uint32_t imported, llvm::StringRef alias) const {
  Description d;
  if (imported >= s_.program.modules.size())
    return d;
  const ProgramModule &m = s_.program.modules[imported];
  d.signature = fmt::format("import {} as {}", m.displayPath, alias.str());
  d.note = m.isStdlib ? "standard library module" : "module";
  return d;
}

std::optional<HoverInfo> Hoverer::field(uint32_t schema, const ast::Name &name) {
  if (schema >= s_.checked.schemas.size())
    return std::nullopt;
  const types::FieldInfo *info = s_.checked.schemas[schema].field(name.text);
  if (!info)
    return std::nullopt;
  return at(name.span, describeField(s_, *info));
}

std::optional<HoverInfo> Hoverer::declHeader(ast::DeclId id) {
  const ast::Decl &decl = ast_.decl(id);
  if (auto *import = decl.as<ast::ImportDecl>()) {
    for (const ModuleImport &mi : s_.program.modules[module_].imports)
      if (mi.decl == id && mi.module != kNoModule && (holds(import->pathSpan, offset_) || holds(import->alias, offset_)))
        return at(holds(import->alias, offset_) ? import->alias.span : import->pathSpan,
                  importDescription(mi.module, mi.alias));
    return std::nullopt;
  }
  if (auto *schema = decl.as<ast::SchemaDecl>()) {
    uint32_t index = id.index < checked_.declSchemas.size() ? checked_.declSchemas[id.index] : types::kNone;
    for (const ast::SchemaField &f : schema->fields)
      if (holds(f.name, offset_))
        return field(index, f.name);
  }
  const ast::Name *name = nullptr;
  if (auto *l = decl.as<ast::LetDecl>()) name = &l->name;
  else if (auto *p = decl.as<ast::ParamDecl>()) name = &p->name;
  else if (auto *f = decl.as<ast::FnDecl>()) name = &f->name;
  else if (auto *t = decl.as<ast::TypeAliasDecl>()) name = &t->name;
  else if (auto *sd = decl.as<ast::SchemaDecl>()) name = &sd->name;
  if (name && holds(*name, offset_))
      return at(name->span, describeDecl(s_, module_, id));
  if (auto *fn = decl.as<ast::FnDecl>())
    for (const LocalName &local : localsAt(s_, module_, offset_))
      for (const ast::FnParam &p : fn->params)
        if (holds(p.name, offset_) && local.span.begin == p.name.span.begin)
          return at(p.name.span, {fmt::format("{}: {}", local.name.str(),
                                              local.type.valid() ? s_.checked.display(local.type) : "any"),
                                  constraintsOf(s_, local.type), "", "parameter"});
  return std::nullopt;
}

std::optional<HoverInfo> Hoverer::inTypeExpr(ast::TypeExprId id) {
  if (!id.valid() || id.index >= ast_.typeCount() || !holds(ast_.type(id).span, offset_))
    return std::nullopt;
  const ast::TypeExpr &type = ast_.type(id);
  auto recurse = [&](ast::TypeExprId child) { return inTypeExpr(child); };
  if (auto *named = type.as<ast::NamedType>()) {
    if (holds(named->qualifier, offset_))
      if (auto imported = importedModule(s_, module_, named->qualifier.text))
        return at(named->qualifier.span, importDescription(*imported, named->qualifier.text));
    if (!holds(named->name, offset_))
      return std::nullopt;
    TypeId t = id.index < checked_.localTypes.size() ? checked_.localTypes[id.index] : TypeId{};
    if (!t.valid())
      return std::nullopt;
    if (uint32_t schema = schemaOf(t); schema != types::kNone && s_.checked.types.kind(s_.checked.types.strip(t)) == TypeKind::Schema)
      return at(named->name.span, describeSchema(s_, schema));
    Description d;
    const types::Type &shown = s_.checked.types.get(t);
    d.signature = shown.aliased.valid()
                      ? fmt::format("type {} = {}", shown.aliasName, s_.checked.display(shown.aliased))
                      : s_.checked.display(t);
    d.constraints = constraintsOf(s_, t);
    return at(named->name.span, d);
  }
  std::optional<HoverInfo> found;
  auto visit = [&](ast::TypeExprId child) {
    if (!found)
      found = recurse(child);
  };
  if (auto *l = type.as<ast::ListType>()) visit(l->element);
  else if (auto *m = type.as<ast::MapType>()) { visit(m->key); visit(m->value); }
  else if (auto *o = type.as<ast::OptionalType>()) visit(o->inner);
  else if (auto *u = type.as<ast::UnionType>()) for (auto member : u->members) visit(member);
  else if (auto *f = type.as<ast::FnType>()) { for (auto p : f->params) visit(p); visit(f->result); }
  return found;
}

std::optional<HoverInfo> Hoverer::inTypes(ast::DeclId id) {
  const ast::Decl &decl = ast_.decl(id);
  std::vector<ast::TypeExprId> roots;
  if (auto *p = decl.as<ast::ParamDecl>()) roots.push_back(p->type);
  else if (auto *l = decl.as<ast::LetDecl>()) roots.push_back(l->type);
  else if (auto *f = decl.as<ast::FnDecl>()) { for (auto &p : f->params) roots.push_back(p.type); roots.push_back(f->result); }
  else if (auto *t = decl.as<ast::TypeAliasDecl>()) roots.push_back(t->type);
  else if (auto *s = decl.as<ast::SchemaDecl>()) for (auto &f : s->fields) roots.push_back(f.type);
  else if (auto *pol = decl.as<ast::PolicyDecl>()) { roots.push_back(pol->target); for (auto &p : pol->params) roots.push_back(p.type); }
  for (ast::TypeExprId root : roots)
    if (auto found = inTypeExpr(root))
      return found;
  return std::nullopt;
}

std::optional<HoverInfo> Hoverer::binding(const types::Binding &b, const ast::Name &name, ast::ExprId expr) {
  switch (b.kind) {
  case types::BindingKind::Let:
  case types::BindingKind::Param:
  case types::BindingKind::Fn:
  case types::BindingKind::TypeAlias:
    if (b.module < s_.program.modules.size() && b.index < s_.ast(b.module).declCount())
      return at(name.span, describeDecl(s_, b.module, ast::DeclId{b.index}));
    return std::nullopt;
  case types::BindingKind::Builtin:
    return at(name.span, describeBuiltin(static_cast<types::BuiltinId>(b.index)));
  case types::BindingKind::Schema:
    return at(name.span, describeSchema(s_, b.index));
  case types::BindingKind::Import:
    return at(name.span, importDescription(b.module, name.text));
  case types::BindingKind::SchemaField:
    if (b.module < s_.checked.schemas.size() && b.index < s_.checked.schemas[b.module].fields.size())
      return at(name.span, describeField(s_, s_.checked.schemas[b.module].fields[b.index]));
    return std::nullopt;
  case types::BindingKind::Local:
    for (const LocalName &local : localsAt(s_, module_, offset_))
      if (local.name == name.text) {
        TypeId t = local.type.valid() ? local.type : exprType(expr);
        return at(name.span, {fmt::format("{}: {}", name.text.str(), t.valid() ? s_.checked.display(t) : "any"),
                              constraintsOf(s_, t), "", local.what});
      }
    return std::nullopt;
  case types::BindingKind::None:
    return std::nullopt;
  }
  return std::nullopt;
}

// A name of a field path in an object body: `spec.replicas = 3`, `metadata { ... }`.
std::optional<HoverInfo> Hoverer::fieldInit(ast::ExprId object) {
  const auto *lit = ast_.expr(object).as<ast::ObjectLit>();
  TypeId type = object.index < checked_.objectTypes.size() ? checked_.objectTypes[object.index] : TypeId{};
  for (const ast::FieldInit &init : lit->fields) {
    uint32_t schema = schemaOf(type);
    for (const ast::Name &name : init.path) {
      if (schema == types::kNone || schema >= s_.checked.schemas.size())
        break;
      const types::FieldInfo *info = s_.checked.schemas[schema].field(name.text);
      if (!info)
        break;
      if (holds(name, offset_))
        return at(name.span, describeField(s_, *info));
      schema = schemaOf(info->type);
    }
  }
  return std::nullopt;
}

std::optional<HoverInfo> Hoverer::inExprs(ast::DeclId id) {
  std::vector<ast::ExprId> path = exprPathAt(ast_, id, offset_);
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    const ast::Expr &e = ast_.expr(*it);
    types::Binding b = it->index < checked_.bindings.size() ? checked_.bindings[it->index] : types::Binding{};
    if (auto *ref = e.as<ast::NameRef>(); ref && holds(ref->name, offset_))
      return binding(b, ref->name, *it);
    if (auto *member = e.as<ast::MemberExpr>(); member && holds(member->member, offset_)) {
      if (b.kind != types::BindingKind::None)
        return binding(b, member->member, *it);
      if (auto found = field(schemaOf(exprType(member->object)), member->member))
        return found;
    }
    if (e.as<ast::ObjectLit>())
      if (auto found = fieldInit(*it))
        return found;
    if (auto *lam = e.as<ast::LambdaExpr>())
      for (const ast::LambdaParam &p : lam->params)
        if (holds(p.name, offset_))
          return binding({types::BindingKind::Local}, p.name, *it);
  }
  // No name: the inferred type of the innermost expression.
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    TypeId t = exprType(*it);
    if (!t.valid() || s_.checked.types.kind(t) == TypeKind::Error)
      continue;
    Description d;
    d.signature = s_.checked.display(t);
    d.constraints = constraintsOf(s_, t);
    d.note = "expression";
    return at(ast_.expr(*it).span, d);
  }
  return std::nullopt;
}

std::optional<HoverInfo> Hoverer::run() {
  std::optional<ast::DeclId> decl = declAt(ast_, offset_);
  if (!decl)
    return std::nullopt;
  if (auto found = declHeader(*decl))
    return found;
  if (auto found = inTypes(*decl))
    return found;
  return inExprs(*decl);
}

} // namespace

std::optional<HoverInfo> hover(const Snapshot &snapshot, uint32_t module, uint32_t offset) {
  if (module >= snapshot.program.modules.size() || module >= snapshot.checked.modules.size())
    return std::nullopt;
  if (offset > snapshot.text(module).size())
    return std::nullopt;
  return Hoverer(snapshot, module, offset).run();
}

} // namespace cairn::lsp
