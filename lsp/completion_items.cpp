#include "lsp/completion_items.h"

#include <cctype>

#include <fmt/format.h>

#include "frontend/cairn_text.h"
#include "lsp/hover_describe.h"

namespace cairn::lsp {

using types::TypeId;
using types::TypeKind;

ItemBuilder::ItemBuilder(const Snapshot &s, uint32_t module, uint32_t replaceBegin, uint32_t replaceEnd,
                         const CompletionOptions &options)
    : s_(s), module_(module), replaceBegin_(replaceBegin), replaceEnd_(replaceEnd),
      typed_(s.text(module).slice(replaceBegin, replaceEnd)), options_(options) {}

bool ItemBuilder::accept(llvm::StringRef label) {
  if (seen_.contains(label))
    return false;
  if (!typed_.empty() && !label.empty() && !typed_.startswith("\"")) {
    if (std::tolower(static_cast<unsigned char>(label[0])) != std::tolower(static_cast<unsigned char>(typed_[0])))
      return false;
    size_t at = 0;
    for (char c : typed_) {
      while (at < label.size() && std::tolower(static_cast<unsigned char>(label[at])) !=
                                      std::tolower(static_cast<unsigned char>(c)))
        ++at;
      if (at == label.size())
        return false;
      ++at;
    }
  }
  seen_.insert(label);
  return true;
}

CompletionItem &ItemBuilder::add(std::string label, CompletionKind kind, std::string sortGroup) {
  CompletionItem item;
  item.sortText = sortGroup + label;
  item.insertText = label;
  item.label = std::move(label);
  item.kind = kind;
  item.replaceBegin = replaceBegin_;
  item.replaceEnd = replaceEnd_;
  items_.push_back(std::move(item));
  return items_.back();
}

void ItemBuilder::field(const types::FieldInfo &field, bool asEntry) {
  if (!accept(field.name))
    return;
  const char *group = field.presence == types::FieldPresence::Required ? "0" : "1";
  CompletionItem &item = add(field.name.str(), CompletionKind::Field, group);
  item.detail = s_.checked.display(field.type);
  item.documentation = render(describeField(s_, field), true);
  std::string key = isCairnName(field.name) ? field.name.str() : cairnString(field.name);
  item.insertText = key;
  if (!asEntry)
    return;
  const types::TypeStore &store = s_.checked.types;
  TypeId bare = store.strip(field.type);
  bool schemaTyped = store.kind(bare) == TypeKind::Schema;
  if (schemaTyped && options_.snippets) {
    item.insertText = key + " {\n\t$0\n}";
    item.snippet = true;
  } else {
    item.insertText = key + " = ";
  }
}

void ItemBuilder::declItem(uint32_t module, ast::DeclId id, const char *group, TypeRef expected,
                           const TypeQueries *types) {
  const ast::Decl &decl = s_.ast(module).decl(id);
  llvm::StringRef name = declName(decl);
  if (name.empty() || !accept(name))
    return;
  CompletionKind kind = decl.as<ast::FnDecl>()       ? CompletionKind::Function
                        : decl.as<ast::SchemaDecl>() ? CompletionKind::Struct
                        : decl.as<ast::TypeAliasDecl>() ? CompletionKind::TypeParameter
                        : decl.as<ast::ParamDecl>()  ? CompletionKind::Constant
                                                     : CompletionKind::Variable;
  const types::CheckedModule &checked = s_.types(module);
  TypeId type = id.index < checked.declTypes.size() ? checked.declTypes[id.index] : TypeId{};
  bool fit = types && type.valid() && fits(type, expected, *types);
  CompletionItem &item = add(name.str(), kind, fit ? "1" : group);
  Description description = describeDecl(s_, module, id);
  item.detail = description.signature;
  if (!description.doc.empty())
    item.documentation = render(description, true);
  if (kind == CompletionKind::Function && options_.snippets) {
    item.insertText = name.str() + "($0)";
    item.snippet = true;
  }
}

void ItemBuilder::moduleMembers(uint32_t module, bool typesOnly) {
  const ast::Module &ast = s_.ast(module);
  for (ast::DeclId id : ast.decls()) {
    const ast::Decl &decl = ast.decl(id);
    bool isType = decl.as<ast::SchemaDecl>() || decl.as<ast::TypeAliasDecl>();
    bool isValue = decl.as<ast::LetDecl>() || decl.as<ast::FnDecl>();
    if (isType || (!typesOnly && isValue))
      declItem(module, id, isType ? "1" : "2", {}, nullptr);
  }
}

void ItemBuilder::literalValues(TypeRef expected, const TypeQueries &types) {
  if (!expected.id.valid())
    return;
  const types::TypeStore &store = s_.checked.types;
  const types::Type &t = store.get(store.strip(expected.id));
  std::vector<TypeId> members = t.kind == TypeKind::Union ? t.members : std::vector<TypeId>{expected.id};
  for (TypeId member : members) {
    const types::Type &m = store.get(store.strip(member));
    if (m.kind == TypeKind::Literal) {
      std::string text = types::displayLiteral(m.literal);
      if (accept(text))
        add(text, CompletionKind::EnumMember, "0").detail = s_.checked.display(expected.id);
    } else if (m.kind == TypeKind::Bool) {
      for (const char *b : {"true", "false"})
        if (accept(b))
          add(b, CompletionKind::Value, "0").detail = "bool";
    } else if (m.kind == TypeKind::Null) {
      if (accept("null"))
        add("null", CompletionKind::Value, "0").detail = "null";
    }
  }
  (void)types;
}

void ItemBuilder::stringLiterals(TypeRef expected, const TypeQueries &types) {
  if (!expected.id.valid())
    return;
  const types::TypeStore &store = s_.checked.types;
  const types::Type &t = store.get(store.strip(expected.id));
  std::vector<TypeId> members = t.kind == TypeKind::Union ? t.members : std::vector<TypeId>{expected.id};
  for (TypeId member : members) {
    const types::Type &m = store.get(store.strip(member));
    if (m.kind != TypeKind::Literal || m.literal.kind != types::LiteralValue::String || !accept(m.literal.s))
      continue;
    CompletionItem &item = add(m.literal.s, CompletionKind::EnumMember, "0");
    std::string quoted = cairnString(m.literal.s);
    item.insertText = quoted.substr(1, quoted.size() - 2);
    item.detail = s_.checked.display(expected.id);
  }
  (void)types;
}

// Loose assignability for ranking: same base kind, same schema, same list shape.
bool ItemBuilder::fits(TypeId from, TypeRef expected, const TypeQueries &types) const {
  if (!expected.known() || !from.valid())
    return false;
  const types::TypeStore &store = s_.checked.types;
  auto baseKind = [&](TypeId id) {
    const types::Type &t = store.get(store.strip(id));
    if (t.kind != TypeKind::Literal)
      return t.kind;
    switch (t.literal.kind) {
    case types::LiteralValue::Bool: return TypeKind::Bool;
    case types::LiteralValue::Int: return TypeKind::Int;
    case types::LiteralValue::Float: return TypeKind::Float;
    default: return TypeKind::String;
    }
  };
  TypeKind fromKind = baseKind(from);
  if (fromKind == TypeKind::Error || fromKind == TypeKind::Any || fromKind == TypeKind::Null)
    return false;
  uint32_t wantedSchema = types.schemaOf(expected);
  if (wantedSchema != types::kNone)
    return fromKind == TypeKind::Schema && types.schemaOf({from}) == wantedSchema;
  if (!expected.id.valid())
    return false;
  const types::Type &e = store.get(store.strip(expected.id));
  std::vector<TypeId> members = e.kind == TypeKind::Union ? e.members : std::vector<TypeId>{expected.id};
  for (TypeId member : members) {
    TypeKind want = baseKind(member);
    if (want == fromKind || (want == TypeKind::Float && fromKind == TypeKind::Int))
      return true;
  }
  return false;
}

void ItemBuilder::namesInScope(TypeQueries &types, TypeRef expected) {
  for (const LocalName &local : types.locals()) {
    if (!accept(local.name))
      continue;
    bool fit = local.type.valid() && fits(local.type, expected, types);
    CompletionItem &item = add(local.name.str(), CompletionKind::Variable, fit ? "1" : "2");
    item.detail = local.type.valid() ? s_.checked.display(local.type) : "";
  }
  const ast::Module &ast = s_.ast(module_);
  for (ast::DeclId id : ast.decls()) {
    const ast::Decl &decl = ast.decl(id);
    if (decl.as<ast::TypeAliasDecl>())
      continue; // not a value
    declItem(module_, id, "3", expected, &types);
  }
  for (const ModuleImport &import : s_.program.modules[module_].imports) {
    if (import.alias.empty() || !accept(import.alias))
      continue;
    CompletionItem &item = add(import.alias.str(), CompletionKind::Module, "3");
    if (import.module != kNoModule)
      item.detail = "import " + s_.program.modules[import.module].displayPath;
  }
  for (const types::BuiltinInfo &builtin : types::builtinTable()) {
    if (!accept(builtin.name))
      continue;
    Description description = describeBuiltin(builtin.id);
    CompletionItem &item = add(builtin.name.str(), CompletionKind::Function, "4");
    item.detail = description.signature;
    item.documentation = render(description, true);
    if (options_.snippets) {
      item.insertText = builtin.name.str() + (builtin.maxArgs == 0 ? "()" : "($0)");
      item.snippet = true;
    }
  }
}

void ItemBuilder::typeNamesInScope() {
  const ast::Module &ast = s_.ast(module_);
  for (ast::DeclId id : ast.decls()) {
    const ast::Decl &decl = ast.decl(id);
    if (decl.as<ast::SchemaDecl>() || decl.as<ast::TypeAliasDecl>())
      declItem(module_, id, "0", {}, nullptr);
  }
  for (const ModuleImport &import : s_.program.modules[module_].imports)
    if (!import.alias.empty() && accept(import.alias))
      add(import.alias.str(), CompletionKind::Module, "1").detail =
          import.module != kNoModule ? "import " + s_.program.modules[import.module].displayPath : "";
  for (const char *builtin : {"string", "int", "float", "bool", "any", "null"})
    if (accept(builtin))
      add(builtin, CompletionKind::TypeParameter, "2").detail = "builtin type";
}

void ItemBuilder::keyword(llvm::StringRef word, llvm::StringRef snippet, const char *group) {
  if (!accept(word))
    return;
  CompletionItem &item = add(word.str(), CompletionKind::Keyword, group);
  item.detail = "keyword";
  if (options_.snippets && !snippet.empty()) {
    item.insertText = snippet.str();
    item.snippet = true;
  } else {
    item.insertText = word.str() + " ";
  }
}

void ItemBuilder::expressionKeywords(bool listStart) {
  keyword("if", "if ${1:condition} then ${2} else ${3}", "5");
  keyword("let", "let (${1:name} = ${2}) ${0}", "5");
  keyword("fn", "fn(${1:x}) => ${0}", "5");
  if (listStart)
    keyword("for", "for ${1:x} in ${2:xs}: ${0}", "5");
  for (const char *literal : {"true", "false", "null"})
    if (accept(literal))
      add(literal, CompletionKind::Keyword, "5").detail = "keyword";
}

void ItemBuilder::topLevelKeywords() {
  keyword("import", "import \"${1}\"", "0");
  keyword("param", "param ${1:name}: ${2:string} = ${0}", "0");
  keyword("let", "let ${1:name} = ${0}", "0");
  keyword("fn", "fn ${1:name}(${2}) = ${0}", "0");
  keyword("schema", "schema ${1:Name} {\n\t$0\n}", "0");
  keyword("type", "type ${1:Name} = ${0}", "0");
  keyword("emit", "", "0");
  keyword("policy", "policy \"${1:name}\" on ${2:Type} {\n\tcheck ${0}\n}", "0");
}

void ItemBuilder::schemaBodyKeywords(bool policy) {
  keyword("check", "", "0");
  if (!policy)
    return;
  keyword("param", "", "0");
  for (const char *setting : {"level", "remediation", "tags", "enabled"})
    if (accept(setting)) {
      CompletionItem &item = add(setting, CompletionKind::Field, "1");
      item.insertText = std::string(setting) + " = ";
      item.detail = "policy setting";
    }
}

} // namespace cairn::lsp
