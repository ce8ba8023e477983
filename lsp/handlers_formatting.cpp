#include "lsp/handlers_formatting.h"

#include "format/format.h"

namespace cairn::lsp {
namespace {

json textEdits(llvm::StringRef text, const std::vector<format::Edit> &edits) {
  LineIndex index(text);
  json out = json::array();
  for (const format::Edit &edit : edits)
    out.push_back({{"range", toJson(index.rangeOf(edit.begin, edit.end))}, {"newText", edit.text}});
  return out;
}

} // namespace

json handleFormatting(const FeatureContext &ctx, const json &) {
  const ProgramModule &module = ctx.snapshot.program.modules[ctx.module];
  DiagnosticSink diags;
  std::optional<std::string> formatted = format::formatSource(ctx.snapshot.program.sources, module.file, diags);
  if (!formatted)
    return nullptr;
  llvm::StringRef text = ctx.snapshot.text(ctx.module);
  return textEdits(text, format::diffEdits(text, *formatted));
}

json handleRangeFormatting(const FeatureContext &ctx, const json &params) {
  if (!params.contains("range") || !params["range"].is_object())
    throw ProtocolError(kInvalidParams, "rangeFormatting needs a `range`");
  const json &range = params["range"];
  if (!range.contains("start") || !range.contains("end"))
    throw ProtocolError(kInvalidParams, "a range needs `start` and `end`");
  uint32_t begin = offsetOf(ctx.snapshot, ctx.module, range["start"]);
  uint32_t end = offsetOf(ctx.snapshot, ctx.module, range["end"]);
  if (end < begin)
    std::swap(begin, end);
  const ProgramModule &module = ctx.snapshot.program.modules[ctx.module];
  DiagnosticSink diags;
  std::optional<std::vector<format::Edit>> edits =
      format::formatRange(ctx.snapshot.program.sources, module.file, begin, end, diags);
  if (!edits)
    return nullptr;
  return textEdits(ctx.snapshot.text(ctx.module), *edits);
}

json formattingCapabilities() {
  return {{"documentFormattingProvider", true}, {"documentRangeFormattingProvider", true}};
}

} // namespace cairn::lsp
