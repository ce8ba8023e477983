// Name resolution in the two namespaces: values (locals, schema fields,
// top-level lets/params/fns, import aliases, builtins) and types.
#include <fmt/format.h>

#include "typecheck/check_context.h"

namespace cairn::types {

namespace {

constexpr llvm::StringLiteral kBuiltinTypeNames[] = {"string", "int", "float", "bool", "null", "any"};

std::optional<TypeId> builtinType(TypeStore &store, llvm::StringRef name) {
  if (name == "string") return store.string();
  if (name == "int") return store.integer();
  if (name == "float") return store.floating();
  if (name == "bool") return store.boolean();
  if (name == "null") return store.null();
  if (name == "any") return store.any();
  return std::nullopt;
}

Binding declBinding(const ast::Module &module, uint32_t moduleIndex, ast::DeclId decl) {
  const ast::Decl &d = module.decl(decl);
  BindingKind kind = d.as<ast::LetDecl>()     ? BindingKind::Let
                     : d.as<ast::ParamDecl>() ? BindingKind::Param
                                              : BindingKind::Fn;
  return Binding{kind, moduleIndex, decl.index};
}

} // namespace

std::optional<Binding> Checker::lookupValue(llvm::StringRef name, TypeId *localType) {
  for (auto it = pos_.locals.rbegin(); it != pos_.locals.rend(); ++it)
    if (it->name == name) {
      it->used = true;
      *localType = it->type;
      return Binding{BindingKind::Local, kNone, kNone};
    }
  if (pos_.schema != kNone) {
    auto &fieldIndex = out_.schemas[pos_.schema].fieldIndex;
    auto it = fieldIndex.find(name);
    if (it != fieldIndex.end())
      return Binding{BindingKind::SchemaField, pos_.schema, it->second};
  }
  const ModuleScope &scope = scopes_[pos_.module];
  if (auto it = scope.values.find(name); it != scope.values.end())
    return declBinding(ast(), pos_.module, it->second);
  if (auto import = findImport(pos_.module, name))
    return import->binding();
  for (uint32_t open : scope.openModules)
    if (auto it = scopes_[open].values.find(name); it != scopes_[open].values.end())
      return declBinding(astOf(open), open, it->second);
  if (auto builtin = findBuiltin(name))
    return Binding{BindingKind::Builtin, kNone, static_cast<uint32_t>(*builtin)};
  return std::nullopt;
}

TypeId Checker::typeOfBinding(const Binding &binding, Span use) {
  switch (binding.kind) {
  case BindingKind::SchemaField: {
    const FieldInfo &field = out_.schemas[binding.module].fields[binding.index];
    if (pos_.defaultField != kNone) {
      const FieldInfo &current = out_.schemas[pos_.schema].fields[pos_.defaultField];
      defaultUses_[key(current.module, current.defaultValue.index)].push_back({field.name, use});
    }
    return fieldAccessType(field);
  }
  case BindingKind::Let: {
    ast::DeclId decl{binding.index};
    const auto *let = astOf(binding.module).decl(decl).as<ast::LetDecl>();
    // A use inside a lambda only matters when the let's type must be inferred.
    if (pos_.let.valid() && (pos_.lambdaDepth == 0 || !let->type.valid()))
      letReferences_.push_back({key(pos_.module, pos_.let.index), key(binding.module, binding.index), use});
    return letType(binding.module, decl);
  }
  case BindingKind::Param: return paramType(binding.module, ast::DeclId{binding.index});
  case BindingKind::Fn: return fnType(binding.module, ast::DeclId{binding.index}, use);
  case BindingKind::Builtin: return store().any(); // generic: typed where it is called
  default: return store().error();
  }
}

TypeId Checker::checkNameRef(ast::ExprId e, const ast::NameRef &ref) {
  const ast::Name &name = ref.name;
  if (!name.valid())
    return store().error();
  TypeId localType;
  if (auto binding = lookupValue(name.text, &localType)) {
    bind(e, *binding);
    if (binding->kind == BindingKind::Local)
      return localType;
    if (binding->kind == BindingKind::Import) {
      report(DiagKind::ModuleNotAValue, name.span, name.text);
      return store().error();
    }
    return typeOfBinding(*binding, name.span);
  }
  if (isTypeName(pos_.module, name.text)) {
    report(DiagKind::NotAValue, name.span, name.text);
    return store().error();
  }
  Diagnostic &d = report(DiagKind::UnknownName, name.span, name.text);
  suggest(d, name.text, name.span, valueCandidates(pos_.module));
  return store().error();
}

TypeId Checker::checkModuleMember(ast::ExprId e, ast::ExprId aliasExpr, const ImportRef &import,
                                  const ast::Name &member) {
  const ModuleImport &imp = program_.modules[import.owner].imports[import.index];
  bind(aliasExpr, import.binding());
  record(aliasExpr, store().any());
  if (imp.module == kNoModule || !member.valid())
    return store().error(); // the loader reported why the module is missing
  const ModuleScope &target = scopes_[imp.module];
  if (auto it = target.values.find(member.text); it != target.values.end()) {
    Binding binding = declBinding(astOf(imp.module), imp.module, it->second);
    bind(e, binding);
    return typeOfBinding(binding, member.span);
  }
  std::string qualified = fmt::format("{}.{}", imp.alias, member.text);
  if (target.types.count(member.text)) {
    report(DiagKind::NotAValue, member.span, qualified);
    return store().error();
  }
  Diagnostic &d = report(DiagKind::NoSuchMember, member.span, imp.alias, member.text);
  std::vector<llvm::StringRef> candidates;
  for (auto &entry : target.values)
    candidates.push_back(entry.getKey());
  suggest(d, member.text, member.span, candidates);
  return store().error();
}

std::optional<ImportRef> Checker::findImport(uint32_t module, llvm::StringRef alias) {
  auto lookIn = [&](uint32_t owner) -> std::optional<ImportRef> {
    ModuleScope &scope = scopes_[owner];
    auto it = scope.imports.find(alias);
    if (it == scope.imports.end())
      return std::nullopt;
    scope.importUsed[it->second] = true;
    return ImportRef{owner, it->second, program_.modules[owner].imports[it->second].module};
  };
  if (auto found = lookIn(module))
    return found;
  for (uint32_t open : scopes_[module].openModules)
    if (auto found = lookIn(open))
      return found;
  return std::nullopt;
}

bool Checker::isTypeName(uint32_t module, llvm::StringRef name) const {
  if (builtinType(out_.types, name) || scopes_[module].types.count(name))
    return true;
  for (uint32_t open : scopes_[module].openModules)
    if (scopes_[open].types.count(name))
      return true;
  return false;
}

TypeId Checker::typeDeclType(uint32_t module, ast::DeclId decl, Binding *binding) {
  uint32_t schema = out_.modules[module].declSchemas[decl.index];
  Binding b = schema != kNone ? Binding{BindingKind::Schema, module, schema}
                              : Binding{BindingKind::TypeAlias, module, decl.index};
  if (binding)
    *binding = b;
  return schema != kNone ? store().schema(schema) : aliasType(module, decl);
}

TypeId Checker::resolveTypeName(uint32_t module, const ast::Name &qualifier, const ast::Name &name,
                                Binding *binding) {
  if (!name.valid() || (qualifier.span.valid() && !qualifier.valid()))
    return store().error();
  if (qualifier.valid()) {
    std::string qualified = fmt::format("{}.{}", qualifier.text, name.text);
    auto import = findImport(module, qualifier.text);
    if (!import) {
      Diagnostic &d = report(DiagKind::UnknownType, qualifier.span.to(name.span), qualified);
      std::vector<llvm::StringRef> aliases;
      for (auto &entry : scopes_[module].imports)
        aliases.push_back(entry.getKey());
      suggest(d, qualifier.text, qualifier.span, aliases);
      return store().error();
    }
    uint32_t target = import->target;
    if (target == kNoModule)
      return store().error();
    if (auto it = scopes_[target].types.find(name.text); it != scopes_[target].types.end())
      return typeDeclType(target, it->second, binding);
    if (scopes_[target].values.count(name.text)) {
      report(DiagKind::NotAType, name.span, qualified);
      return store().error();
    }
    Diagnostic &d = report(DiagKind::UnknownType, name.span, qualified);
    std::vector<llvm::StringRef> candidates;
    for (auto &entry : scopes_[target].types)
      candidates.push_back(entry.getKey());
    suggest(d, name.text, name.span, candidates);
    return store().error();
  }
  if (auto builtin = builtinType(store(), name.text))
    return *builtin;
  const ModuleScope &scope = scopes_[module];
  if (auto it = scope.types.find(name.text); it != scope.types.end())
    return typeDeclType(module, it->second, binding);
  for (uint32_t open : scope.openModules)
    if (auto it = scopes_[open].types.find(name.text); it != scopes_[open].types.end())
      return typeDeclType(open, it->second, binding);
  if (scope.values.count(name.text) || scope.imports.count(name.text)) {
    report(DiagKind::NotAType, name.span, name.text);
    return store().error();
  }
  Diagnostic &d = report(DiagKind::UnknownType, name.span, name.text);
  suggest(d, name.text, name.span, typeCandidates(module));
  return store().error();
}

TypeId Checker::resolveTypeRef(ast::ExprId typeRef) {
  const ast::Expr &e = expr(typeRef);
  Binding binding;
  TypeId type = store().error();
  if (auto *ref = e.as<ast::NameRef>()) {
    type = resolveTypeName(pos_.module, {}, ref->name, &binding);
  } else if (auto *member = e.as<ast::MemberExpr>();
             member && expr(member->object).is<ast::NameRef>() && !member->optional) {
    const ast::Name &alias = expr(member->object).as<ast::NameRef>()->name;
    type = resolveTypeName(pos_.module, alias, member->member, &binding);
    if (auto import = findImport(pos_.module, alias.text)) {
      bind(member->object, import->binding());
      record(member->object, store().any());
    }
  } else if (!e.is<ast::ErrorExpr>()) {
    report(DiagKind::NotAType, e.span, sourceText(e.span));
  }
  bind(typeRef, binding);
  return record(typeRef, type);
}

std::vector<llvm::StringRef> Checker::valueCandidates(uint32_t module) const {
  std::vector<llvm::StringRef> out;
  if (module == pos_.module) {
    for (const LocalVar &local : pos_.locals)
      out.push_back(local.name);
    if (pos_.schema != kNone)
      for (const FieldInfo &field : out_.schemas[pos_.schema].fields)
        out.push_back(field.name);
  }
  const ModuleScope &scope = scopes_[module];
  for (auto &entry : scope.values)
    out.push_back(entry.getKey());
  for (auto &entry : scope.imports)
    out.push_back(entry.getKey());
  for (uint32_t open : scope.openModules)
    for (auto &entry : scopes_[open].values)
      out.push_back(entry.getKey());
  for (const BuiltinInfo &info : builtinTable())
    out.push_back(info.name);
  return out;
}

std::vector<llvm::StringRef> Checker::typeCandidates(uint32_t module) const {
  std::vector<llvm::StringRef> out(std::begin(kBuiltinTypeNames), std::end(kBuiltinTypeNames));
  const ModuleScope &scope = scopes_[module];
  for (auto &entry : scope.types)
    out.push_back(entry.getKey());
  for (uint32_t open : scope.openModules)
    for (auto &entry : scopes_[open].types)
      out.push_back(entry.getKey());
  return out;
}

} // namespace cairn::types
