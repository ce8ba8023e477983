#include "lsp/code_actions_fields.h"

#include <regex>

#include <fmt/format.h>
#include <llvm/ADT/StringSet.h>

#include "frontend/cairn_text.h"
#include "lsp/semantic_tokens_ast.h"

namespace cairn::lsp {
namespace {

using types::TypeId;
using types::TypeKind;

constexpr int kMaxNesting = 3;

bool sameSpan(Span a, Span b) { return a.valid() && b.valid() && a.begin == b.begin && a.end == b.end; }

std::string stringPlaceholder(const types::TypeStore &store, TypeId type) {
  const types::Type &t = store.get(type);
  const std::regex *re = store.regex(type);
  size_t low = t.intRange.hasLow ? static_cast<size_t>(std::max<int64_t>(0, t.intRange.low)) : 0;
  for (std::string candidate : {"", "a", "example", "x", "0", "a-b", "example.com", "1.0.0"}) {
    if (candidate.size() < low)
      candidate.append(low - candidate.size(), 'a');
    bool lengthOk = !t.intRange.hasHigh || static_cast<int64_t>(candidate.size()) <= t.intRange.high;
    if (lengthOk && (!re || std::regex_match(candidate, *re)))
      return cairnString(candidate);
  }
  return "\"\"";
}

std::string fieldName(llvm::StringRef name) {
  return isCairnName(name) ? name.str() : cairnString(name);
}

// The names an object literal sets, and the fields a misspelt name stands
// for (the checker does not report those missing either).
llvm::StringSet<> setFields(const ast::ObjectLit &object, const types::SchemaInfo &schema) {
  llvm::StringSet<> set;
  std::vector<llvm::StringRef> fieldNames;
  for (const types::FieldInfo &f : schema.fields)
    fieldNames.push_back(f.name);
  for (const ast::FieldInit &init : object.fields) {
    if (init.path.empty() || !init.path.front().valid())
      continue;
    llvm::StringRef name = init.path.front().text;
    set.insert(name);
    if (!schema.field(name))
      if (std::string match = closestMatch(name, fieldNames); !match.empty())
        set.insert(match);
  }
  return set;
}

std::vector<std::string> assignments(const Snapshot &snapshot, const types::SchemaInfo &schema,
                                     const llvm::StringSet<> &set, int depth) {
  std::vector<std::string> out;
  for (const types::FieldInfo &field : schema.fields)
    if (field.presence == types::FieldPresence::Required && !set.count(field.name))
      out.push_back(fmt::format("{} = {}", fieldName(field.name), placeholderValue(snapshot, field.type, depth + 1)));
  return out;
}

llvm::StringRef indentOfLine(llvm::StringRef text, uint32_t offset) {
  return text.substr(lineStartOf(text, offset)).take_while([](char c) { return c == ' ' || c == '\t'; });
}
uint32_t lineStart(llvm::StringRef text, uint32_t offset) { return lineStartOf(text, offset); }
bool firstOnLine(llvm::StringRef text, uint32_t offset) {
  return text.slice(lineStart(text, offset), offset).find_first_not_of(" \t") == llvm::StringRef::npos;
}

} // namespace

std::string placeholderValue(const Snapshot &snapshot, TypeId type, int depth) {
  const types::TypeStore &store = snapshot.checked.types;
  if (!type.valid() || type.index >= store.size())
    return "null";
  TypeId stripped = store.strip(type);
  const types::Type &t = store.get(stripped);
  switch (t.kind) {
  case TypeKind::Bool: return "false";
  case TypeKind::Int: // 0 when allowed, else the bound nearest to it
    return std::to_string(t.intRange.contains(0) ? 0 : t.intRange.hasLow && t.intRange.low > 0 ? t.intRange.low : t.intRange.high);
  case TypeKind::Float:
    return types::formatFloat(t.floatRange.contains(0) ? 0.0
                              : t.floatRange.hasLow && t.floatRange.low > 0 ? t.floatRange.low
                                                                             : t.floatRange.high);
  case TypeKind::String: return stringPlaceholder(store, stripped);
  case TypeKind::Literal: return types::displayLiteral(t.literal);
  case TypeKind::List: return "[]";
  case TypeKind::Map:
  case TypeKind::Any: return "{}";
  case TypeKind::Schema: {
    if (depth >= kMaxNesting || t.schema >= snapshot.checked.schemas.size())
      return "{}";
    std::vector<std::string> fields = assignments(snapshot, snapshot.checked.schemas[t.schema], {}, depth);
    return fields.empty() ? "{}" : fmt::format("{{ {} }}", fmt::join(fields, ", "));
  }
  case TypeKind::Union:
    for (TypeId m : t.members)
      if (store.kind(store.strip(m)) != TypeKind::Null)
        return placeholderValue(snapshot, m, depth);
    return "null";
  default: return "null";
  }
}

std::optional<ast::ExprId> objectOfMissingField(const ast::Module &module, Span span) {
  for (uint32_t i = 0; i < module.exprCount(); ++i) {
    const auto *object = module.expr(ast::ExprId{i}).as<ast::ObjectLit>();
    if (!object)
      continue;
    if (validExpr(module, object->typeRef) && sameSpan(module.expr(object->typeRef).span, span))
      return ast::ExprId{i};
    if (!object->typeRef.valid() && object->bodySpan.valid() && object->bodySpan.begin == span.begin &&
        span.end == span.begin + 1)
      return ast::ExprId{i};
    for (const ast::FieldInit &init : object->fields)
      if (init.block && !init.path.empty() && sameSpan(init.path.back().span, span) &&
          validExpr(module, init.value) && module.expr(init.value).is<ast::ObjectLit>())
        return init.value;
  }
  return std::nullopt;
}

std::optional<ast::ExprId> typedObjectAt(const ast::Module &module, Span range) {
  for (uint32_t i = 0; i < module.exprCount(); ++i) {
    const auto *object = module.expr(ast::ExprId{i}).as<ast::ObjectLit>();
    if (!object || !validExpr(module, object->typeRef))
      continue;
    Span type = module.expr(object->typeRef).span;
    if (range.begin <= type.end && range.end >= type.begin)
      return ast::ExprId{i};
  }
  return std::nullopt;
}

std::optional<TextEdit> addMissingFields(const Snapshot &snapshot, uint32_t module, ast::ExprId id) {
  const ast::Module &ast = snapshot.ast(module);
  const types::CheckedModule &checked = snapshot.types(module);
  if (!validExpr(ast, id) || id.index >= checked.objectTypes.size() || !checked.objectTypes[id.index].valid())
    return std::nullopt;
  const auto *object = ast.expr(id).as<ast::ObjectLit>();
  const types::TypeStore &store = snapshot.checked.types;
  TypeId type = store.strip(checked.objectTypes[id.index]);
  llvm::StringRef text = snapshot.text(module);
  if (!object || store.kind(type) != TypeKind::Schema || !object->bodySpan.valid() ||
      object->bodySpan.end == 0 || object->bodySpan.end > text.size())
    return std::nullopt;
  uint32_t open = object->bodySpan.begin, close = object->bodySpan.end - 1;
  if (text[open] != '{' || text[close] != '}' || close <= open)
    return std::nullopt;
  const types::SchemaInfo &schema = snapshot.checked.schemas[store.get(type).schema];
  std::vector<std::string> lines = assignments(snapshot, schema, setFields(*object, schema), 0);
  if (lines.empty())
    return std::nullopt;
  Span file = object->bodySpan;
  bool multiline = text.slice(open, close).find_first_of("\r\n") != llvm::StringRef::npos;
  if (!multiline) {
    llvm::StringRef inner = text.slice(open + 1, close);
    std::string joined = fmt::format("{}", fmt::join(lines, ", "));
    if (inner.trim().empty())
      return TextEdit{{file.file, open + 1, close}, " " + joined + " "};
    uint32_t last = open + 1 + static_cast<uint32_t>(inner.rtrim().size());
    return TextEdit{{file.file, last, last}, (text[last - 1] == ',' ? " " : ", ") + joined};
  }
  std::string newline = text.find("\r\n") != llvm::StringRef::npos ? "\r\n" : "\n";
  llvm::StringRef closeIndent = indentOfLine(text, firstOnLine(text, close) ? close : open);
  std::string indent = closeIndent.str() + "  ";
  if (!object->fields.empty() && object->fields.back().span.valid() &&
      firstOnLine(text, object->fields.back().span.begin))
    indent = indentOfLine(text, object->fields.back().span.begin).str();
  std::string block;
  for (const std::string &line : lines)
    block += indent + line + newline;
  if (firstOnLine(text, close)) {
    uint32_t at = lineStart(text, close);
    return TextEdit{{file.file, at, at}, block};
  }
  return TextEdit{{file.file, close, close}, newline + block + closeIndent.str()};
}

} // namespace cairn::lsp
