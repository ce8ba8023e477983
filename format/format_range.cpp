// formatRange: the edits of the whole-file formatting that touch the selected
// lines, widened to whole top-level declarations when the selection alone
// would leave a file that does not parse; never an edit outside those
// declarations.
#include <algorithm>

#include "format/format.h"
#include "frontend/parse.h"

namespace cairn::format {

namespace {

struct Lines {
  uint32_t begin, end; // [begin, end): whole lines, `end` after the last '\n'
};

Lines wholeLines(llvm::StringRef text, uint32_t begin, uint32_t end) {
  begin = std::min<uint32_t>(begin, static_cast<uint32_t>(text.size()));
  end = std::clamp<uint32_t>(end, begin, static_cast<uint32_t>(text.size()));
  size_t lineStart = text.rfind('\n', begin == 0 ? 0 : begin - 1);
  uint32_t first = begin == 0 || lineStart == llvm::StringRef::npos ? 0 : static_cast<uint32_t>(lineStart + 1);
  if (begin > 0 && text[begin - 1] == '\n')
    first = begin;
  uint32_t lastByte = end > begin ? end - 1 : begin;
  size_t lineEnd = text.find('\n', lastByte);
  uint32_t last = lineEnd == llvm::StringRef::npos ? static_cast<uint32_t>(text.size())
                                                   : static_cast<uint32_t>(lineEnd + 1);
  return {first, last};
}

std::vector<Edit> editsTouching(const std::vector<Edit> &edits, Lines lines) {
  std::vector<Edit> kept;
  for (const Edit &edit : edits) {
    bool touches = edit.begin == edit.end ? edit.begin >= lines.begin && edit.begin <= lines.end
                                          : edit.begin < lines.end && edit.end > lines.begin;
    if (touches)
      kept.push_back(edit);
  }
  return kept;
}

std::string applyEdits(llvm::StringRef text, const std::vector<Edit> &edits) {
  std::string out;
  uint32_t at = 0;
  for (const Edit &edit : edits) {
    out.append(text.data() + at, edit.begin - at);
    out += edit.text;
    at = edit.end;
  }
  out.append(text.data() + at, text.size() - at);
  return out;
}

bool parsesCleanly(const std::string &text) {
  SourceManager sources;
  DiagnosticSink diags;
  FileId file = sources.add("range.cairn", text);
  (void)parseModule(sources, file, diags);
  return !diags.hasErrors();
}

// The selected lines grown to the top-level declarations they overlap.
Lines wholeDeclarations(const SourceManager &sources, FileId file, Lines lines) {
  DiagnosticSink quiet;
  ast::Module module = parseModule(sources, file, quiet);
  llvm::StringRef text = sources.file(file).text();
  for (ast::DeclId id : module.decls()) {
    Span span = module.decl(id).span;
    if (span.begin < lines.end && span.end > lines.begin) {
      Lines decl = wholeLines(text, span.begin, span.end);
      lines.begin = std::min(lines.begin, decl.begin);
      lines.end = std::max(lines.end, decl.end);
    }
  }
  return lines;
}

bool within(const std::vector<Edit> &edits, Lines lines) {
  for (const Edit &edit : edits)
    if (edit.begin < lines.begin || edit.end > lines.end)
      return false;
  return true;
}

// The line diff merges neighbouring changed lines into one edit, which may
// reach far outside the selection. This pairs the top-level declarations of
// the text with those of its formatting (same number, same order) and
// replaces only the declarations that overlap `lines`.
std::optional<std::vector<Edit>> declarationEdits(llvm::StringRef text, llvm::StringRef formatted, Lines lines) {
  SourceManager sources;
  DiagnosticSink quiet;
  FileId before = sources.add("before.cairn", text.str());
  FileId after = sources.add("after.cairn", formatted.str());
  ast::Module original = parseModule(sources, before, quiet);
  ast::Module layout = parseModule(sources, after, quiet);
  if (quiet.hasErrors() || original.decls().size() != layout.decls().size())
    return std::nullopt;
  std::vector<Edit> edits;
  for (size_t i = 0; i < original.decls().size(); ++i) {
    Span from = original.decl(original.decls()[i]).span;
    Span to = layout.decl(layout.decls()[i]).span;
    if (!(from.begin < lines.end && from.end > lines.begin))
      continue;
    llvm::StringRef replacement = formatted.substr(to.begin, to.length());
    if (text.substr(from.begin, from.length()) != replacement)
      edits.push_back({from.begin, from.end, replacement.str()});
  }
  return edits;
}

} // namespace

std::optional<std::vector<Edit>> formatRange(const SourceManager &sources, FileId file, uint32_t begin, uint32_t end,
                                             DiagnosticSink &diags, const FormatOptions &options) {
  std::optional<std::string> formatted = formatSource(sources, file, diags, options);
  if (!formatted)
    return std::nullopt;
  llvm::StringRef text = sources.file(file).text();
  std::vector<Edit> all = diffEdits(text, *formatted);
  Lines lines = wholeLines(text, begin, end);
  std::vector<Edit> kept = editsTouching(all, lines);
  if (kept.empty() || (within(kept, lines) && parsesCleanly(applyEdits(text, kept))))
    return kept;
  Lines declarations = wholeDeclarations(sources, file, lines);
  kept = editsTouching(all, declarations);
  if (within(kept, declarations) && parsesCleanly(applyEdits(text, kept)))
    return kept;
  std::optional<std::vector<Edit>> byDeclaration = declarationEdits(text, *formatted, declarations);
  if (byDeclaration && parsesCleanly(applyEdits(text, *byDeclaration)))
    return byDeclaration;
  // Nothing, rather than rewriting code outside the selection.
  return std::vector<Edit>{};
}

} // namespace cairn::format
