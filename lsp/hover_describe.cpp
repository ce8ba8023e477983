#include "lsp/hover_describe.h"

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>

#include "lsp/secret_taint.h"
#include "lsp/signature_builtins.h"

namespace cairn::lsp {

// The note (the module) of a declaration holding a secret says so.
static void noteSecret(std::string &note) {
  note += note.empty() ? "secret: its value is never shown" : " · secret: its value is never shown";
}

using types::TypeId;
using types::TypeKind;

std::string cleanDoc(llvm::StringRef doc) {
  std::string out;
  llvm::SmallVector<llvm::StringRef, 8> lines;
  doc.split(lines, '\n');
  for (llvm::StringRef line : lines) {
    line = line.rtrim("\r");
    if (line.startswith(" "))
      line = line.drop_front();
    if (!out.empty())
      out += '\n';
    out += line.str();
  }
  return llvm::StringRef(out).trim().str();
}

std::string render(const Description &d, bool markdown) {
  std::string out;
  if (!d.signature.empty())
    out += markdown ? fmt::format("```cairn\n{}\n```", d.signature) : d.signature;
  auto paragraph = [&](const std::string &text) {
    if (text.empty())
      return;
    if (!out.empty())
      out += markdown ? "\n\n" : "\n";
    out += text;
  };
  paragraph(d.note.empty() ? "" : (markdown ? "*" + d.note + "*" : d.note));
  paragraph(d.constraints);
  paragraph(d.doc);
  return out;
}

std::string exprText(const Snapshot &s, uint32_t module, ast::ExprId expr) {
  if (module >= s.program.modules.size() || !expr.valid() || expr.index >= s.ast(module).exprCount())
    return {};
  Span span = s.ast(module).expr(expr).span;
  llvm::StringRef text = s.text(module);
  if (span.end > text.size() || span.begin > span.end)
    return {};
  std::string result = text.slice(span.begin, span.end).str();
  size_t newline = result.find('\n');
  if (newline != std::string::npos)
    result = llvm::StringRef(result).substr(0, newline).rtrim().str() + " …";
  if (result.size() > 80)
    result = result.substr(0, 77) + "…";
  return result;
}

static std::string rangeWords(const types::IntRange &r, const char *unit) {
  if (r.hasLow && r.hasHigh)
    return fmt::format("from {} to {}{}", r.low, r.high, unit);
  if (r.hasLow)
    return fmt::format("at least {}{}", r.low, unit);
  return fmt::format("at most {}{}", r.high, unit);
}

static void describeMember(const Snapshot &s, TypeId id, std::vector<std::string> &parts,
                           std::vector<std::string> &literals) {
  const types::TypeStore &store = s.checked.types;
  const types::Type &t = store.get(store.strip(id));
  switch (t.kind) {
  case TypeKind::Int:
    if (!t.intRange.unbounded())
      parts.push_back("an int " + rangeWords(t.intRange, ""));
    break;
  case TypeKind::Float:
    if (!t.floatRange.unbounded()) {
      std::string words = t.floatRange.hasLow && t.floatRange.hasHigh
                              ? fmt::format("from {} to {}", types::formatFloat(t.floatRange.low),
                                            types::formatFloat(t.floatRange.high))
                          : t.floatRange.hasLow ? "at least " + types::formatFloat(t.floatRange.low)
                                                : "at most " + types::formatFloat(t.floatRange.high);
      parts.push_back("a float " + words);
    }
    break;
  case TypeKind::String:
    if (!t.intRange.unbounded())
      parts.push_back("a string of " + rangeWords(t.intRange, " characters"));
    if (!t.pattern.empty())
      parts.push_back(fmt::format("matching `/{}/`", t.pattern));
    break;
  case TypeKind::Literal:
    literals.push_back(types::displayLiteral(t.literal));
    break;
  default:
    break;
  }
}

std::string constraintsOf(const Snapshot &s, TypeId type) {
  if (!type.valid())
    return {};
  const types::TypeStore &store = s.checked.types;
  const types::Type &t = store.get(store.strip(type));
  std::vector<std::string> parts, literals;
  if (t.kind == TypeKind::Union) {
    for (TypeId member : t.members)
      describeMember(s, member, parts, literals);
  } else {
    describeMember(s, type, parts, literals);
  }
  if (literals.size() > 1)
    parts.push_back("one of " + llvm::join(literals, ", "));
  if (parts.empty())
    return {};
  std::string text = llvm::join(parts, ", ");
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text + ".";
}

static std::string moduleLabel(const Snapshot &s, uint32_t module) {
  if (module >= s.program.modules.size())
    return {};
  return s.program.modules[module].displayPath;
}

Description describeField(const Snapshot &s, const types::FieldInfo &field) {
  Description d;
  std::string defaultText;
  if (field.presence == types::FieldPresence::Defaulted)
    defaultText = field.defaultValue.valid() ? exprText(s, field.module, field.defaultValue) : "null";
  d.signature = fmt::format("{}{}: {}", field.name.str(), field.presence == types::FieldPresence::Optional ? "?" : "",
                            s.checked.display(field.type));
  if (!defaultText.empty())
    d.signature += " = " + defaultText;
  d.constraints = constraintsOf(s, field.type);
  d.doc = cleanDoc(field.doc);
  const char *presence = field.presence == types::FieldPresence::Required   ? "required field"
                         : field.presence == types::FieldPresence::Optional ? "optional field"
                                                                            : "field with a default";
  if (field.ownerSchema < s.checked.schemas.size())
    d.note = fmt::format("{} of {}", presence, s.checked.schemas[field.ownerSchema].name.str());
  return d;
}

Description describeSchema(const Snapshot &s, uint32_t schema) {
  Description d;
  if (schema >= s.checked.schemas.size())
    return d;
  const types::SchemaInfo &info = s.checked.schemas[schema];
  d.signature = "schema " + info.name.str();
  if (info.parent < s.checked.schemas.size())
    d.signature += " extends " + s.checked.schemas[info.parent].name.str();
  size_t required = 0;
  for (const types::FieldInfo &field : info.fields)
    required += field.presence == types::FieldPresence::Required;
  d.note = fmt::format("{} fields, {} required; {}", info.fields.size(), required, moduleLabel(s, info.module));
  if (info.module < s.program.modules.size() && info.decl.valid() &&
      info.decl.index < s.ast(info.module).declCount())
    d.doc = cleanDoc(s.ast(info.module).decl(info.decl).docComment);
  return d;
}

static std::string typeExprText(const Snapshot &s, uint32_t module, ast::TypeExprId type) {
  const types::CheckedModule &checked = s.types(module);
  if (type.valid() && type.index < checked.localTypes.size() && checked.localTypes[type.index].valid())
    return s.checked.display(checked.localTypes[type.index]);
  return "any";
}

Description describeDecl(const Snapshot &s, uint32_t module, ast::DeclId id) {
  Description d;
  const ast::Decl &decl = s.ast(module).decl(id);
  const types::CheckedModule &checked = s.types(module);
  TypeId declType = id.index < checked.declTypes.size() ? checked.declTypes[id.index] : TypeId{};
  std::string typeText = declType.valid() ? s.checked.display(declType) : "any";
  d.doc = cleanDoc(decl.docComment);
  d.note = moduleLabel(s, module);
  if (auto *let = decl.as<ast::LetDecl>()) {
    d.signature = fmt::format("let {}: {}", let->name.text.str(), typeText);
    d.constraints = constraintsOf(s, declType);
    if (declHoldsSecret(s, module, id))
      noteSecret(d.note);
  } else if (auto *param = decl.as<ast::ParamDecl>()) {
    d.signature = fmt::format("{}param {}: {}", param->isSecret() ? "secret " : "", param->name.text.str(), typeText);
    // A secret's default is not shown either (hovers end up in screenshots
    // and logs as easily as diagnostics do).
    if (param->defaultValue.valid())
      d.signature += " = " + (param->isSecret() ? kSecretPlaceholder.str() : exprText(s, module, param->defaultValue));
    d.constraints = constraintsOf(s, declType);
    if (param->isSecret())
      noteSecret(d.note);
  } else if (auto *fn = decl.as<ast::FnDecl>()) {
    std::vector<std::string> params;
    for (const ast::FnParam &p : fn->params)
      params.push_back(fmt::format("{}: {}", p.name.text.str(), typeExprText(s, module, p.type)));
    std::string result = "any";
    if (declType.valid() && s.checked.types.kind(s.checked.types.strip(declType)) == TypeKind::Function)
      result = s.checked.display(s.checked.types.get(s.checked.types.strip(declType)).result);
    d.signature = fmt::format("fn {}({}): {}", fn->name.text.str(), llvm::join(params, ", "), result);
  } else if (auto *alias = decl.as<ast::TypeAliasDecl>()) {
    d.signature = fmt::format("type {} = {}", alias->name.text.str(), typeExprText(s, module, alias->type));
    d.constraints = constraintsOf(s, declType);
  } else if (decl.as<ast::SchemaDecl>() && id.index < checked.declSchemas.size()) {
    Description schema = describeSchema(s, checked.declSchemas[id.index]);
    schema.doc = d.doc;
    return schema;
  }
  return d;
}

Description describeBuiltin(types::BuiltinId builtin) {
  const types::BuiltinInfo &info = types::builtinInfo(builtin);
  const BuiltinSignature &sig = builtinSignature(builtin);
  Description d;
  std::vector<std::string> params(sig.params.begin(), sig.params.end());
  d.signature = fmt::format("fn {}({}): {}", info.name.str(), llvm::join(params, ", "), sig.result.str());
  d.doc = info.doc.str();
  d.doc[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(d.doc[0])));
  d.note = "builtin";
  return d;
}

} // namespace cairn::lsp
