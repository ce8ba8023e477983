// The text report: every problem as a diagnostic (with the object and the
// field path as a note), --verbose lines per object and the --summary line.
#include <fmt/format.h>

#include "manifest/report.h"

namespace cairn::manifest {

std::string objectLabel(const ManifestObject &object) {
  std::string label = !object.kind.empty() ? object.kind : object.name.empty() ? "document" : "object";
  if (!object.name.empty())
    label += fmt::format(" `{}`", object.name);
  if (object.listItem >= 0)
    label += fmt::format(" (items[{}] of a list)", object.listItem);
  return label;
}

namespace {

std::string plural(size_t n, const char *one, const char *many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// The diagnostic as shown in text: where in the object it is.
Diagnostic withContext(const ManifestObject &object, const Issue &issue) {
  Diagnostic d = issue.diagnostic;
  if (object.kind.empty() && issue.path.empty())
    return d;
  std::string note = fmt::format("in {}", objectLabel(object));
  if (!issue.path.empty())
    note += fmt::format(", at `{}`", issue.path);
  d.notes.insert(d.notes.begin(), std::move(note));
  return d;
}

} // namespace

std::string summaryLine(const Totals &t) {
  return fmt::format("{} in {}: {} valid, {} invalid, {}, {} skipped", plural(t.resources, "resource", "resources"),
                     plural(t.files, "file", "files"), t.valid, t.invalid, plural(t.errors, "error", "errors"),
                     t.skipped);
}

TextReport renderText(const ReportInput &input, bool verbose, bool summary, const DiagRenderOptions &render) {
  TextReport report;
  std::vector<Diagnostic> all(input.inputProblems.begin(), input.inputProblems.end());
  for (const FileResult &file : input.run.files)
    for (const ManifestObject &object : file.objects)
      for (const Issue &issue : object.issues.issues())
        all.push_back(withContext(object, issue));
  sortDiagnostics(all, input.sources);

  const std::vector<Diagnostic> &library = input.run.libraryProblems;
  if (!library.empty()) {
    const SourceManager &librarySources = input.run.kinds ? input.run.kinds->program.sources : input.sources;
    report.err += renderDiagnostics(library, librarySources, DiagRenderFormat::Human, render);
  }
  if (!all.empty())
    report.err += (report.err.empty() ? "" : "\n") +
                  renderDiagnostics(all, input.sources, DiagRenderFormat::Human, render);
  std::vector<Diagnostic> counted = all;
  counted.insert(counted.end(), library.begin(), library.end());
  if (!counted.empty())
    report.err += diagnosticSummary(counted, render.color) + "\n";

  if (verbose)
    for (const FileResult &file : input.run.files)
      for (const ManifestObject &object : file.objects) {
        LineCol at = input.sources.lineCol(file.file, object.span.begin);
        std::string reason = object.skipReason.empty() ? "" : fmt::format(" ({})", object.skipReason);
        report.out += fmt::format("{}:{}:{}: {}: {}{}\n", input.sources.file(file.file).path(), at.line, at.column,
                                  objectLabel(object), statusName(object.status), reason);
      }
  if (summary)
    report.out += summaryLine(input.run.totals()) + "\n";
  return report;
}

} // namespace cairn::manifest
