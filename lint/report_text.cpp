// The text report: each counted finding as a compiler-style diagnostic
// (header, `-->` location, source excerpt, `= object/path/help` lines), then
// a summary line.
#include <fmt/format.h>

#include "frontend/diag_render.h"
#include "lint/report.h"
#include "lint/report_common.h"

namespace cairn::lint {
namespace {

Severity severityOf(Level level) {
  switch (level) {
  case Level::Error: return Severity::Error;
  case Level::Warning: return Severity::Warning;
  case Level::Info: return Severity::Note;
  }
  return Severity::Warning;
}

// The same colours as compiler diagnostics of the matching severity.
const char *levelColour(Level level) {
  switch (level) {
  case Level::Error: return "1;31";
  case Level::Warning: return "1;33";
  case Level::Info: return "1;32";
  }
  return "1";
}

std::string paint(bool on, const char *code, const std::string &text) {
  return on && !text.empty() ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
}

// The `-->` line and the excerpt, exactly as the compiler draws them: a
// diagnostic with only a primary span, rendered by diag_render, without its
// header line (so its kind, which would name a catalogue code, never shows).
// Sets `pad` to the width of its line-number gutter.
std::string locationAndExcerpt(const Finding &f, const detail::FindingRange &range, const ReportContext &context,
                               std::string &pad) {
  Diagnostic d{DiagKind::UnknownCheck, severityOf(f.level), range.span, "", {}, {}, {}, {}};
  std::string human = renderHuman(d, context.sources, DiagRenderOptions{context.color});
  size_t bodyStart = human.find('\n');
  std::string body = bodyStart == std::string::npos ? "" : human.substr(bodyStart + 1);
  pad = std::string(body.find_first_not_of(' ') == std::string::npos ? 1 : body.find_first_not_of(' '), ' ');
  return body;
}

std::string renderFinding(const Finding &f, const ReportContext &context) {
  bool color = context.color;
  std::string out = fmt::format("{}: {}\n", paint(color, levelColour(f.level), fmt::format("{}[{}]", levelName(f.level), f.check)),
                                paint(color, "1", f.message));
  std::string pad = " ";
  bool excerpt = false;
  std::optional<detail::FindingRange> range = detail::findingRange(f, context.sources);
  if (range && !f.secretSource) {
    out += locationAndExcerpt(f, *range, context, pad);
    excerpt = true;
  } else if (range) { // the place without the line: it holds a secret
    std::string where = fmt::format("{}:{}:{}", context.sources.file(range->span.file).path(), range->start.line,
                                    range->start.column);
    out += fmt::format("{}{} {}\n", pad, paint(color, "1;34", "-->"), where);
  } else if (f.file.valid() && context.sources.has(f.file)) {
    out += fmt::format("{}{} {}\n", pad, paint(color, "1;34", "-->"), context.sources.file(f.file).path());
  }
  std::vector<std::pair<const char *, std::string>> lines;
  if (std::string object = detail::objectLabel(f); !object.empty())
    lines.emplace_back("object:", object);
  if (!f.path.empty())
    lines.emplace_back("path:", f.path);
  if (!f.remediation.empty())
    lines.emplace_back("help:", f.remediation);
  if (excerpt && !lines.empty())
    out += fmt::format("{} {}\n", pad, paint(color, "1;34", "|"));
  for (const auto &[what, text] : lines)
    out += fmt::format("{} = {} {}\n", pad, paint(color, "1", what), text);
  return out;
}

} // namespace

std::string renderTextReport(const std::vector<Finding> &findings, const ReportContext &context) {
  std::string out;
  for (const Finding &f : findings) {
    if (f.suppressed())
      continue;
    out += renderFinding(f, context);
    out += "\n";
  }
  out += findingSummary(findings, context.objects, context.files) + "\n";
  return out;
}

} // namespace cairn::lint
