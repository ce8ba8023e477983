// The SARIF 2.1.0 report (https://docs.oasis-open.org/sarif/sarif/v2.1.0/),
// as GitHub code scanning and other SARIF viewers read it: one run, the checks
// that ran as rules, one result per finding (suppressed ones included, with
// `suppressions`). Locations are repository-relative URIs under the
// `%SRCROOT%` base; columns are UTF-16 code units, SARIF's default.
#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/xxhash.h>
#include <nlohmann/json.hpp>

#include "lint/report.h"
#include "lint/report_common.h"

namespace cairn::lint {
namespace {

using Json = nlohmann::ordered_json;

const char *sarifLevel(Level level) {
  switch (level) {
  case Level::Error: return "error";
  case Level::Warning: return "warning";
  case Level::Info: return "note";
  }
  return "warning";
}

// `latest-tag` -> `LatestTag`: SARIF wants rule names that read as identifiers.
std::string pascalCase(const std::string &name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      upper = true;
      continue;
    }
    out.push_back(upper ? static_cast<char>(llvm::toUpper(c)) : c);
    upper = false;
  }
  return out;
}

// The first sentence: up to a `.`, `!` or `?` followed by the end or by a
// blank and a capital letter (so `e.g. x` and `v1.2` do not end it).
std::string firstSentence(const std::string &text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '.' && text[i] != '!' && text[i] != '?')
      continue;
    if (i + 1 == text.size())
      return text;
    if ((text[i + 1] == ' ' || text[i + 1] == '\n') && i + 2 < text.size() && text[i + 2] >= 'A' && text[i + 2] <= 'Z')
      return text.substr(0, i + 1);
  }
  return text;
}

