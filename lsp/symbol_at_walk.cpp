// The occurrence walker, declarations and lookups: top-level names, module
// members and typed object literals come from the checker's bindings; locals
// (which the checker records without a target) are resolved with a scope
// stack mirroring the checker's scoping; field names come from the types the
// checker recorded. Expressions are in symbol_at_walk_exprs.cpp.
#include "lsp/symbol_at_walker.h"

namespace cairn::lsp {

namespace detail {

void Walker::run() {
  for (ast::DeclId id : ast_.decls()) {
    if (stopped_)
      return;
    if (id.index >= ast_.declCount())
      continue;
    const ast::Decl &decl = ast_.decl(id);
    if (focus_ && !touches(decl.span, *focus_))
      continue;
    walkDecl(id, decl);
  }
}

// ------------------------------------------------------------ lookups

std::optional<uint32_t> Walker::importIndex(llvm::StringRef alias) const {
  const auto &imports = snap_.program.modules[module_].imports;
  for (uint32_t i = 0; i < imports.size(); ++i)
    if (imports[i].alias == alias)
      return i;
  return std::nullopt;
}

std::optional<Symbol> Walker::importSymbol(uint32_t index) const {
  const ModuleImport &imp = snap_.program.modules[module_].imports[index];
  if (imp.decl.index >= ast_.declCount())
    return std::nullopt;
  const auto *decl = ast_.decl(imp.decl).as<ast::ImportDecl>();
  if (!decl)
    return std::nullopt;
  Span span = decl->alias.valid() ? decl->alias.span : decl->pathSpan;
  return Symbol{SymbolKind::Import, module_, index, span, imp.alias};
}

// The type declarations (schemas, aliases) of a module by name, built on first use.
const llvm::StringMap<ast::DeclId> &Walker::typeDecls(uint32_t module) {
  auto [it, inserted] = typeDecls_.try_emplace(module);
  if (inserted) {
    const ast::Module &m = snap_.ast(module);
    for (ast::DeclId id : m.decls()) {
      if (id.index >= m.declCount())
        continue;
      const ast::Decl &d = m.decl(id);
      if (auto *s = d.as<ast::SchemaDecl>(); s && s->name.valid())
        it->second.try_emplace(s->name.text, id);
      else if (auto *a = d.as<ast::TypeAliasDecl>(); a && a->name.valid())
        it->second.try_emplace(a->name.text, id);
    }
  }
  return it->second;
}

// A type name, optionally qualified by an import alias.
void Walker::typeName(const ast::Name &qualifier, const ast::Name &name) {
  uint32_t target = module_;
  if (qualifier.span.valid()) {
    if (!qualifier.valid())
      return;
    auto index = importIndex(qualifier.text);
    if (!index)
      return;
    if (auto symbol = importSymbol(*index))
      emit(*symbol, qualifier.span, OccurrenceRole::Read);
    target = snap_.program.modules[module_].imports[*index].module;
    if (target == kNoModule)
      return;
  }
  if (!name.valid())
    return;
  const auto &decls = typeDecls(target);
  auto it = decls.find(name.text);
  if (it == decls.end())
    return;
  if (auto symbol = declSymbol(snap_, target, it->second))
    emit(*symbol, name.span, OccurrenceRole::Read);
}

// Field symbols by (schema, field index): a module sets the same fields over and over.
std::optional<Symbol> Walker::field(uint32_t schema, llvm::StringRef name) {
  if (schema >= snap_.checked.schemas.size())
    return std::nullopt;
  const auto &index = snap_.checked.schemas[schema].fieldIndex;
  auto it = index.find(name);
  if (it == index.end())
    return std::nullopt;
  auto [cached, inserted] = fieldCache_.try_emplace((uint64_t{schema} << 32) | it->second);
  if (inserted)
    cached->second = fieldSymbol(snap_, schema, name);
  return cached->second;
}

std::optional<Symbol> Walker::bindingSymbol(const Binding &b) {
  switch (b.kind) {
  case BindingKind::Let:
  case BindingKind::Param:
  case BindingKind::Fn:
  case BindingKind::TypeAlias:
    if (b.module < snap_.program.modules.size())
      return declSymbol(snap_, b.module, ast::DeclId{b.index});
    return std::nullopt;
  case BindingKind::Schema: {
    if (b.index >= snap_.checked.schemas.size())
      return std::nullopt;
    const types::SchemaInfo &info = snap_.checked.schemas[b.index];
    return declSymbol(snap_, info.module, info.decl);
  }
  case BindingKind::SchemaField:
    if (b.module >= snap_.checked.schemas.size() || b.index >= snap_.checked.schemas[b.module].fields.size())
      return std::nullopt;
    return field(b.module, snap_.checked.schemas[b.module].fields[b.index].name);
  case BindingKind::Builtin: {
    auto builtins = types::builtinTable();
    if (b.index >= builtins.size())
      return std::nullopt;
    return Symbol{SymbolKind::Builtin, kNone, b.index, {}, builtins[b.index].name};
  }
  default: return std::nullopt;
  }
}

// ------------------------------------------------------------ declarations

void Walker::declName(ast::DeclId id) {
  if (auto symbol = declSymbol(snap_, module_, id))
    emit(*symbol, symbol->declSpan, OccurrenceRole::Declaration);
}

void Walker::walkDecl(ast::DeclId id, const ast::Decl &decl) {
  if (auto *imp = decl.as<ast::ImportDecl>()) return walkImport(id, *imp);
  if (auto *param = decl.as<ast::ParamDecl>()) {
    declName(id);
    walkType(param->type);
    return walkExpr(param->defaultValue);
  }
  if (auto *let = decl.as<ast::LetDecl>()) {
    declName(id);
    walkType(let->type);
    return walkExpr(let->value);
  }
  if (auto *fn = decl.as<ast::FnDecl>()) {
    declName(id);
    size_t depth = locals_.size();
    for (const ast::FnParam &p : fn->params) {
      walkType(p.type);
      declareLocal(p.name);
    }
    walkType(fn->result);
    walkExpr(fn->body);
    locals_.resize(depth);
    return;
  }
  if (auto *alias = decl.as<ast::TypeAliasDecl>()) {
    declName(id);
    return walkType(alias->type);
  }
  if (auto *schema = decl.as<ast::SchemaDecl>()) return walkSchema(id, *schema);
  if (auto *emitDecl = decl.as<ast::EmitDecl>()) return walkExpr(emitDecl->value);
  if (auto *policy = decl.as<ast::PolicyDecl>()) return walkPolicy(id, *policy);
}

void Walker::walkImport(ast::DeclId id, const ast::ImportDecl &imp) {
  const auto &imports = snap_.program.modules[module_].imports;
  for (uint32_t i = 0; i < imports.size(); ++i) {
    if (imports[i].decl != id)
      continue;
    uint32_t target = imports[i].module;
    if (target != kNoModule && target < snap_.program.modules.size()) {
      FileId file = snap_.program.modules[target].file;
      Symbol module{SymbolKind::Module, target, kNone, Span{file, 0, 0}, imports[i].alias};
      emit(module, imp.pathSpan, OccurrenceRole::Read);
    }
    if (imp.alias.valid())
      if (auto symbol = importSymbol(i))
        emit(*symbol, imp.alias.span, OccurrenceRole::Declaration);
  }
}

void Walker::walkSchema(ast::DeclId id, const ast::SchemaDecl &schema) {
  declName(id);
  typeName(schema.parentQualifier, schema.parent);
  uint32_t index = at(types_.declSchemas, id, kNone);
  for (const ast::SchemaField &field : schema.fields) {
    if (skip(field.span))
      continue;
    if (field.name.valid() && index != kNone)
      emit(Symbol{SymbolKind::Field, module_, index, field.name.span, field.name.text}, field.name.span,
           OccurrenceRole::Declaration);
    walkType(field.type);
    walkExpr(field.defaultValue);
  }
  for (const ast::SchemaCheck &check : schema.checks) {
    if (skip(check.span))
      continue;
    walkExpr(check.cond);
    walkExpr(check.message);
  }
}

void Walker::walkPolicy(ast::DeclId id, const ast::PolicyDecl &policy) {
  declName(id);
  walkType(policy.target);
  for (const ast::PolicySetting &setting : policy.settings)
    walkExpr(setting.value);
  // Checks see the parameters (all of them, whatever the order).
  size_t depth = locals_.size();
  for (const ast::PolicyParam &param : policy.params) {
    walkType(param.type);
    walkExpr(param.defaultValue);
    declareLocal(param.name);
  }
  for (const ast::PolicyCheck &check : policy.checks) {
    if (skip(check.span))
      continue;
    walkExpr(check.cond);
    walkExpr(check.message);
    walkExpr(check.at);
  }
  locals_.resize(depth);
}

// ------------------------------------------------------------ types

void Walker::walkType(ast::TypeExprId id) {
  if (!id.valid() || id.index >= ast_.typeCount())
    return;
  const ast::TypeExpr &type = ast_.type(id);
  if (skip(type.span))
    return;
  if (auto *named = type.as<ast::NamedType>()) return typeName(named->qualifier, named->name);
  if (auto *list = type.as<ast::ListType>()) return walkType(list->element);
  if (auto *map = type.as<ast::MapType>()) {
    walkType(map->key);
    return walkType(map->value);
  }
  if (auto *opt = type.as<ast::OptionalType>()) return walkType(opt->inner);
  if (auto *u = type.as<ast::UnionType>()) {
    for (ast::TypeExprId m : u->members)
      walkType(m);
    return;
  }
  if (auto *fn = type.as<ast::FnType>()) {
    for (ast::TypeExprId p : fn->params)
      walkType(p);
    walkType(fn->result);
  }
}

} // namespace detail

std::optional<Symbol> localInScopeAt(const Snapshot &snapshot, uint32_t module, uint32_t offset,
                                     llvm::StringRef name) {
  if (module >= snapshot.program.modules.size() || module >= snapshot.checked.modules.size() || name.empty())
    return std::nullopt;
  auto visitAll = [](const Occurrence &) { return true; }; // outlives the walker's function_ref
  detail::Walker walker(snapshot, module, offset, visitAll);
  walker.probeLocal(name);
  walker.run();
  return walker.probed();
}

void walkOccurrences(const Snapshot &snapshot, uint32_t module, std::optional<uint32_t> focus,
                     OccurrenceVisitor visit) {
  if (module >= snapshot.program.modules.size() || module >= snapshot.checked.modules.size())
    return;
  detail::Walker(snapshot, module, focus, visit).run();
}

} // namespace cairn::lsp
