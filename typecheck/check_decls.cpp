// Top-level declarations: scopes and duplicates (E0304), lets with cycles
// (E0309), params, functions with recursion (E0318), emit (E0412) and
// unused imports (W0301).
#include <fmt/format.h>

#include "typecheck/check_context.h"
#include "typecheck/cycles.h"

namespace cairn::types {

namespace {

// The name a declaration introduces, or an invalid name.
ast::Name declName(const ast::Decl &decl) {
  if (auto *d = decl.as<ast::LetDecl>()) return d->name;
  if (auto *d = decl.as<ast::ParamDecl>()) return d->name;
  if (auto *d = decl.as<ast::FnDecl>()) return d->name;
  if (auto *d = decl.as<ast::TypeAliasDecl>()) return d->name;
  if (auto *d = decl.as<ast::SchemaDecl>()) return d->name;
  return {};
}

} // namespace

void Checker::registerModule(uint32_t m) {
  ModuleScope &scope = scopes_[m];
  const ProgramModule &pm = program_.modules[m];
  const ast::Module &module = pm.ast;
  scope.importUsed.assign(pm.imports.size(), false);
  for (uint32_t i = 0; i < pm.imports.size(); ++i) {
    const ModuleImport &imp = pm.imports[i];
    if (imp.openScope) {
      scope.importUsed[i] = true;
      if (imp.module != kNoModule)
        scope.openModules.push_back(imp.module);
    }
    if (!imp.alias.empty())
      scope.imports.try_emplace(imp.alias, i); // duplicates are the loader's E0204
  }
  auto firstSpan = [&](ast::DeclId first) {
    ast::Name name = declName(module.decl(first));
    return name.valid() ? name.span : module.decl(first).span;
  };
  for (ast::DeclId id : module.decls()) {
    const ast::Decl &decl = module.decl(id);
    if (decl.as<ast::SchemaDecl>())
      registerSchema(m, id);
    ast::Name name = declName(decl);
    if (!name.valid())
      continue;
    bool isType = decl.as<ast::SchemaDecl>() || decl.as<ast::TypeAliasDecl>();
    auto &names = isType ? scope.types : scope.values;
    if (auto it = names.find(name.text); it != names.end()) {
      report(DiagKind::DuplicateDefinition, name.span, name.text)
          .label(firstSpan(it->second), "first defined here");
      continue;
    }
    if (auto it = scope.imports.find(name.text); !isType && it != scope.imports.end()) {
      const ModuleImport &imp = pm.imports[it->second];
      Diagnostic &d = report(DiagKind::DuplicateDefinition, name.span, name.text);
      if (imp.decl.valid())
        d.label(module.decl(imp.decl).span, "imported here");
      continue;
    }
    names[name.text] = id;
  }
}

void Checker::checkModuleDecls(uint32_t m) {
  const ast::Module &module = astOf(m);
  for (ast::DeclId id : module.decls()) {
    const ast::Decl &decl = module.decl(id);
    CheckPosition position;
    position.module = m;
    if (auto *let = decl.as<ast::LetDecl>()) {
      if (let->type.valid())
        checkAnnotatedLet(m, id, *let);
      else
        letType(m, id); // infers from the value unless a use did already
    } else if (auto *param = decl.as<ast::ParamDecl>()) {
      TypeId type = paramType(m, id);
      if (param->defaultValue.valid()) {
        position.secret = param->isSecret();
        EnterPosition enter(*this, std::move(position));
        checkAgainst(param->defaultValue, Expected::of(type, module.type(param->type).span,
                                                       "expected because of this declared type"));
      }
    } else if (auto *fn = decl.as<ast::FnDecl>()) {
      checkFnBody(m, id, *fn);
    } else if (decl.as<ast::TypeAliasDecl>()) {
      aliasType(m, id);
    } else if (decl.as<ast::SchemaDecl>()) {
      uint32_t schema = out_.modules[m].declSchemas[id.index];
      checkSchemaBodies(schema);
      out_.modules[m].declTypes[id.index] = store().schema(schema);
    } else if (auto *emit = decl.as<ast::EmitDecl>()) {
      EnterPosition enter(*this, std::move(position));
      TypeId type = checkExpr(emit->value, Expected::none());
      if (!emittable(type))
        report(DiagKind::EmitNeedsObject, expr(emit->value).span, show(type));
    } else if (auto *policy = decl.as<ast::PolicyDecl>()) {
      checkPolicy(m, id, *policy);
    }
  }
}

void Checker::checkAnnotatedLet(uint32_t m, ast::DeclId id, const ast::LetDecl &let) {
  if (declProgress_[m][id.index] != Progress::NotStarted)
    return;
  declProgress_[m][id.index] = Progress::InProgress;
  TypeId type = letType(m, id);
  CheckPosition position;
  position.module = m;
  position.let = id;
  EnterPosition enter(*this, std::move(position));
  checkAgainst(let.value, Expected::of(type, astOf(m).type(let.type).span,
                                       "expected because of this declared type"));
  declProgress_[m][id.index] = Progress::Done;
}

void Checker::checkFnBody(uint32_t m, ast::DeclId id, const ast::FnDecl &fn) {
  if (declProgress_[m][id.index] != Progress::NotStarted)
    return;
  TypeId type = fnType(m, id, fn.name.span);
  if (!fn.result.valid())
    return; // fnType checked the body to infer the result
  declProgress_[m][id.index] = Progress::InProgress;
  std::vector<TypeId> params = store().get(type).members;
  TypeId result = store().get(type).result;
  CheckPosition position;
  position.module = m;
  EnterPosition enter(*this, std::move(position));
  LocalScope locals(*this);
  for (size_t i = 0; i < fn.params.size(); ++i)
    locals.add(fn.params[i].name.text, params[i]);
  checkAgainst(fn.body, Expected::of(result, astOf(m).type(fn.result).span,
                                     "expected because of the declared return type"));
  declProgress_[m][id.index] = Progress::Done;
}

bool Checker::emittable(TypeId type) const {
  TypeId t = out_.types.strip(type);
  switch (out_.types.kind(t)) {
  case TypeKind::Error:
  case TypeKind::Any:
  case TypeKind::Never:
  case TypeKind::Schema:
  case TypeKind::Map: return true;
  case TypeKind::List: return emittable(out_.types.get(t).element);
  case TypeKind::Union:
    for (TypeId m : out_.types.get(t).members)
      if (emittable(m))
        return true;
    return false;
  default: return false;
  }
}

TypeId Checker::letType(uint32_t m, ast::DeclId decl) {
  TypeId &type = out_.modules[m].declTypes[decl.index];
  const auto &let = *astOf(m).decl(decl).as<ast::LetDecl>();
  if (let.type.valid()) {
    if (!type.valid())
      type = resolveType(m, let.type);
    return type;
  }
  Progress progress = declProgress_[m][decl.index];
  if (progress == Progress::Done)
    return type;
  if (progress == Progress::InProgress)
    return store().error(); // a cycle: reported by checkLetCycles
  declProgress_[m][decl.index] = Progress::InProgress;
  CheckPosition position;
  position.module = m;
  position.let = decl;
  EnterPosition enter(*this, std::move(position));
  TypeId inferred = checkExpr(let.value, Expected::none());
  out_.modules[m].declTypes[decl.index] = inferred;
  declProgress_[m][decl.index] = Progress::Done;
  return inferred;
}

TypeId Checker::paramType(uint32_t m, ast::DeclId decl) {
  TypeId &type = out_.modules[m].declTypes[decl.index];
  if (!type.valid())
    type = resolveType(m, astOf(m).decl(decl).as<ast::ParamDecl>()->type);
  return type;
}

TypeId Checker::fnType(uint32_t m, ast::DeclId decl, Span use) {
  if (TypeId known = out_.modules[m].declTypes[decl.index]; known.valid())
    return known;
  const auto &fn = *astOf(m).decl(decl).as<ast::FnDecl>();
  if (declProgress_[m][decl.index] == Progress::InProgress) {
    if (reportedCycles_.insert(key(m, decl.index)).second)
      report(DiagKind::RecursiveFunctionNeedsType, fn.name.span, fn.name.text)
          .label(use, "called recursively here")
          .withHint("declare the result type: `fn name(...): TYPE = ...`");
    return store().error();
  }
  std::vector<TypeId> params;
  for (const ast::FnParam &p : fn.params)
    params.push_back(resolveType(m, p.type));
  if (fn.result.valid()) {
    TypeId type = store().function(params, resolveType(m, fn.result));
    return out_.modules[m].declTypes[decl.index] = type;
  }
  declProgress_[m][decl.index] = Progress::InProgress;
  CheckPosition position;
  position.module = m;
  EnterPosition enter(*this, std::move(position));
  LocalScope locals(*this);
  for (size_t i = 0; i < fn.params.size(); ++i)
    locals.add(fn.params[i].name.text, params[i]);
  TypeId result = checkExpr(fn.body, Expected::none());
  if (reportedCycles_.count(key(m, decl.index)))
    result = store().error();
  declProgress_[m][decl.index] = Progress::Done;
  return out_.modules[m].declTypes[decl.index] = store().function(params, result);
}

void Checker::checkLetCycles() {
  llvm::DenseMap<uint64_t, uint32_t> nodeOf;
  std::vector<uint64_t> keys;
  auto node = [&](uint64_t k) {
    auto [it, inserted] = nodeOf.try_emplace(k, static_cast<uint32_t>(keys.size()));
    if (inserted)
      keys.push_back(k);
    return it->second;
  };
  std::vector<GraphEdge> edges;
  for (const LetReference &ref : letReferences_) {
    uint32_t from = node(ref.from);
    edges.push_back({from, node(ref.to), ref.span});
  }
  auto nameOf = [&](uint32_t n) {
    uint32_t m = static_cast<uint32_t>(keys[n] >> 32);
    return astOf(m).decl(ast::DeclId{static_cast<uint32_t>(keys[n])}).as<ast::LetDecl>()->name;
  };
  for (const auto &cycle : findCycles(static_cast<uint32_t>(keys.size()), edges)) {
    ast::Name first = nameOf(cycle.front().from);
    Diagnostic &d = report(DiagKind::CyclicDefinition, first.span, first.text);
    std::string chain = fmt::format("`{}`", first.text);
    for (const GraphEdge &edge : cycle) {
      d.label(edge.span, fmt::format("uses `{}`", nameOf(edge.to).text));
      chain += fmt::format(" -> `{}`", nameOf(edge.to).text);
    }
    if (cycle.size() > 1)
      d.note("the definitions form a cycle: " + chain);
  }
}

void Checker::reportUnusedImports() {
  for (uint32_t m = 0; m < program_.modules.size(); ++m) {
    const ProgramModule &pm = program_.modules[m];
    if (pm.isStdlib)
      continue;
    for (uint32_t i = 0; i < pm.imports.size(); ++i) {
      const ModuleImport &imp = pm.imports[i];
      if (scopes_[m].importUsed[i] || imp.openScope || imp.module == kNoModule ||
          !imp.decl.valid())
        continue;
      Span span = pm.ast.decl(imp.decl).span;
      report(DiagKind::UnusedImport, span, imp.alias).fix("remove the import", span, "");
    }
  }
}

} // namespace cairn::types
