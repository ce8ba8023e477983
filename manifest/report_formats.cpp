// Machine-readable reports: JSON, JUnit XML, TAP 13.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "manifest/report.h"

namespace cairn::manifest {
namespace {

using Json = nlohmann::ordered_json;

std::string dumpJson(const Json &json, int indent) {
  // Replace, not throw, on invalid UTF-8: a message quoting bad input must still print.
  return json.dump(indent, ' ', false, Json::error_handler_t::replace);
}

Json issueJson(const Issue &issue, const SourceManager &sources) {
  Json out;
  const Diagnostic &d = issue.diagnostic;
  LineCol at = d.span.valid() ? sources.lineCol(d.span.file, d.span.begin) : LineCol{};
  out["line"] = at.line;
  out["column"] = at.column;
  out["path"] = issue.path;
  out["code"] = d.code();
  out["severity"] = severityName(d.severity);
  out["message"] = d.message;
  out["hint"] = d.hint.empty() ? Json(nullptr) : Json(d.hint);
  out["notes"] = d.notes;
  return out;
}

Json problemJson(const Diagnostic &d, const SourceManager &sources) {
  Json out = issueJson(Issue{d, {}}, sources);
  out.erase("path");
  out["file"] = d.span.valid() ? Json(sources.file(d.span.file).path()) : Json(nullptr);
  return out;
}

Json objectJson(const ManifestObject &object, FileId file, const SourceManager &sources) {
  Json out;
  LineCol at = sources.lineCol(file, object.span.begin);
  out["file"] = sources.file(file).path();
  out["line"] = at.line;
  out["column"] = at.column;
  out["apiVersion"] = object.apiVersion;
  out["kind"] = object.kind;
  out["name"] = object.name;
  out["namespace"] = object.namespaceName;
  if (object.listItem >= 0)
    out["listItem"] = object.listItem;
  out["status"] = statusName(object.status);
  if (!object.skipReason.empty())
    out["reason"] = object.skipReason;
  Json errors = Json::array();
  for (const Issue &issue : object.issues.issues())
    errors.push_back(issueJson(issue, sources));
  out["errors"] = std::move(errors);
  return out;
}

std::string xmlEscape(llvm::StringRef text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&apos;"; break;
    default:
      // XML 1.0 has no other control characters, not even escaped.
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
        out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
      else
        out += c;
    }
  }
  return out;
}

// One line per problem: `file:3:5: spec.replicas: E0807 expected ...`.
std::string issueLine(const Issue &issue, const SourceManager &sources) {
  const Diagnostic &d = issue.diagnostic;
  std::string where;
  if (d.span.valid()) {
    LineCol at = sources.lineCol(d.span.file, d.span.begin);
    where = fmt::format("{}:{}:{}: ", sources.file(d.span.file).path(), at.line, at.column);
  }
  std::string path = issue.path.empty() ? "" : issue.path + ": ";
  std::string hint = d.hint.empty() ? "" : " (" + d.hint + ")";
  return fmt::format("{}{}{} {}{}", where, path, d.code(), d.message, hint);
}

// "apps/v1 Deployment web", "document 2": a test's name in JUnit and TAP.
std::string testName(const ManifestObject &object) {
  std::string name = object.kind.empty() ? fmt::format("document {}", object.document) : object.kind;
  if (!object.apiVersion.empty())
    name = object.apiVersion + " " + name;
  if (!object.name.empty())
    name += " " + object.name;
  if (object.listItem >= 0)
    name += fmt::format(" (items[{}])", object.listItem);
  return name;
}

void junitCase(std::string &out, const ManifestObject &object, const SourceManager &sources) {
  out += fmt::format("    <testcase classname=\"{}\" name=\"{}\"", xmlEscape(object.kind.empty() ? "document" : object.kind),
                     xmlEscape(testName(object)));
  if (object.status == ObjectStatus::Valid) {
    out += "/>\n";
    return;
  }
  out += ">\n";
  if (object.status == ObjectStatus::Skipped) {
    out += fmt::format("      <skipped message=\"{}\"/>\n", xmlEscape(object.skipReason));
  } else {
    const char *tag = object.status == ObjectStatus::Error ? "error" : "failure";
    std::string first = object.issues.issues().empty() ? "" : object.issues.issues().front().diagnostic.message;
    std::string body;
    for (const Issue &issue : object.issues.issues())
      body += issueLine(issue, sources) + "\n";
    out += fmt::format("      <{} message=\"{}\" type=\"{}\">{}</{}>\n", tag, xmlEscape(first),
                       statusName(object.status), xmlEscape(body), tag);
  }
  out += "    </testcase>\n";
}

} // namespace

