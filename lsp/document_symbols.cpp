// The document outline, straight from the AST (names) and the checker
// (types for the details). Declarations without a name (broken code) are
// left out, except emits, which are named after their value.
#include "lsp/document_symbols.h"

#include <fmt/format.h>

namespace cairn::lsp {

namespace {

template <typename T, typename Id> T at(const std::vector<T> &table, Id id) {
  return id.valid() && id.index < table.size() ? table[id.index] : T{};
}

class Outliner {
public:
  Outliner(const Snapshot &snapshot, uint32_t module)
      : snap_(snapshot), module_(module), ast_(snapshot.ast(module)), types_(snapshot.types(module)) {}

  std::vector<OutlineSymbol> run() {
    std::vector<OutlineSymbol> out;
    for (ast::DeclId id : ast_.decls())
      if (id.index < ast_.declCount())
        if (auto symbol = declSymbol(id, ast_.decl(id)))
          out.push_back(std::move(*symbol));
    return out;
  }

private:
  std::string display(types::TypeId type) const {
    return type.valid() && type.index < snap_.checked.types.size() ? snap_.checked.display(type) : std::string();
  }
  std::string sourceText(Span span, size_t limit = 60) const {
    llvm::StringRef text = snap_.text(module_);
    if (!span.valid() || span.begin > span.end || span.end > text.size())
      return {};
    std::string out;
    for (char c : text.slice(span.begin, span.end)) {
      if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';
      if (c == ' ' && !out.empty() && out.back() == ' ')
        continue;
      out += c;
    }
    if (out.size() > limit)
      out = out.substr(0, limit - 3) + "...";
    return out;
  }
  static OutlineSymbol make(std::string name, std::string detail, int kind, Span range, Span selection) {
    if (!selection.valid() || selection.begin < range.begin || selection.end > range.end)
      selection = range;
    return {std::move(name), std::move(detail), kind, range, selection, {}};
  }

  std::optional<OutlineSymbol> declSymbol(ast::DeclId id, const ast::Decl &decl) const;
  OutlineSymbol schemaSymbol(ast::DeclId id, const ast::Decl &decl, const ast::SchemaDecl &schema) const;
  OutlineSymbol policySymbol(const ast::Decl &decl, const ast::PolicyDecl &policy) const;
  std::string emitName(ast::ExprId value) const;
  std::optional<std::string> metadataName(const ast::ObjectLit &object) const;

