#include "frontend/diag_render.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace cairn {
namespace {

// ---------------------------------------------------------------- locations

bool hasLocation(Span span, const SourceManager &sources) {
  return span.valid() && sources.has(span.file);
}

// The span with both ends inside its file and end >= begin.
Span clampSpan(Span span, const SourceManager &sources) {
  auto size = static_cast<uint32_t>(sources.file(span.file).text().size());
  uint32_t begin = std::min(span.begin, size);
  uint32_t end = std::min(std::max(span.end, begin), size);
  return {span.file, begin, end};
}

std::string location(Span span, const SourceManager &sources) {
  Span s = clampSpan(span, sources);
  LineCol lc = sources.lineCol(s.file, s.begin);
  return fmt::format("{}:{}:{}", sources.file(s.file).path(), lc.line, lc.column);
}

// ---------------------------------------------------------------- colour

struct Palette {
  bool on;
  std::string paint(llvm::StringRef code, llvm::StringRef text) const {
    if (!on || text.empty())
      return text.str();
    return fmt::format("\x1b[{}m{}\x1b[0m", code.str(), text.str());
  }
  static constexpr const char *kBold = "1";
  static constexpr const char *kBlue = "1;34";
  static const char *severity(Severity s) {
    switch (s) {
    case Severity::Error: return "1;31";
    case Severity::Warning: return "1;33";
    case Severity::Note: return "1;32";
    }
    return "1";
  }
};

// ---------------------------------------------------------------- excerpts

// One underline in an excerpt: byte range [begin, end) of a line's text.
struct Mark {
  FileId file;
  uint32_t line;
  uint32_t begin;
  uint32_t end;
  bool primary;
  std::string message;
};

// Display width of line text up to byte `upto`: tabs expand, UTF-8
// continuation bytes take no column.
unsigned displayColumn(llvm::StringRef text, size_t upto, unsigned tabWidth) {
  unsigned col = 0;
  for (size_t i = 0; i < upto && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\t')
      col += tabWidth;
    else if ((c & 0xC0) != 0x80)
      ++col;
  }
  return col;
}

// Tabs expanded; other control bytes (ESC, BEL, CR, DEL) shown as `?`, one
// column like the byte they replace: an excerpt of untrusted input must not
// drive the terminal or forge lines of the report.
std::string expandTabs(llvm::StringRef text, unsigned tabWidth) {
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\t')
      out.append(tabWidth, ' ');
    else if (u < 0x20 || u == 0x7f)
      out.push_back('?');
    else
      out.push_back(c);
  }
  return out;
}

// Byte index in `expanded` (tabs already expanded) where display column `col` starts.
size_t byteAtColumn(llvm::StringRef expanded, unsigned col) {
  unsigned seen = 0;
  for (size_t i = 0; i < expanded.size(); ++i) {
    if ((static_cast<unsigned char>(expanded[i]) & 0xC0) == 0x80)
      continue;
    if (seen == col)
      return i;
    ++seen;
  }
  return expanded.size();
}

// Marks for one span: a span over several lines underlines the rest of its
// first line and the start of its last line; the message goes on the last.
void addMarks(Span span, bool primary, const std::string &message, const SourceManager &sources,
              std::vector<Mark> &marks) {
  Span s = clampSpan(span, sources);
  const SourceFile &file = sources.file(s.file);
  LineCol first = file.lineCol(s.begin);
  LineCol last = file.lineCol(s.end);
  if (first.line == last.line) {
    marks.push_back({s.file, first.line, first.column - 1, last.column - 1, primary, message});
    return;
  }
  auto firstLen = static_cast<uint32_t>(file.lineText(first.line).size());
  llvm::StringRef lastText = file.lineText(last.line);
  auto indent = static_cast<uint32_t>(lastText.size() - lastText.ltrim(" \t").size());
  if (last.column - 1 <= indent) { // ends at the start of a line: underline only the first
    marks.push_back({s.file, first.line, first.column - 1, firstLen, primary, message});
    return;
  }
  marks.push_back({s.file, first.line, first.column - 1, firstLen, primary, ""});
  marks.push_back({s.file, last.line, indent, last.column - 1, primary, message});
}

struct ExcerptStyle {
  const DiagRenderOptions &options;
  const Palette &palette;
  const char *primaryColour;
  unsigned gutter; // width of the line-number column
};

