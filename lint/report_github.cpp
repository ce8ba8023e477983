// The GitHub Actions report: one workflow command per counted finding, which
// the runner turns into an annotation on the file and line
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions):
//   ::warning file=app.yaml,line=12,endLine=12,col=16,endColumn=20,title=cairn lint%3A latest-tag::message (Deployment prod/web, path ...)
// `info` findings become `::notice`. Columns are 1-based bytes; endColumn is
// inclusive, and columns are only given for one-line spans (GitHub ignores
// them otherwise).
#include <fmt/format.h>

#include "lint/report.h"
#include "lint/report_common.h"

namespace cairn::lint {
namespace {

const char *commandName(Level level) {
  switch (level) {
  case Level::Error: return "error";
  case Level::Warning: return "warning";
  case Level::Info: return "notice";
  }
  return "warning";
}

// The command's message: `%`, CR and LF are escaped.
std::string escapeData(llvm::StringRef text) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out.push_back(c);
  }
  return out;
}

// A property value: also `:` and `,`, which separate properties.
std::string escapeProperty(llvm::StringRef text) {
  std::string out;
  for (char c : escapeData(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out.push_back(c);
  }
  return out;
}

std::string properties(const Finding &f, const ReportContext &context) {
  std::vector<std::string> props;
  FileId file = detail::reportFile(f, context.sources);
  if (context.sources.has(file))
    props.push_back("file=" + escapeProperty(detail::relativeReportPath(context.sources.file(file).path(),
                                                                        context.sourceRoot)));
  if (std::optional<detail::FindingRange> range = detail::findingRange(f, context.sources)) {
    props.push_back(fmt::format("line={}", range->start.line));
    props.push_back(fmt::format("endLine={}", range->end.line));
    if (range->start.line == range->end.line) {
      props.push_back(fmt::format("col={}", range->start.column));
      props.push_back(fmt::format("endColumn={}", std::max(range->start.column, range->end.column - 1)));
    }
  }
  props.push_back("title=" + escapeProperty("cairn lint: " + f.check));
  return fmt::format("{}", fmt::join(props, ","));
}

std::string message(const Finding &f) {
  std::string context = detail::objectLabel(f);
  if (!f.path.empty())
    context += (context.empty() ? "" : ", ") + ("path " + f.path);
  std::string text = context.empty() ? f.message : fmt::format("{} ({})", f.message, context);
  if (!f.remediation.empty())
    text += "\n" + f.remediation;
  return escapeData(text);
}

} // namespace

std::string renderGithubReport(const std::vector<Finding> &findings, const ReportContext &context) {
  std::string out;
  for (const Finding &p : context.problems)
    out += fmt::format("::{} {}::{}\n", commandName(p.level), properties(p, context), message(p));
  for (const Finding &f : findings)
    if (!f.suppressed())
      out += fmt::format("::{} {}::{}\n", commandName(f.level), properties(f, context), message(f));
  return out;
}

} // namespace cairn::lint
