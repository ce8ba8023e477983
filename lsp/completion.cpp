#include "lsp/completion.h"

#include <fmt/format.h>

#include "frontend/cairn_text.h"
#include "lsp/completion_items.h"
#include "lsp/completion_types.h"
#include "lsp/cursor_context.h"

namespace cairn::lsp {
namespace {

// Field names already set in the object body opened at token `open`.
llvm::StringSet<> fieldsSetIn(llvm::StringRef text, const CursorContext &cx, size_t open) {
  llvm::StringSet<> set;
  const std::vector<Tok> &toks = cx.tokens;
  size_t close = matchingClose(toks, open);
  for (size_t i = open + 1; i < close && i < toks.size(); ++i) {
    if (i >= cx.firstAfter && toks[i].begin < cx.offset)
      continue; // the word being typed
    if (toks[i].kind == TokKind::Name && startsEntry(text, toks, open, i))
      set.insert(toks[i].text);
    else if (toks[i].kind == TokKind::StringOpen && startsEntry(text, toks, open, i) && i + 1 < close &&
             toks[i + 1].kind == TokKind::StringText)
      set.insert(toks[i + 1].text);
    if (toks[i].is("{") || toks[i].is("[") || toks[i].is("(") || toks[i].kind == TokKind::InterpOpen)
      i = matchingClose(toks, i);
  }
  return set;
}

class Completer {
public:
  Completer(const Snapshot &s, uint32_t module, uint32_t offset, const CompletionOptions &options)
      : s_(s), module_(module), text_(s.text(module)), cx_(analyzeCursor(text_, offset)),
        types_(s, module, cx_), items_(s, module, cx_.wordBegin, cx_.offset, options) {}

  CompletionResult run();

private:
  void fieldNames(TypeRef object, const llvm::StringSet<> *exclude);
  void member();
  void value(TypeRef expected);
  void typeNames();
  void stringValue();

  const Snapshot &s_;
  uint32_t module_;
  llvm::StringRef text_;
  CursorContext cx_;
  TypeQueries types_;
  ItemBuilder items_;
};

void Completer::fieldNames(TypeRef object, const llvm::StringSet<> *exclude) {
  uint32_t schema = types_.schemaOf(object);
  if (schema == types::kNone || schema >= s_.checked.schemas.size())
    return;
  for (const types::FieldInfo &field : s_.checked.schemas[schema].fields)
    if (!exclude || !exclude->contains(field.name))
      items_.field(field, /*asEntry=*/exclude != nullptr);
}

void Completer::member() {
  const Tok *dot = cx_.before();
  // An import alias: the module's exported names.
  if (cx_.chain.size() == 1) {
    bool local = false;
    for (const LocalName &l : types_.locals())
      local = local || l.name == cx_.chain[0];
    if (!local && !findDecl(s_.ast(module_), cx_.chain[0]))
      if (std::optional<uint32_t> imported = importedModule(s_, module_, cx_.chain[0])) {
        items_.moduleMembers(*imported, /*typesOnly=*/false);
        return;
      }
  }
  TypeRef object;
  uint32_t begin = cx_.tokens[cx_.chainStart].begin;
  if (std::optional<types::TypeId> t = types_.exprTypeBetween(begin, dot->begin))
    object = {*t};
  if (!object.known())
    object = types_.chainType(cx_.chain);
  fieldNames(object, nullptr);
}

void Completer::value(TypeRef expected) {
  items_.literalValues(expected, types_);
  items_.namesInScope(types_, expected);
  const Frame *inner = cx_.frames.empty() ? nullptr : &cx_.frames.back();
  bool listStart = inner && inner->kind == FrameKind::List && cx_.firstAfter == inner->open + 1;
  items_.expressionKeywords(listStart);
}

void Completer::typeNames() {
  if (cx_.chain.empty()) {
    items_.typeNamesInScope();
    return;
  }
  if (cx_.chain.size() == 1)
    if (std::optional<uint32_t> imported = importedModule(s_, module_, cx_.chain[0]))
      items_.moduleMembers(*imported, /*typesOnly=*/true);
}

void Completer::stringValue() {
  TypeRef expected = types_.expectedAt(cx_.stringOpen, cx_.frames.size());
  items_.stringLiterals(expected, types_);
}

CompletionResult Completer::run() {
  switch (cx_.kind) {
  case CursorKind::None:
    break;
  case CursorKind::TopLevel:
    items_.topLevelKeywords();
    break;
  case CursorKind::FieldName: {
    size_t frame = cx_.frames.size() - 1;
    llvm::StringSet<> set = fieldsSetIn(text_, cx_, cx_.frames[frame].open);
    fieldNames(types_.objectFrameType(frame), &set);
    break;
  }
  case CursorKind::FieldPath:
    fieldNames(types_.walkPath(types_.objectFrameType(cx_.frames.size() - 1), cx_.chain), nullptr);
    break;
  case CursorKind::SchemaBody:
    items_.schemaBodyKeywords(cx_.frames.back().open > 0 && [&] {
      for (size_t j = cx_.frames.back().open; j-- > 0;)
        if (cx_.tokens[j].is("policy") || cx_.tokens[j].is("schema"))
          return cx_.tokens[j].is("policy");
      return false;
    }());
    break;
  case CursorKind::Member:
    member();
    break;
  case CursorKind::Value:
    value(types_.expectedAt(cx_.firstAfter, cx_.frames.size()));
    break;
  case CursorKind::TypeName:
    typeNames();
    break;
  case CursorKind::ImportPath: {
    llvm::StringRef typed = text_.slice(cx_.wordBegin, cx_.offset);
    std::vector<CompletionItem> paths = importPathItems(s_, module_, typed);
    for (CompletionItem &item : paths) {
      item.replaceBegin = cx_.wordBegin;
      item.replaceEnd = cx_.offset;
    }
    return {std::move(paths)};
  }
  case CursorKind::StringValue:
    stringValue();
    break;
  }
  return {items_.take()};
}

} // namespace

CompletionResult complete(const Snapshot &snapshot, uint32_t module, uint32_t offset,
                          const CompletionOptions &options) {
  if (module >= snapshot.program.modules.size() || module >= snapshot.checked.modules.size())
    return {};
  return Completer(snapshot, module, offset, options).run();
}

} // namespace cairn::lsp