// The visible window [start, start + width) of an expanded line; the whole
// line when it fits, else a window that starts a little before `focus`.
struct Window {
  unsigned start = 0;
  unsigned width = 0;
  bool cutLeft = false;
  bool cutRight = false;
};

Window lineWindow(unsigned lineWidth, unsigned focus, unsigned maxWidth) {
  if (lineWidth <= maxWidth || maxWidth < 16)
    return {0, lineWidth, false, false};
  unsigned start = focus > 16 ? focus - 16 : 0;
  start = std::min(start, lineWidth - maxWidth);
  return {start, maxWidth, start > 0, start + maxWidth < lineWidth};
}

void renderLine(const SourceFile &file, uint32_t line, const std::vector<const Mark *> &marks,
                const ExcerptStyle &style, std::string &out) {
  const Palette &p = style.palette;
  llvm::StringRef text = file.lineText(line);
  std::string expanded = expandTabs(text, style.options.tabWidth);
  unsigned width = displayColumn(text, text.size(), style.options.tabWidth);
  unsigned focus = marks.empty() ? 0 : displayColumn(text, marks.front()->begin, style.options.tabWidth);
  Window w = lineWindow(width, focus, style.options.maxLineWidth);
  size_t from = byteAtColumn(expanded, w.start);
  size_t to = byteAtColumn(expanded, w.start + w.width);
  std::string shown = (w.cutLeft ? "..." : "") + expanded.substr(from, to - from) + (w.cutRight ? "..." : "");
  std::string bar = p.paint(Palette::kBlue, "|");
  out += fmt::format("{} {}{}{}\n", p.paint(Palette::kBlue, fmt::format("{:>{}}", line, style.gutter)),
                     bar, shown.empty() ? "" : " ", shown);
  unsigned shift = w.cutLeft ? 3 : 0;
  for (const Mark *m : marks) {
    unsigned begin = displayColumn(text, m->begin, style.options.tabWidth);
    unsigned end = std::max(displayColumn(text, m->end, style.options.tabWidth), begin + 1);
    begin = std::clamp(begin, w.start, w.start + w.width);
    end = std::clamp(end, begin + 1, std::max(w.start + w.width, begin + 1));
    std::string under(end - begin, m->primary ? '^' : '-');
    const char *colour = m->primary ? style.primaryColour : Palette::kBlue;
    std::string label = m->message.empty() ? "" : " " + p.paint(colour, m->message);
    out += fmt::format("{} {} {}{}{}\n", std::string(style.gutter, ' '), bar,
                       std::string(begin - w.start + shift, ' '), p.paint(colour, under), label);
  }
}

// The excerpt of one file: every marked line, gaps of one line filled in,
// longer gaps shown as `...`.
void renderFileExcerpt(const SourceFile &file, std::vector<const Mark *> marks, const ExcerptStyle &style,
                       std::string &out) {
  std::stable_sort(marks.begin(), marks.end(), [](const Mark *a, const Mark *b) {
    return a->line != b->line ? a->line < b->line : a->begin < b->begin;
  });
  std::string blank = fmt::format("{} {}\n", std::string(style.gutter, ' '), style.palette.paint(Palette::kBlue, "|"));
  out += blank;
  size_t i = 0;
  uint32_t previous = 0;
  while (i < marks.size()) {
    uint32_t line = marks[i]->line;
    if (previous != 0 && line == previous + 2)
      renderLine(file, previous + 1, {}, style, out);
    else if (previous != 0 && line > previous + 2)
      out += style.palette.paint(Palette::kBlue, "...") + "\n";
    std::vector<const Mark *> onLine;
    for (; i < marks.size() && marks[i]->line == line; ++i)
      onLine.push_back(marks[i]);
    renderLine(file, line, onLine, style, out);
    previous = line;
  }
}

unsigned digits(uint32_t n) { return n < 10 ? 1 : 1 + digits(n / 10); }

} // namespace

bool shouldUseColor(bool streamIsTerminal, bool noColorSet) { return streamIsTerminal && !noColorSet; }

void sortDiagnostics(std::vector<Diagnostic> &diags, const SourceManager &sources) {
  std::stable_sort(diags.begin(), diags.end(), [&](const Diagnostic &a, const Diagnostic &b) {
    bool la = hasLocation(a.span, sources), lb = hasLocation(b.span, sources);
    if (la != lb)
      return !la;
    if (!la)
      return false;
    const std::string &pa = sources.file(a.span.file).path(), &pb = sources.file(b.span.file).path();
    if (pa != pb)
      return pa < pb;
    return a.span.begin < b.span.begin;
  });
}

