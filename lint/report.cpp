// Format selection and the pieces every report format shares.
#include "lint/report.h"

#include <fmt/format.h>

#include "lint/report_common.h"

namespace cairn::lint {
namespace detail {

std::string objectLabel(const Finding &f) {
  std::string name = f.namespaceName.empty() ? f.name : f.namespaceName + "/" + f.name;
  if (f.name.empty())
    name.clear();
  if (f.kind.empty())
    return name;
  return name.empty() ? f.kind : f.kind + " " + name;
}

FindingCounts countFindings(const std::vector<Finding> &findings) {
  FindingCounts c;
  for (const Finding &f : findings) {
    if (f.suppressed())
      ++c.suppressed;
    else if (f.level == Level::Error)
      ++c.errors;
    else if (f.level == Level::Warning)
      ++c.warnings;
    else
      ++c.infos;
  }
  return c;
}

std::optional<FindingRange> findingRange(const Finding &f, const SourceManager &sources) {
  if (!f.span.valid() || !sources.has(f.span.file))
    return std::nullopt;
  auto size = static_cast<uint32_t>(sources.file(f.span.file).text().size());
  uint32_t begin = std::min(f.span.begin, size);
  uint32_t end = std::min(std::max(f.span.end, begin), size);
  Span s{f.span.file, begin, end};
  return FindingRange{s, sources.lineCol(s.file, begin), sources.lineCol(s.file, end)};
}

FileId reportFile(const Finding &f, const SourceManager &sources) {
  if (f.span.valid() && sources.has(f.span.file))
    return f.span.file;
  return f.file;
}

std::string relativeReportPath(const std::string &path, const std::filesystem::path &sourceRoot) {
  std::filesystem::path p = std::filesystem::path(path).lexically_normal();
  if (p.is_absolute() && !sourceRoot.empty()) {
    std::filesystem::path relative = p.lexically_relative(sourceRoot.lexically_normal());
    if (!relative.empty() && *relative.begin() != "..")
      p = relative;
  }
  std::string out = p.generic_string();
  while (out.size() > 2 && out.compare(0, 2, "./") == 0)
    out.erase(0, 2);
  return out;
}

} // namespace detail

bool parseReportFormat(llvm::StringRef text, ReportFormat &out) {
  if (text == "text")
    out = ReportFormat::Text;
  else if (text == "json")
    out = ReportFormat::Json;
  else if (text == "sarif")
    out = ReportFormat::Sarif;
  else if (text == "github")
    out = ReportFormat::Github;
  else
    return false;
  return true;
}

std::string renderReport(ReportFormat format, const std::vector<Finding> &findings, const ReportContext &context) {
  switch (format) {
  case ReportFormat::Text: return renderTextReport(findings, context);
  case ReportFormat::Json: return renderJsonReport(findings, context);
  case ReportFormat::Sarif: return renderSarifReport(findings, context);
  case ReportFormat::Github: return renderGithubReport(findings, context);
  }
  return renderTextReport(findings, context);
}

std::string findingSummary(const std::vector<Finding> &findings, size_t objects, size_t files) {
  auto count = [](size_t n, const char *one, const char *many) { return fmt::format("{} {}", n, n == 1 ? one : many); };
  detail::FindingCounts c = detail::countFindings(findings);
  size_t counted = c.errors + c.warnings + c.infos;
  std::string where = fmt::format("in {} from {}", count(objects, "object", "objects"), count(files, "file", "files"));
  std::string out;
  if (counted == 0) {
    out = "no findings " + where;
  } else {
    std::vector<std::string> parts;
    if (c.errors > 0)
      parts.push_back(count(c.errors, "error", "errors"));
    if (c.warnings > 0)
      parts.push_back(count(c.warnings, "warning", "warnings"));
    if (c.infos > 0)
      parts.push_back(count(c.infos, "info", "info"));
    out = fmt::format("{} ({}) {}", count(counted, "finding", "findings"), fmt::join(parts, ", "), where);
  }
  if (c.suppressed > 0)
    out += fmt::format("; {} suppressed", c.suppressed);
  return out;
}

} // namespace cairn::lint
