// The JSON report, for scripts. Field names are stable:
//   findings[]  check, level ("error"|"warning"|"info"), message, remediation,
//               tags, file (path as given; null when unknown), line, column,
//               endLine, endColumn (1-based lines and byte columns, the end
//               exclusive; null without a location), object {apiVersion, kind,
//               namespace, name} (null when empty), path ("" for the object
//               itself), suppressed, suppressions [{kind ("annotation" |
//               "kube-linter-annotation" | "comment"), justification}]
//   summary     objects, files, errors, warnings, infos (counted findings
//               only), suppressed
#include <nlohmann/json.hpp>

#include "lint/report.h"
#include "lint/report_common.h"

namespace cairn::lint {
namespace {

using Json = nlohmann::ordered_json;

Json stringOrNull(const std::string &text) { return text.empty() ? Json(nullptr) : Json(text); }

const char *suppressionKindName(Suppression::Kind kind) {
  switch (kind) {
  case Suppression::Kind::Annotation: return "annotation";
  case Suppression::Kind::KubeLinterAnnotation: return "kube-linter-annotation";
  case Suppression::Kind::SourceComment: return "comment";
  }
  return "annotation";
}

Json findingJson(const Finding &f, const SourceManager &sources) {
  Json out;
  out["check"] = f.check;
  out["level"] = levelName(f.level);
  out["message"] = f.message;
  out["remediation"] = f.remediation;
  out["tags"] = f.tags;
  FileId file = detail::reportFile(f, sources);
  out["file"] = sources.has(file) ? Json(sources.file(file).path()) : Json(nullptr);
  std::optional<detail::FindingRange> range = detail::findingRange(f, sources);
  out["line"] = range ? Json(range->start.line) : Json(nullptr);
  out["column"] = range ? Json(range->start.column) : Json(nullptr);
  out["endLine"] = range ? Json(range->end.line) : Json(nullptr);
  out["endColumn"] = range ? Json(range->end.column) : Json(nullptr);
  out["object"] = {{"apiVersion", stringOrNull(f.apiVersion)},
                   {"kind", stringOrNull(f.kind)},
                   {"namespace", stringOrNull(f.namespaceName)},
                   {"name", stringOrNull(f.name)}};
  out["path"] = f.path;
  out["suppressed"] = f.suppressed();
  Json suppressions = Json::array();
  for (const Suppression &s : f.suppressions)
    suppressions.push_back({{"kind", suppressionKindName(s.kind)}, {"justification", s.justification}});
  out["suppressions"] = std::move(suppressions);
  return out;
}

} // namespace

std::string renderJsonReport(const std::vector<Finding> &findings, const ReportContext &context) {
  Json list = Json::array();
  for (const Finding &f : findings)
    list.push_back(findingJson(f, context.sources));
  detail::FindingCounts c = detail::countFindings(findings);
  Json out;
  out["findings"] = std::move(list);
  out["summary"] = {{"objects", context.objects}, {"files", context.files}, {"errors", c.errors},
                    {"warnings", c.warnings},     {"infos", c.infos},     {"suppressed", c.suppressed}};
  Json problems = Json::array();
  for (const Finding &p : context.problems) {
    Json problem = findingJson(p, context.sources);
    problem.erase("check");
    problem["code"] = p.check;
    problems.push_back(std::move(problem));
  }
  out["problems"] = std::move(problems);
  // Replace, not throw, on invalid UTF-8: a message quoting bad input must still print.
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace cairn::lint