namespace {

// Marks of the primary span and every located label, and the files they are
// in: the primary span's file first, then label files in order.
void collectMarks(const Diagnostic &diag, const SourceManager &sources, std::vector<Mark> &marks,
                  std::vector<FileId> &files) {
  auto addFile = [&](FileId f) {
    if (std::find(files.begin(), files.end(), f) == files.end())
      files.push_back(f);
  };
  if (hasLocation(diag.span, sources)) {
    addMarks(diag.span, true, "", sources, marks);
    addFile(diag.span.file);
  }
  for (const Label &label : diag.labels)
    if (hasLocation(label.span, sources)) {
      addMarks(label.span, false, label.message, sources, marks);
      addFile(label.span.file);
    }
}

// The `= note:` / `= hint:` lines, with labels that have no location as notes.
void renderFooter(const Diagnostic &diag, const SourceManager &sources, bool hadExcerpt, const std::string &pad,
                  const Palette &p, std::string &out) {
  auto line = [&](const char *what, const std::string &text) {
    out += fmt::format("{} = {} {}\n", pad, p.paint(Palette::kBold, what), text);
  };
  for (const Label &label : diag.labels)
    if (!hasLocation(label.span, sources) && !label.message.empty())
      line("note:", label.message);
  if (hadExcerpt && (!diag.notes.empty() || !diag.hint.empty()))
    out += fmt::format("{} {}\n", pad, p.paint(Palette::kBlue, "|"));
  for (const std::string &note : diag.notes)
    line("note:", note);
  if (!diag.hint.empty())
    line("hint:", diag.hint);
}

} // namespace

std::string renderHuman(const Diagnostic &diag, const SourceManager &sources, const DiagRenderOptions &options) {
  Palette p{options.color};
  const char *sevColour = Palette::severity(diag.severity);
  std::string out = fmt::format("{}: {}\n", p.paint(sevColour, fmt::format("{}[{}]", severityName(diag.severity), diag.code())),
                                p.paint(Palette::kBold, diag.message));
  std::vector<Mark> marks;
  std::vector<FileId> files;
  collectMarks(diag, sources, marks, files);
  uint32_t maxLine = 1;
  for (const Mark &m : marks)
    maxLine = std::max(maxLine, m.line);
  ExcerptStyle style{options, p, sevColour, digits(maxLine)};
  std::string pad(style.gutter, ' ');
  for (FileId f : files) {
    // `-->` names the primary span in its file, else the file's first label.
    Span anchor = hasLocation(diag.span, sources) && diag.span.file == f ? diag.span : Span{};
    for (const Label &label : diag.labels)
      if (!anchor.valid() && label.span.file == f)
        anchor = label.span;
    out += fmt::format("{}{} {}\n", pad, p.paint(Palette::kBlue, "-->"), location(anchor, sources));
    if (diag.secretSource && diag.span.file == f)
      continue;
    std::vector<const Mark *> fileMarks;
    for (const Mark &m : marks)
      if (m.file == f)
        fileMarks.push_back(&m);
    renderFileExcerpt(sources.file(f), fileMarks, style, out);
  }
  renderFooter(diag, sources, !files.empty(), pad, p, out);
  return out;
}

std::string renderCompact(const Diagnostic &diag, const SourceManager &sources) {
  std::string out;
  if (hasLocation(diag.span, sources))
    out += location(diag.span, sources) + ": ";
  out += fmt::format("{}[{}]: {}\n", severityName(diag.severity), diag.code(), diag.message);
  for (const std::string &note : diag.notes)
    out += fmt::format("  note: {}\n", note);
  if (!diag.hint.empty())
    out += fmt::format("  hint: {}\n", diag.hint);
  for (const Label &label : diag.labels) {
    if (hasLocation(label.span, sources))
      out += fmt::format("  {}: note: {}\n", location(label.span, sources), label.message);
    else
      out += fmt::format("  note: {}\n", label.message);
  }
  return out;
}

