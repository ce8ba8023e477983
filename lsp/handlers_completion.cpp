#include "lsp/handlers_completion.h"

#include "lsp/completion.h"
#include "lsp/hover.h"
#include "lsp/signature_help.h"

namespace cairn::lsp {
namespace {

uint32_t cursorOffset(const FeatureContext &ctx, const json &params) {
  if (!params.is_object() || !params.contains("position"))
    throw ProtocolError(kInvalidParams, "missing \"position\"");
  return offsetOf(ctx.snapshot, ctx.module, params["position"]);
}

Span spanIn(const FeatureContext &ctx, uint32_t begin, uint32_t end) {
  return {ctx.snapshot.program.modules[ctx.module].file, begin, end};
}

// Markdown written by hover_describe.cpp as plain text: no code fences, no emphasis.
std::string plainText(llvm::StringRef markdown) {
  std::string out;
  llvm::SmallVector<llvm::StringRef, 8> lines;
  markdown.split(lines, '\n');
  for (llvm::StringRef line : lines) {
    if (line.startswith("```"))
      continue;
    if (line.size() >= 2 && line.startswith("*") && line.endswith("*") && !line.startswith("**"))
      line = line.drop_front().drop_back();
    if (!out.empty())
      out += '\n';
    out += line.str();
  }
  return out;
}

json markup(const std::string &markdown, bool asMarkdown) {
  if (asMarkdown)
    return {{"kind", "markdown"}, {"value", markdown}};
  return {{"kind", "plaintext"}, {"value", plainText(markdown)}};
}

json itemJson(const FeatureContext &ctx, const CompletionItem &item) {
  json j = {{"label", item.label},
            {"kind", static_cast<int>(item.kind)},
            {"sortText", item.sortText},
            {"filterText", item.label},
            {"insertTextFormat", item.snippet ? 2 : 1},
            {"textEdit",
             {{"range", rangeJson(ctx.snapshot, spanIn(ctx, item.replaceBegin, item.replaceEnd))},
              {"newText", item.insertText}}}};
  if (!item.detail.empty())
    j["detail"] = item.detail;
  if (!item.documentation.empty())
    j["documentation"] = markup(item.documentation, ctx.capabilities.markdownCompletionDocs);
  return j;
}

} // namespace

json handleCompletion(const FeatureContext &ctx, const json &params) {
  uint32_t offset = cursorOffset(ctx, params);
  CompletionOptions options;
  options.snippets = ctx.capabilities.snippets;
  CompletionResult result = complete(ctx.snapshot, ctx.module, offset, options);
  json items = json::array();
  for (const CompletionItem &item : result.items) {
    if (ctx.isCancelled())
      throw ProtocolError(kRequestCancelled, "cancelled");
    items.push_back(itemJson(ctx, item));
  }
  return {{"isIncomplete", false}, {"items", std::move(items)}};
}

json handleHover(const FeatureContext &ctx, const json &params) {
  uint32_t offset = cursorOffset(ctx, params);
  std::optional<HoverInfo> info = hover(ctx.snapshot, ctx.module, offset);
  if (!info)
    return nullptr;
  std::string text = render(info->description, ctx.capabilities.markdownHover);
  return {{"contents", {{"kind", ctx.capabilities.markdownHover ? "markdown" : "plaintext"}, {"value", text}}},
          {"range", rangeJson(ctx.snapshot, spanIn(ctx, info->begin, info->end))}};
}

json handleSignatureHelp(const FeatureContext &ctx, const json &params) {
  uint32_t offset = cursorOffset(ctx, params);
  std::optional<SignatureInfo> info = signatureHelp(ctx.snapshot, ctx.module, offset);
  if (!info)
    return nullptr;
  json parameters = json::array();
  llvm::StringRef label = info->label;
  for (auto [begin, end] : info->parameters) {
    if (ctx.capabilities.labelOffsets)
      parameters.push_back({{"label", {utf16Length(label.substr(0, begin)), utf16Length(label.substr(0, end))}}});
    else
      parameters.push_back({{"label", label.slice(begin, end).str()}});
  }
  json signature = {{"label", info->label}, {"parameters", std::move(parameters)}};
  if (!info->doc.empty())
    signature["documentation"] = markup(info->doc, ctx.capabilities.markdownHover);
  uint32_t active = info->parameters.empty() ? 0
                    : std::min<uint32_t>(info->activeParameter, static_cast<uint32_t>(info->parameters.size() - 1));
  signature["activeParameter"] = active;
  return {{"signatures", json::array({std::move(signature)})}, {"activeSignature", 0}, {"activeParameter", active}};
}

json completionCapabilities() {
  return {{"completionProvider", {{"triggerCharacters", {".", "\"", "/"}}, {"resolveProvider", false}}},
          {"hoverProvider", true},
          {"signatureHelpProvider", {{"triggerCharacters", {"(", ","}}, {"retriggerCharacters", {","}}}}};
}

} // namespace cairn::lsp
