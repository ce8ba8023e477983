// Navigation handlers: params in (UTF-16 positions -> byte offsets), spans
// out (through one LineIndex per file, not one per range).
#include "lsp/handlers_navigation.h"

#include <map>
#include <unordered_map>

#include "lsp/document_symbols.h"
#include "lsp/references.h"
#include "lsp/rename.h"
#include "lsp/workspace_symbols.h"

namespace cairn::lsp {

namespace {

// Spans -> LSP ranges and locations, with the line tables cached per file.
class SpanConverter {
public:
  explicit SpanConverter(const Snapshot &snapshot) : snap_(snapshot) {}

  json range(Span span) {
    if (!span.valid() || !snap_.program.sources.has(span.file))
      return toJson(Range{});
    auto it = indexes_.find(span.file.index);
    if (it == indexes_.end())
      it = indexes_.emplace(span.file.index, LineIndex(snap_.program.sources.file(span.file).text())).first;
    return toJson(it->second.rangeOf(span.begin, span.end));
  }
  const std::string &uri(FileId file) {
    auto it = uris_.find(file.index);
    if (it == uris_.end())
      it = uris_.emplace(file.index, uriOf(snap_, file)).first;
    return it->second;
  }
  json location(Span span) { return {{"uri", uri(span.file)}, {"range", range(span)}}; }

private:
  const Snapshot &snap_;
  std::unordered_map<uint32_t, LineIndex> indexes_;
  std::unordered_map<uint32_t, std::string> uris_;
};

uint32_t requestOffset(const FeatureContext &ctx, const json &params) {
  if (!params.is_object() || !params.contains("position"))
    throw ProtocolError(kInvalidParams, "the request needs a `position`");
  if (ctx.module >= ctx.snapshot.program.modules.size())
    throw ProtocolError(kInvalidParams, "the document is not part of the analysed workspace");
  return offsetOf(ctx.snapshot, ctx.module, params["position"]);
}

json outlineJson(SpanConverter &spans, const OutlineSymbol &symbol) {
  json out = {{"name", symbol.name},
              {"kind", symbol.kind},
              {"range", spans.range(symbol.range)},
              {"selectionRange", spans.range(symbol.selection)}};
  if (!symbol.detail.empty())
    out["detail"] = symbol.detail;
  if (!symbol.children.empty()) {
    json children = json::array();
    for (const OutlineSymbol &child : symbol.children)
      children.push_back(outlineJson(spans, child));
    out["children"] = std::move(children);
  }
  return out;
}

void flattenOutline(SpanConverter &spans, const OutlineSymbol &symbol, const std::string &container, json &out) {
  json info = {{"name", symbol.name}, {"kind", symbol.kind}, {"location", spans.location(symbol.range)}};
  if (!container.empty())
    info["containerName"] = container;
  out.push_back(std::move(info));
  for (const OutlineSymbol &child : symbol.children)
    flattenOutline(spans, child, symbol.name, out);
}

} // namespace

json definitionResponse(const Snapshot &snapshot, const std::vector<DefinitionTarget> &targets, bool linkSupport) {
  SpanConverter spans(snapshot);
  json out = json::array();
  for (const DefinitionTarget &t : targets) {
    if (linkSupport)
      out.push_back({{"originSelectionRange", spans.range(t.origin)},
                     {"targetUri", spans.uri(t.selection.file)},
                     {"targetRange", spans.range(t.target)},
                     {"targetSelectionRange", spans.range(t.selection)}});
    else
      out.push_back(spans.location(t.selection));
  }
  return out;
}

// LocationLinks (with the origin's range) for clients that support them.
json handleDefinition(const FeatureContext &ctx, const json &params) {
  return definitionResponse(ctx.snapshot, findDefinition(ctx.snapshot, ctx.module, requestOffset(ctx, params)),
                            ctx.capabilities.definitionLinks);
}

json handleDeclaration(const FeatureContext &ctx, const json &params) { return handleDefinition(ctx, params); }

json handleTypeDefinition(const FeatureContext &ctx, const json &params) {
  return definitionResponse(ctx.snapshot,
                            findTypeDefinition(ctx.snapshot, ctx.module, requestOffset(ctx, params)),
                            /*linkSupport=*/false);
}

json handleReferences(const FeatureContext &ctx, const json &params) {
  uint32_t offset = requestOffset(ctx, params);
  bool includeDeclaration = false;
  if (params.contains("context") && params["context"].is_object()) {
    const json &context = params["context"];
    if (context.contains("includeDeclaration") && context["includeDeclaration"].is_boolean())
      includeDeclaration = context["includeDeclaration"].get<bool>();
  }
  json out = json::array();
  auto occ = symbolAt(ctx.snapshot, ctx.module, offset);
  if (!occ)
    return out;
  std::vector<Reference> refs = findReferences(ctx.snapshot, occ->symbol, includeDeclaration, ctx.cancelled);
  if (ctx.isCancelled())
    throw ProtocolError(kRequestCancelled, "the request was cancelled");
  SpanConverter spans(ctx.snapshot);
  for (const Reference &ref : refs)
    out.push_back(spans.location(ref.span));
  return out;
}

json handleDocumentHighlight(const FeatureContext &ctx, const json &params) {
  uint32_t offset = requestOffset(ctx, params);
  SpanConverter spans(ctx.snapshot);
  json out = json::array();
  for (const Reference &ref : documentHighlights(ctx.snapshot, ctx.module, offset)) {
    int kind = ref.role == OccurrenceRole::Read ? 2 : 3; // DocumentHighlightKind Read / Write
    out.push_back({{"range", spans.range(ref.span)}, {"kind", kind}});
  }
  return out;
}

json handlePrepareRename(const FeatureContext &ctx, const json &params) {
  RenameCheck check = checkRename(ctx.snapshot, ctx.module, requestOffset(ctx, params));
  if (!check.occurrence)
    throw ProtocolError(kRequestFailed, check.refusal);
  SpanConverter spans(ctx.snapshot);
  return {{"range", spans.range(check.occurrence->span)}, {"placeholder", check.occurrence->symbol.name.str()}};
}

// ClientCapabilities does not record `workspaceEdit.documentChanges`, and the
// snapshot holds no document versions: `changes` is what every client takes.
json handleRename(const FeatureContext &ctx, const json &params) {
  uint32_t offset = requestOffset(ctx, params);
  if (!params.contains("newName") || !params["newName"].is_string())
    throw ProtocolError(kInvalidParams, "textDocument/rename needs a string `newName`");
  std::string newName = params["newName"].get<std::string>();
  RenamePlan plan = planRename(ctx.snapshot, ctx.module, offset, newName);
  if (!plan.refusal.empty())
    throw ProtocolError(kRequestFailed, plan.refusal);
  if (!plan.invalidName.empty())
    throw ProtocolError(kInvalidParams, plan.invalidName);
  SpanConverter spans(ctx.snapshot);
  std::map<std::string, json> byUri;
  for (const TextEdit &edit : plan.edits) {
    json &edits = byUri[spans.uri(edit.span.file)];
    if (edits.is_null())
      edits = json::array();
    edits.push_back({{"range", spans.range(edit.span)}, {"newText", edit.newText}});
  }
  json changes = json::object();
  for (auto &[uri, edits] : byUri)
    changes[uri] = std::move(edits);
  return {{"changes", std::move(changes)}};
}

json handleDocumentSymbol(const FeatureContext &ctx, const json &) {
  if (ctx.module >= ctx.snapshot.program.modules.size())
    throw ProtocolError(kInvalidParams, "the document is not part of the analysed workspace");
  SpanConverter spans(ctx.snapshot);
  json out = json::array();
  for (const OutlineSymbol &symbol : documentSymbols(ctx.snapshot, ctx.module)) {
    if (ctx.capabilities.hierarchicalSymbols)
      out.push_back(outlineJson(spans, symbol));
    else
      flattenOutline(spans, symbol, "", out);
  }
  return out;
}

json handleWorkspaceSymbol(const FeatureContext &ctx, const json &params) {
  std::string query;
  if (params.is_object() && params.contains("query")) {
    if (!params["query"].is_string())
      throw ProtocolError(kInvalidParams, "workspace/symbol needs a string `query`");
    query = params["query"].get<std::string>();
  }
  SpanConverter spans(ctx.snapshot);
  json out = json::array();
  for (const WorkspaceSymbolMatch &match : workspaceSymbols(ctx.snapshot, query, kMaxWorkspaceSymbols, ctx.cancelled))
    out.push_back({{"name", match.name},
                   {"kind", match.kind},
                   {"location", spans.location(match.span)},
                   {"containerName", match.container}});
  return out;
}

llvm::ArrayRef<NavigationMethod> navigationMethods() {
  static constexpr NavigationMethod kMethods[] = {
      {"textDocument/definition", handleDefinition},
      {"textDocument/declaration", handleDeclaration},
      {"textDocument/typeDefinition", handleTypeDefinition},
      {"textDocument/references", handleReferences},
      {"textDocument/documentHighlight", handleDocumentHighlight},
      {"textDocument/prepareRename", handlePrepareRename},
      {"textDocument/rename", handleRename},
      {"textDocument/documentSymbol", handleDocumentSymbol},
      {"workspace/symbol", handleWorkspaceSymbol},
  };
  return kMethods;
}

json navigationCapabilities() {
  ClientCapabilities client;
  client.prepareRename = true;
  return navigationCapabilities(client);
}

json navigationCapabilities(const ClientCapabilities &client) {
  json rename = client.prepareRename ? json{{"prepareProvider", true}} : json(true);
  return {{"definitionProvider", true},       {"declarationProvider", true},
          {"typeDefinitionProvider", true},   {"referencesProvider", true},
          {"documentHighlightProvider", true}, {"renameProvider", rename},
          {"documentSymbolProvider", true},   {"workspaceSymbolProvider", true}};
}

} // namespace cairn::lsp