namespace {

// {"line": 3, "column": 7, "offset": 20}: 1-based line, 1-based byte column,
// 0-based byte offset.
nlohmann::ordered_json positionJson(const SourceManager &sources, FileId file, uint32_t offset) {
  LineCol lc = sources.lineCol(file, offset);
  return {{"line", lc.line}, {"column", lc.column}, {"offset", offset}};
}

// Adds "file", "start" and "end" for a span (all null without a location).
void addRange(nlohmann::ordered_json &object, Span span, const SourceManager &sources) {
  if (!hasLocation(span, sources)) {
    object["file"] = nullptr;
    object["start"] = nullptr;
    object["end"] = nullptr;
    return;
  }
  Span s = clampSpan(span, sources);
  object["file"] = sources.file(s.file).path();
  object["start"] = positionJson(sources, s.file, s.begin);
  object["end"] = positionJson(sources, s.file, s.end);
}

} // namespace

// The JSON form, one object per diagnostic. Field names are stable:
//   code      "E0401"                    severity  "error" | "warning" | "note"
//   name      "UnknownField" (catalogue) message   the rendered message
//   file      path as given to cairn, or null when the diagnostic has no location
//   start/end {line, column, offset} (1-based line and byte column, 0-based byte
//             offset; `end` is exclusive), or null
//   labels    [{message, file, start, end}]
//   notes     [string]                   hint      string, or null when absent
//   fixes     [{message, edits: [{file, start, end, replacement}]}]; each fix is
//             one alternative, its edits apply together; an empty range inserts
nlohmann::ordered_json diagnosticToJson(const Diagnostic &diag, const SourceManager &sources) {
  nlohmann::ordered_json out;
  out["code"] = diag.code();
  out["severity"] = severityName(diag.severity);
  out["name"] = diagInfo(diag.kind).name;
  out["message"] = diag.message;
  addRange(out, diag.span, sources);
  nlohmann::ordered_json labels = nlohmann::ordered_json::array();
  for (const Label &label : diag.labels) {
    nlohmann::ordered_json l;
    l["message"] = label.message;
    addRange(l, label.span, sources);
    labels.push_back(std::move(l));
  }
  out["labels"] = std::move(labels);
  out["notes"] = diag.notes;
  out["hint"] = diag.hint.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(diag.hint);
  nlohmann::ordered_json fixes = nlohmann::ordered_json::array();
  for (const Fix &fix : diag.fixes) {
    nlohmann::ordered_json edits = nlohmann::ordered_json::array();
    for (const TextEdit &edit : fix.edits) {
      nlohmann::ordered_json e;
      addRange(e, edit.span, sources);
      e["replacement"] = edit.replacement;
      edits.push_back(std::move(e));
    }
    fixes.push_back({{"message", fix.message}, {"edits", std::move(edits)}});
  }
  out["fixes"] = std::move(fixes);
  return out;
}

std::string renderDiagnostics(llvm::ArrayRef<Diagnostic> diags, const SourceManager &sources,
                              DiagRenderFormat format, const DiagRenderOptions &options) {
  std::string out;
  switch (format) {
  case DiagRenderFormat::Human:
    for (const Diagnostic &d : diags) {
      if (!out.empty())
        out += "\n";
      out += renderHuman(d, sources, options);
    }
    return out;
  case DiagRenderFormat::Compact:
    for (const Diagnostic &d : diags)
      out += renderCompact(d, sources);
    return out;
  case DiagRenderFormat::Json: {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const Diagnostic &d : diags)
      array.push_back(diagnosticToJson(d, sources));
    // Replace, not throw, on invalid UTF-8: a message quoting bad input must still print.
    return array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  }
  }
  return out;
}

std::string diagnosticSummary(llvm::ArrayRef<Diagnostic> diags, bool color) {
  size_t errors = 0, warnings = 0;
  for (const Diagnostic &d : diags) {
    errors += d.severity == Severity::Error;
    warnings += d.severity == Severity::Warning;
  }
  if (errors == 0 && warnings == 0)
    return "";
  auto count = [](size_t n, const char *word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
  std::string text;
  if (errors > 0)
    text = count(errors, "error");
  if (warnings > 0)
    text += (text.empty() ? "" : ", ") + count(warnings, "warning");
  Severity worst = errors > 0 ? Severity::Error : Severity::Warning;
  Palette p{color};
  return fmt::format("{}: {}", p.paint(Palette::severity(worst), severityName(worst)), text);
}

} // namespace cairn
