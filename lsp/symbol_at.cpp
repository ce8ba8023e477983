// Symbol identities and the lookups shared by the navigation features.
#include "lsp/symbol_at.h"

namespace cairn::lsp {

using types::kNone;

bool operator==(const Symbol &a, const Symbol &b) {
  if (a.kind != b.kind || a.module != b.module)
    return false;
  switch (a.kind) {
  case SymbolKind::Decl:
  case SymbolKind::Import:
  case SymbolKind::Builtin: return a.index == b.index;
  case SymbolKind::Field: return a.index == b.index && a.name == b.name;
  case SymbolKind::Local: return a.declSpan.file == b.declSpan.file && a.declSpan.begin == b.declSpan.begin;
  case SymbolKind::Module: return true;
  }
  return false;
}

std::optional<Occurrence> symbolAt(const Snapshot &snapshot, uint32_t module, uint32_t offset) {
  std::optional<Occurrence> best;
  walkOccurrences(snapshot, module, offset, [&](const Occurrence &o) {
    // A name starting at the offset beats one ending there (`a.^b`, `f(^x)`).
    if (!best || (o.span.begin <= offset && offset < o.span.end && best->span.end == offset))
      best = o;
    return true;
  });
  return best;
}

std::optional<Symbol> fieldSymbol(const Snapshot &snapshot, uint32_t schema, llvm::StringRef name) {
  const auto &schemas = snapshot.checked.schemas;
  if (schema >= schemas.size())
    return std::nullopt;
  const types::FieldInfo *field = schemas[schema].field(name);
  if (!field)
    return std::nullopt;
  uint32_t owner = field->ownerSchema < schemas.size() ? field->ownerSchema : schema;
  const types::SchemaInfo &info = schemas[owner];
  Span nameSpan = field->span;
  if (info.module < snapshot.program.modules.size() && info.decl.index < snapshot.ast(info.module).declCount())
    if (auto *decl = snapshot.ast(info.module).decl(info.decl).as<ast::SchemaDecl>())
      for (const ast::SchemaField &f : decl->fields)
        if (f.name.text == name) {
          nameSpan = f.name.span;
          break;
        }
  return Symbol{SymbolKind::Field, info.module, owner, nameSpan, field->name};
}

std::optional<Symbol> declSymbol(const Snapshot &snapshot, uint32_t module, ast::DeclId decl) {
  if (module >= snapshot.program.modules.size() || !decl.valid() || decl.index >= snapshot.ast(module).declCount())
    return std::nullopt;
  const ast::Decl &d = snapshot.ast(module).decl(decl);
  ast::Name name;
  if (auto *x = d.as<ast::ParamDecl>()) name = x->name;
  else if (auto *x = d.as<ast::LetDecl>()) name = x->name;
  else if (auto *x = d.as<ast::FnDecl>()) name = x->name;
  else if (auto *x = d.as<ast::TypeAliasDecl>()) name = x->name;
  else if (auto *x = d.as<ast::SchemaDecl>()) name = x->name;
  else if (auto *x = d.as<ast::PolicyDecl>()) name = {x->name, x->nameSpan};
  if (!name.valid())
    return std::nullopt;
  return Symbol{SymbolKind::Decl, module, decl.index, name.span, name.text};
}

Span declarationExtent(const Snapshot &snapshot, const Symbol &symbol) {
  switch (symbol.kind) {
  case SymbolKind::Decl:
    return snapshot.ast(symbol.module).decl(ast::DeclId{symbol.index}).span;
  case SymbolKind::Import: {
    const ModuleImport &imp = snapshot.program.modules[symbol.module].imports[symbol.index];
    return snapshot.ast(symbol.module).decl(imp.decl).span;
  }
  case SymbolKind::Field: {
    const types::SchemaInfo &info = snapshot.checked.schemas[symbol.index];
    if (const types::FieldInfo *field = info.field(symbol.name); field && field->span.valid())
      return field->span;
    return symbol.declSpan;
  }
  case SymbolKind::Module: return symbol.declSpan;
  case SymbolKind::Local: return symbol.declSpan;
  case SymbolKind::Builtin: return {};
  }
  return {};
}

bool isStdlibSymbol(const Snapshot &snapshot, const Symbol &symbol) {
  return symbol.module < snapshot.program.modules.size() && snapshot.program.modules[symbol.module].isStdlib;
}

uint32_t schemaOfType(const Snapshot &snapshot, types::TypeId type, llvm::StringRef fieldName) {
  const types::TypeStore &store = snapshot.checked.types;
  if (!type.valid() || type.index >= store.size())
    return kNone;
  types::TypeId t = store.strip(type);
  const types::Type &data = store.get(t);
  if (data.kind == types::TypeKind::Schema)
    return data.schema < snapshot.checked.schemas.size() ? data.schema : kNone;
  if (data.kind != types::TypeKind::Union)
    return kNone;
  for (types::TypeId member : data.members) {
    const types::Type &m = store.get(store.strip(member));
    if (m.kind == types::TypeKind::Schema && m.schema < snapshot.checked.schemas.size() &&
        snapshot.checked.schemas[m.schema].field(fieldName))
      return m.schema;
  }
  return kNone;
}

} // namespace cairn::lsp
