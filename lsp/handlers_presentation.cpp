#include "lsp/handlers_presentation.h"

#include "lsp/code_actions.h"
#include "lsp/document_links.h"
#include "lsp/folding.h"
#include "lsp/inlay_hints.h"
#include "lsp/selection_range.h"
#include "lsp/semantic_tokens.h"

namespace cairn::lsp {
namespace {

FileId fileOf(const FeatureContext &ctx) { return ctx.snapshot.program.modules[ctx.module].file; }

Span spanFromJson(const LineIndex &index, FileId file, const json &range) {
  if (!range.is_object() || !range.contains("start") || !range.contains("end"))
    throw ProtocolError(kInvalidParams, "a range needs `start` and `end` positions");
  uint32_t begin = index.offsetOf(positionFromJson(range["start"]));
  uint32_t end = index.offsetOf(positionFromJson(range["end"]));
  return Span{file, begin, std::max(begin, end)};
}

const json &requiredRange(const json &params) {
  if (!params.is_object() || !params.contains("range"))
    throw ProtocolError(kInvalidParams, "missing `range`");
  return params["range"];
}

json textEditJson(const LineIndex &index, const TextEdit &edit) {
  return {{"range", toJson(index.rangeOf(edit.span.begin, edit.span.end))}, {"newText", edit.replacement}};
}

// `data.fixes` as the server attached them: [{title, edits: [{range, newText}]}].
std::optional<std::vector<Fix>> fixesFromData(const LineIndex &index, FileId file, const json &diagnostic) {
  if (!diagnostic.contains("data") || !diagnostic["data"].is_object() || !diagnostic["data"].contains("fixes") ||
      !diagnostic["data"]["fixes"].is_array())
    return std::nullopt;
  std::vector<Fix> fixes;
  for (const json &f : diagnostic["data"]["fixes"]) {
    if (!f.is_object() || !f.contains("edits") || !f["edits"].is_array())
      continue;
    Fix fix{f.value("title", std::string("Apply fix")), {}};
    for (const json &e : f["edits"])
      if (e.is_object() && e.contains("range") && e.value("newText", json()).is_string())
        fix.edits.push_back({spanFromJson(index, file, e["range"]), e["newText"].get<std::string>()});
    if (!fix.edits.empty())
      fixes.push_back(std::move(fix));
  }
  return fixes;
}

std::string stringOrNumber(const json &value) {
  if (value.is_string())
    return value.get<std::string>();
  if (value.is_number_integer())
    return std::to_string(value.get<int64_t>());
  return {};
}

bool kindRequested(const json &context, const char *kind) {
  if (!context.is_object() || !context.contains("only") || !context["only"].is_array())
    return true;
  llvm::StringRef k(kind);
  for (const json &only : context["only"])
    if (only.is_string()) {
      llvm::StringRef o = only.get_ref<const std::string &>();
      if (k == o || (k.startswith(o) && k.size() > o.size() && k[o.size()] == '.'))
        return true;
    }
  return false;
}

json names(llvm::ArrayRef<const char *> list) {
  json out = json::array();
  for (const char *name : list)
    out.push_back(name);
  return out;
}

} // namespace

json handleSemanticTokensFull(const FeatureContext &ctx, const json &) {
  std::vector<SemanticToken> tokens = semanticTokens(ctx.snapshot, ctx.module);
  return {{"data", encodeSemanticTokens(ctx.snapshot.text(ctx.module), tokens)}};
}

json handleSemanticTokensRange(const FeatureContext &ctx, const json &params) {
  LineIndex index(ctx.snapshot.text(ctx.module));
  Span range = spanFromJson(index, fileOf(ctx), requiredRange(params));
  std::vector<SemanticToken> tokens = semanticTokens(ctx.snapshot, ctx.module, range.begin, range.end);
  return {{"data", encodeSemanticTokens(ctx.snapshot.text(ctx.module), tokens, range.begin, range.end)}};
}

json handleFoldingRange(const FeatureContext &ctx, const json &) {
  json out = json::array();
  for (const FoldingRange &r : foldingRanges(ctx.snapshot, ctx.module))
    out.push_back({{"startLine", r.startLine}, {"endLine", r.endLine}, {"kind", foldingKindName(r.kind)}});
  return out;
}

json handleInlayHint(const FeatureContext &ctx, const json &params) {
  LineIndex index(ctx.snapshot.text(ctx.module));
  Span range = spanFromJson(index, fileOf(ctx), requiredRange(params));
  json out = json::array();
  for (const InlayHint &hint : inlayHints(ctx.snapshot, ctx.module, range.begin, range.end))
    out.push_back({{"position", toJson(index.positionOf(hint.offset))},
                   {"label", hint.label},
                   {"kind", static_cast<int>(hint.kind)},
                   {"paddingLeft", hint.paddingLeft},
                   {"paddingRight", hint.paddingRight}});
  return out;
}

json handleCodeAction(const FeatureContext &ctx, const json &params) {
  LineIndex index(ctx.snapshot.text(ctx.module));
  FileId file = fileOf(ctx);
  Span range = spanFromJson(index, file, requiredRange(params));
  json context = params.value("context", json::object());
  json sent = context.is_object() ? context.value("diagnostics", json::array()) : json::array();
  std::vector<ClientDiagnostic> diagnostics;
  std::vector<json> raw;
  for (const json &d : sent.is_array() ? sent : json::array()) {
    if (!d.is_object() || !d.contains("range"))
      continue;
    diagnostics.push_back({spanFromJson(index, file, d["range"]), stringOrNumber(d.value("code", json())),
                           d.value("source", json()).is_string() ? d["source"].get<std::string>() : "",
                           fixesFromData(index, file, d)});
    raw.push_back(d);
  }
  json out = json::array();
  if (!ctx.capabilities.codeActionLiterals) // such clients accept only commands, which we have none of
    return out;
  std::string uri = uriOf(ctx.snapshot, file);
  for (const CodeAction &action : codeActions(ctx.snapshot, ctx.module, range, diagnostics)) {
    if (!kindRequested(context, actionKindName(action.kind)))
      continue;
    json edits = json::array();
    for (const TextEdit &edit : action.edits)
      edits.push_back(textEditJson(index, edit));
    json item = {{"title", action.title}, {"kind", actionKindName(action.kind)},
                 {"edit", {{"changes", {{uri, edits}}}}}};
    if (!action.diagnostics.empty()) {
      item["diagnostics"] = json::array();
      for (size_t i : action.diagnostics)
        item["diagnostics"].push_back(raw[i]);
    }
    if (action.preferred)
      item["isPreferred"] = true;
    out.push_back(std::move(item));
  }
  return out;
}

json handleDocumentLink(const FeatureContext &ctx, const json &) {
  LineIndex index(ctx.snapshot.text(ctx.module));
  json out = json::array();
  for (const DocumentLink &link : documentLinks(ctx.snapshot, ctx.module))
    out.push_back({{"range", toJson(index.rangeOf(link.span.begin, link.span.end))},
                   {"target", pathToUri(link.target)}});
  return out;
}

json handleSelectionRange(const FeatureContext &ctx, const json &params) {
  if (!params.is_object() || !params.contains("positions") || !params["positions"].is_array())
    throw ProtocolError(kInvalidParams, "missing `positions`");
  LineIndex index(ctx.snapshot.text(ctx.module));
  json out = json::array();
  for (const json &position : params["positions"]) {
    uint32_t offset = index.offsetOf(positionFromJson(position));
    json range; // innermost last while building: each becomes the parent of the next inner one
    auto chain = selectionRanges(ctx.snapshot, ctx.module, offset);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      json node = {{"range", toJson(index.rangeOf(it->first, it->second))}};
      if (!range.is_null())
        node["parent"] = std::move(range);
      range = std::move(node);
    }
    out.push_back(range.is_null() ? json{{"range", toJson(index.rangeOf(offset, offset))}} : range);
  }
  return out;
}

json presentationCapabilities() {
  return {
      {"semanticTokensProvider",
       {{"legend", {{"tokenTypes", names(tokenTypeNames())}, {"tokenModifiers", names(tokenModifierNames())}}},
        {"full", true},
        {"range", true}}},
      {"foldingRangeProvider", true},
      {"inlayHintProvider", {{"resolveProvider", false}}},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix", "refactor.rewrite"}}, {"resolveProvider", false}}},
      {"documentLinkProvider", {{"resolveProvider", false}}},
      {"selectionRangeProvider", true},
  };
}

} // namespace cairn::lsp
