// Definitions come straight from the symbol's identity; type definitions
// from the checker's types of the declaration or of the expression.
#include "lsp/definition.h"

#include <algorithm>

namespace cairn::lsp {

namespace {

using types::TypeId;
using types::TypeKind;

void collectSchemas(const Snapshot &snapshot, TypeId type, std::vector<uint32_t> &out, int depth = 0) {
  const types::TypeStore &store = snapshot.checked.types;
  if (!type.valid() || type.index >= store.size() || depth > 8)
    return;
  const types::Type &t = store.get(store.strip(type));
  switch (t.kind) {
  case TypeKind::Schema:
    if (t.schema < snapshot.checked.schemas.size() && std::find(out.begin(), out.end(), t.schema) == out.end())
      out.push_back(t.schema);
    return;
  case TypeKind::Union:
    for (TypeId m : t.members)
      collectSchemas(snapshot, m, out, depth + 1);
    return;
  case TypeKind::List:
  case TypeKind::Map: return collectSchemas(snapshot, t.element, out, depth + 1);
  case TypeKind::Function: return collectSchemas(snapshot, t.result, out, depth + 1);
  default: return;
  }
}

template <typename T, typename Id> T at(const std::vector<T> &table, Id id) {
  return id.valid() && id.index < table.size() ? table[id.index] : T{};
}

// The type a symbol's value has (invalid when unknown here); `module` holds the occurrence.
TypeId symbolType(const Snapshot &snapshot, uint32_t module, const Occurrence &occ) {
  const Symbol &s = occ.symbol;
  if (s.kind == SymbolKind::Field) {
    const types::FieldInfo *field = snapshot.checked.schemas[s.index].field(s.name);
    return field ? field->type : TypeId{};
  }
  if (occ.expr.valid())
    return at(snapshot.types(module).exprTypes, occ.expr);
  if (s.kind == SymbolKind::Decl)
    return at(snapshot.types(s.module).declTypes, ast::DeclId{s.index});
  return {};
}

// The smallest expression around the offset whose type is known.
std::optional<std::pair<Span, TypeId>> typedExpressionAt(const Snapshot &snapshot, uint32_t module, uint32_t offset) {
  const ast::Module &ast = snapshot.ast(module);
  const auto &exprTypes = snapshot.types(module).exprTypes;
  std::optional<std::pair<Span, TypeId>> best;
  for (uint32_t i = 0; i < ast.exprCount() && i < exprTypes.size(); ++i) {
    const ast::Expr &e = ast.expr(ast::ExprId{i});
    if (e.span.begin > offset || offset > e.span.end || !exprTypes[i].valid())
      continue;
    if (!best || e.span.length() < best->first.length())
      best = std::make_pair(e.span, exprTypes[i]);
  }
  return best;
}

DefinitionTarget schemaTarget(const Snapshot &snapshot, uint32_t schema, Span origin) {
  const types::SchemaInfo &info = snapshot.checked.schemas[schema];
  Span extent = info.span;
  if (info.module < snapshot.program.modules.size() && info.decl.index < snapshot.ast(info.module).declCount())
    extent = snapshot.ast(info.module).decl(info.decl).span;
  return {origin, extent, info.span};
}

} // namespace

std::vector<DefinitionTarget> findDefinition(const Snapshot &snapshot, uint32_t module, uint32_t offset) {
  auto occ = symbolAt(snapshot, module, offset);
  if (!occ || !occ->symbol.declSpan.valid())
    return {};
  Span extent = declarationExtent(snapshot, occ->symbol);
  return {{occ->span, extent.valid() ? extent : occ->symbol.declSpan, occ->symbol.declSpan}};
}

std::vector<DefinitionTarget> findTypeDefinition(const Snapshot &snapshot, uint32_t module, uint32_t offset) {
  if (module >= snapshot.program.modules.size())
    return {};
  std::vector<uint32_t> schemas;
  Span origin;
  if (auto occ = symbolAt(snapshot, module, offset)) {
    origin = occ->span;
    const Symbol &s = occ->symbol;
    uint32_t declared = types::kNone;
    if (s.kind == SymbolKind::Decl && s.index < snapshot.types(s.module).declSchemas.size())
      declared = snapshot.types(s.module).declSchemas[s.index];
    if (declared != types::kNone && declared < snapshot.checked.schemas.size())
      schemas.push_back(declared); // a schema is its own type
    else
      collectSchemas(snapshot, symbolType(snapshot, module, *occ), schemas);
  }
  if (schemas.empty())
    if (auto typed = typedExpressionAt(snapshot, module, offset)) {
      origin = origin.valid() ? origin : typed->first;
      collectSchemas(snapshot, typed->second, schemas);
    }
  std::vector<DefinitionTarget> out;
  for (uint32_t schema : schemas)
    out.push_back(schemaTarget(snapshot, schema, origin));
  return out;
}

} // namespace cairn::lsp