// Percent-encodes everything but RFC 3986 unreserved characters and `/`.
std::string percentEncode(const std::string &path) {
  std::string out;
  for (unsigned char c : path) {
    if (llvm::isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
      out.push_back(static_cast<char>(c));
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

Json artifactLocation(const std::string &path, const ReportContext &context) {
  std::string relative = detail::relativeReportPath(path, context.sourceRoot);
  if (!relative.empty() && relative.front() == '/') // outside the source root: an absolute file URI
    return {{"uri", "file://" + percentEncode(relative)}};
  return {{"uri", percentEncode(relative)}, {"uriBaseId", "%SRCROOT%"}};
}

// A 1-based byte column of `line` as a 1-based UTF-16 column.
uint32_t utf16Column(const SourceFile &file, LineCol at) {
  llvm::StringRef text = file.lineText(at.line);
  uint32_t units = 0;
  for (size_t i = 0; i + 1 < at.column && i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80)
      continue;             // continuation byte
    units += c >= 0xF0 ? 2 : 1; // four-byte sequences are surrogate pairs
  }
  return units + 1;
}

Json region(const Finding &f, const SourceManager &sources) {
  std::optional<detail::FindingRange> range = detail::findingRange(f, sources);
  // GitHub code scanning needs a start line: a finding about the whole file points at its start.
  if (!range)
    return {{"startLine", 1}, {"startColumn", 1}};
  const SourceFile &file = sources.file(range->span.file);
  return {{"startLine", range->start.line},
          {"startColumn", utf16Column(file, range->start)},
          {"endLine", range->end.line},
          {"endColumn", utf16Column(file, range->end)}};
}

Json ruleJson(const PolicyDescriptor &p, const ReportContext &context) {
  std::string description = p.description.empty() ? p.name : p.description;
  Json rule;
  rule["id"] = p.name;
  rule["name"] = pascalCase(p.name);
  rule["shortDescription"] = {{"text", p.summary.empty() ? firstSentence(description) : p.summary}};
  rule["fullDescription"] = {{"text", description}};
  // Remediations are written with Markdown code spans (`image:1.4.2`), which viewers render.
  std::string help = p.remediation.empty() ? description : p.remediation;
  rule["help"] = {{"text", help}, {"markdown", help}};
  // Only the default pack has a page; a project's own policies do not.
  if (llvm::StringRef(p.module).startswith("<stdlib>/"))
    rule["helpUri"] = context.docsBase + p.name;
  rule["defaultConfiguration"] = {{"level", sarifLevel(p.level)}};
  // SARIF tags are a set: no duplicates.
  std::vector<std::string> tags;
  for (const std::string &tag : p.tags)
    if (std::find(tags.begin(), tags.end(), tag) == tags.end())
      tags.push_back(tag);
  rule["properties"] = {{"tags", tags}};
  return rule;
}

// What identifies a finding across commits: the check, the object and the
// field, not the file or the line (which move when unrelated lines change).
// The n-th finding with the same key gets `n` mixed in.
std::string fingerprint(const Finding &f, std::map<std::string, unsigned> &seen) {
  std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", f.check, f.kind, f.namespaceName, f.name, f.path);
  unsigned occurrence = seen[key]++;
  if (occurrence > 0)
    key += fmt::format("\x1f{}", occurrence);
  return fmt::format("{:016x}", llvm::xxHash64(key));
}

Json resultJson(const Finding &f, const std::map<std::string, size_t> &ruleIndex, const ReportContext &context,
                std::map<std::string, unsigned> &seen) {
  Json result;
  result["ruleId"] = f.check;
  if (auto it = ruleIndex.find(f.check); it != ruleIndex.end())
    result["ruleIndex"] = it->second;
  result["level"] = sarifLevel(f.level);
  result["message"] = {{"text", f.message}};
  FileId file = detail::reportFile(f, context.sources);
  Json location;
  if (context.sources.has(file))
    location["physicalLocation"] = {{"artifactLocation", artifactLocation(context.sources.file(file).path(), context)},
                                    {"region", region(f, context.sources)}};
  if (std::string object = detail::objectLabel(f); !object.empty()) {
    std::string qualified = f.kind + "/" + (f.namespaceName.empty() ? "" : f.namespaceName + "/") + f.name;
    Json logical = {{"fullyQualifiedName", qualified}, {"kind", "object"}};
    location["logicalLocations"] = Json::array({std::move(logical)});
  }
  if (!location.empty())
    result["locations"] = Json::array({location});
  result["partialFingerprints"] = {{"cairnFinding/v1", fingerprint(f, seen)}};
  if (f.suppressed()) {
    Json suppressions = Json::array();
    for (const Suppression &s : f.suppressions)
      suppressions.push_back({{"kind", "inSource"}, {"justification", s.justification}});
    result["suppressions"] = std::move(suppressions);
  }
  return result;
}

} // namespace

std::string renderSarifReport(const std::vector<Finding> &findings, const ReportContext &context) {
  Json rules = Json::array();
  std::map<std::string, size_t> ruleIndex;
  for (const PolicyDescriptor &p : context.policies) {
    if (!ruleIndex.emplace(p.name, rules.size()).second)
      continue;
    rules.push_back(ruleJson(p, context));
  }
  Json driver;
  driver["name"] = "cairn";
  if (!context.toolVersion.empty())
    driver["version"] = context.toolVersion;
  driver["informationUri"] = "https://github.com/cairn-lang/cairn";
  driver["rules"] = std::move(rules);

  Json results = Json::array();
  std::map<std::string, unsigned> seen;
  for (const Finding &f : findings)
    results.push_back(resultJson(f, ruleIndex, context, seen));

  // Problems that are not findings: the run did not check everything.
  Json notifications = Json::array();
  bool failed = false;
  for (const Finding &p : context.problems) {
    Json note;
    note["level"] = sarifLevel(p.level);
    note["message"] = {{"text", p.message}};
    note["descriptor"] = {{"id", p.check}};
    FileId file = detail::reportFile(p, context.sources);
    if (context.sources.has(file))
      note["locations"] = Json::array({{{"physicalLocation",
                                         {{"artifactLocation", artifactLocation(context.sources.file(file).path(), context)},
                                          {"region", region(p, context.sources)}}}}});
    failed = failed || p.level == Level::Error;
    notifications.push_back(std::move(note));
  }
  Json invocation = {{"executionSuccessful", !failed}};
  if (!notifications.empty())
    invocation["toolExecutionNotifications"] = std::move(notifications);

  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["invocations"] = Json::array({std::move(invocation)});
  run["columnKind"] = "utf16CodeUnits";
  run["results"] = std::move(results);
  Json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace cairn::lint