  const Snapshot &snap_;
  uint32_t module_;
  const ast::Module &ast_;
  const types::CheckedModule &types_;
};

std::optional<OutlineSymbol> Outliner::declSymbol(ast::DeclId id, const ast::Decl &decl) const {
  types::TypeId type = at(types_.declTypes, id);
  if (auto *imp = decl.as<ast::ImportDecl>()) {
    std::string alias;
    for (const ModuleImport &m : snap_.program.modules[module_].imports)
      if (m.decl == id)
        alias = m.alias.str();
    if (alias.empty())
      alias = imp->alias.valid() ? imp->alias.text.str() : imp->path.str();
    if (alias.empty())
      return std::nullopt;
    return make(alias, "\"" + imp->path.str() + "\"", symbol_kind::kModule, decl.span,
                imp->alias.valid() ? imp->alias.span : imp->pathSpan);
  }
  if (auto *param = decl.as<ast::ParamDecl>(); param && param->name.valid())
    return make(param->name.text.str(), display(type), symbol_kind::kVariable, decl.span, param->name.span);
  if (auto *let = decl.as<ast::LetDecl>(); let && let->name.valid())
    return make(let->name.text.str(), display(type), symbol_kind::kConstant, decl.span, let->name.span);
  if (auto *fn = decl.as<ast::FnDecl>(); fn && fn->name.valid())
    return make(fn->name.text.str(), display(type), symbol_kind::kFunction, decl.span, fn->name.span);
  if (auto *alias = decl.as<ast::TypeAliasDecl>(); alias && alias->name.valid())
    return make(alias->name.text.str(), display(type), symbol_kind::kTypeParameter, decl.span, alias->name.span);
  if (auto *schema = decl.as<ast::SchemaDecl>(); schema && schema->name.valid())
    return schemaSymbol(id, decl, *schema);
  if (auto *policy = decl.as<ast::PolicyDecl>(); policy && !policy->name.empty())
    return policySymbol(decl, *policy);
  if (auto *emit = decl.as<ast::EmitDecl>())
    return make(emitName(emit->value), "", symbol_kind::kObject, decl.span, decl.span);
  return std::nullopt;
}

OutlineSymbol Outliner::schemaSymbol(ast::DeclId id, const ast::Decl &decl, const ast::SchemaDecl &schema) const {
  std::string detail;
  if (schema.parent.valid())
    detail = "extends " + (schema.parentQualifier.valid() ? schema.parentQualifier.text.str() + "." : "") +
             schema.parent.text.str();
  OutlineSymbol out = make(schema.name.text.str(), detail, symbol_kind::kStruct, decl.span, schema.name.span);
  uint32_t index = at(types_.declSchemas, id);
  const types::SchemaInfo *info =
      index < snap_.checked.schemas.size() && id.index < types_.declSchemas.size() ? &snap_.checked.schemas[index]
                                                                                     : nullptr;
  for (const ast::SchemaField &field : schema.fields) {
    if (!field.name.valid())
      continue;
    std::string type = field.type.valid() ? sourceText(ast_.type(field.type).span) : "";
    if (const types::FieldInfo *f = info ? info->field(field.name.text) : nullptr)
      type = display(f->type);
    if (field.optional)
      type = "optional " + type;
    out.children.push_back(make(field.name.text.str(), type, symbol_kind::kField, field.span, field.name.span));
  }
  return out;
}

OutlineSymbol Outliner::policySymbol(const ast::Decl &decl, const ast::PolicyDecl &policy) const {
  std::string target = policy.target.valid() && policy.target.index < ast_.typeCount()
                           ? sourceText(ast_.type(policy.target).span)
                           : "";
  OutlineSymbol out = make(policy.name.str(), target.empty() ? "" : "on " + target, symbol_kind::kEvent,
                           decl.span, policy.nameSpan);
  for (const ast::PolicyParam &param : policy.params)
    if (param.name.valid()) {
      std::string type = param.type.valid() && param.type.index < ast_.typeCount()
                             ? sourceText(ast_.type(param.type).span)
                             : "";
      out.children.push_back(make(param.name.text.str(), type, symbol_kind::kProperty, param.span, param.name.span));
    }
  for (const ast::PolicyCheck &check : policy.checks) {
    std::string cond = check.cond.valid() && check.cond.index < ast_.exprCount()
                           ? sourceText(ast_.expr(check.cond).span)
                           : "";
    out.children.push_back(make("check " + cond, "", symbol_kind::kBoolean, check.span, check.span));
  }
  return out;
}

std::optional<std::string> Outliner::metadataName(const ast::ObjectLit &object) const {
  auto constant = [&](ast::ExprId id) -> std::optional<std::string> {
    if (!id.valid() || id.index >= ast_.exprCount())
      return std::nullopt;
    auto *str = ast_.expr(id).as<ast::StringLit>();
    if (!str || !str->isConstant())
      return std::nullopt;
    return str->constantText();
  };
  for (const ast::FieldInit &init : object.fields) {
    if (init.path.empty() || init.path[0].text != "metadata")
      continue;
    if (init.path.size() == 2 && init.path[1].text == "name")
      return constant(init.value);
    if (init.path.size() == 1 && init.value.valid() && init.value.index < ast_.exprCount())
      if (auto *inner = ast_.expr(init.value).as<ast::ObjectLit>())
        for (const ast::FieldInit &child : inner->fields)
          if (child.path.size() == 1 && child.path[0].text == "name")
            return constant(child.value);
  }
  return std::nullopt;
}

std::string Outliner::emitName(ast::ExprId value) const {
  if (!value.valid() || value.index >= ast_.exprCount())
    return "emit";
  const ast::Expr &e = ast_.expr(value);
  if (auto *object = e.as<ast::ObjectLit>()) {
    std::string name = "emit";
    types::TypeId built = at(types_.objectTypes, value);
    const types::TypeStore &store = snap_.checked.types;
    if (built.valid() && built.index < store.size()) {
      const types::Type &t = store.get(store.strip(built));
      if (t.kind == types::TypeKind::Schema && t.schema < snap_.checked.schemas.size())
        name += " " + snap_.checked.schemas[t.schema].name.str();
    }
    if (auto metadata = metadataName(*object))
      name += " " + *metadata;
    return name;
  }
  std::string text = sourceText(e.span, 50);
  return text.empty() ? "emit" : "emit " + text;
}

} // namespace

std::vector<OutlineSymbol> documentSymbols(const Snapshot &snapshot, uint32_t module) {
  if (module >= snapshot.program.modules.size() || module >= snapshot.checked.modules.size())
    return {};
  return Outliner(snapshot, module).run();
}

} // namespace cairn::lsp