std::string renderJson(const ReportInput &input) {
  Json resources = Json::array();
  for (const FileResult &file : input.run.files)
    for (const ManifestObject &object : file.objects)
      resources.push_back(objectJson(object, file.file, input.sources));
  Json problems = Json::array();
  for (const Diagnostic &d : input.inputProblems)
    problems.push_back(problemJson(d, input.sources));
  const SourceManager &librarySources = input.run.kinds ? input.run.kinds->program.sources : input.sources;
  for (const Diagnostic &d : input.run.libraryProblems)
    problems.push_back(problemJson(d, librarySources));
  Totals t = input.run.totals();
  Json summary{{"files", t.files}, {"resources", t.resources}, {"valid", t.valid},
               {"invalid", t.invalid}, {"errors", t.errors}, {"skipped", t.skipped}};
  Json out{{"resources", std::move(resources)}, {"problems", std::move(problems)}, {"summary", std::move(summary)}};
  return dumpJson(out, 2) + "\n";
}

std::string renderJunit(const ReportInput &input) {
  Totals t = input.run.totals();
  size_t runErrors = input.inputProblems.size() + input.run.libraryProblems.size();
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"cairn validate\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n",
                     t.resources + runErrors, t.invalid, t.errors + runErrors, t.skipped);
  if (runErrors > 0) {
    const SourceManager &librarySources = input.run.kinds ? input.run.kinds->program.sources : input.sources;
    out += fmt::format("  <testsuite name=\"cairn\" tests=\"{0}\" failures=\"0\" errors=\"{0}\" skipped=\"0\">\n", runErrors);
    auto problemCase = [&](const Diagnostic &d, const SourceManager &sources) {
      out += fmt::format("    <testcase classname=\"cairn\" name=\"{}\">\n      <error message=\"{}\" type=\"{}\">{}</error>\n"
                         "    </testcase>\n",
                         d.code(), xmlEscape(d.message), d.code(), xmlEscape(issueLine(Issue{d, {}}, sources)));
    };
    for (const Diagnostic &d : input.inputProblems)
      problemCase(d, input.sources);
    for (const Diagnostic &d : input.run.libraryProblems)
      problemCase(d, librarySources);
    out += "  </testsuite>\n";
  }
  for (const FileResult &file : input.run.files) {
    Totals f;
    for (const ManifestObject &object : file.objects) {
      f.invalid += object.status == ObjectStatus::Invalid;
      f.errors += object.status == ObjectStatus::Error;
      f.skipped += object.status == ObjectStatus::Skipped;
    }
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n",
                       xmlEscape(input.sources.file(file.file).path()), file.objects.size(), f.invalid, f.errors,
                       f.skipped);
    for (const ManifestObject &object : file.objects)
      junitCase(out, object, input.sources);
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

std::string renderTap(const ReportInput &input) {
  std::string out = "TAP version 13\n";
  size_t n = 0;
  auto quoted = [](const std::string &text) { return dumpJson(Json(text), -1); };
  auto problemTest = [&](const Diagnostic &d, const SourceManager &sources) {
    out += fmt::format("not ok {} - {}\n  ---\n  message: {}\n  ...\n", ++n, d.code(),
                       quoted(issueLine(Issue{d, {}}, sources)));
  };
  const SourceManager &librarySources = input.run.kinds ? input.run.kinds->program.sources : input.sources;
  for (const Diagnostic &d : input.inputProblems)
    problemTest(d, input.sources);
  for (const Diagnostic &d : input.run.libraryProblems)
    problemTest(d, librarySources);
  for (const FileResult &file : input.run.files)
    for (const ManifestObject &object : file.objects) {
      std::string description = fmt::format("{}: {}", input.sources.file(file.file).path(), testName(object));
      bool ok = object.status == ObjectStatus::Valid || object.status == ObjectStatus::Skipped;
      out += fmt::format("{} {} - {}", ok ? "ok" : "not ok", ++n, description);
      if (object.status == ObjectStatus::Skipped)
        out += fmt::format(" # SKIP {}", object.skipReason);
      out += "\n";
      if (ok)
        continue;
      out += fmt::format("  ---\n  status: {}\n  errors:\n", statusName(object.status));
      for (const Issue &issue : object.issues.issues()) {
        const Diagnostic &d = issue.diagnostic;
        LineCol at = d.span.valid() ? input.sources.lineCol(d.span.file, d.span.begin) : LineCol{};
        out += fmt::format("    - code: {}\n      line: {}\n      column: {}\n      path: {}\n      message: {}\n", d.code(),
                           at.line, at.column, quoted(issue.path), quoted(d.message));
        if (!d.hint.empty())
          out += fmt::format("      hint: {}\n", quoted(d.hint));
      }
      out += "  ...\n";
    }
  out += fmt::format("1..{}\n", n);
  return out;
}

} // namespace cairn::manifest
