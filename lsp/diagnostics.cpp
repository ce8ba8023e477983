#include "lsp/diagnostics.h"

#include <algorithm>

#include <fmt/format.h>

#include "lsp/documents.h"

namespace cairn::lsp {
namespace {

int severityOf(Severity severity) {
  switch (severity) {
  case Severity::Error: return 1;
  case Severity::Warning: return 2;
  case Severity::Note: return 3;
  }
  return 1;
}

int severityOf(lint::Level level) {
  switch (level) {
  case lint::Level::Error: return 1;
  case lint::Level::Warning: return 2;
  case lint::Level::Info: return 3;
  }
  return 2;
}

// Warnings about code that does nothing are shown faded by editors.
bool isUnnecessary(DiagKind kind) { return kind == DiagKind::UnusedImport || kind == DiagKind::UnusedLet; }

std::string fullMessage(const Diagnostic &diag) {
  std::string message = diag.message;
  for (const std::string &note : diag.notes)
    message += "\nnote: " + note;
  if (!diag.hint.empty())
    message += "\nhint: " + diag.hint;
  return message;
}

json fixesJson(const Snapshot &snapshot, const Diagnostic &diag) {
  json fixes = json::array();
  for (const Fix &fix : diag.fixes) {
    json edits = json::array();
    for (const TextEdit &edit : fix.edits)
      edits.push_back({{"range", rangeJson(snapshot, edit.span)}, {"newText", edit.replacement}});
    fixes.push_back({{"title", fix.message}, {"edits", std::move(edits)}});
  }
  return fixes;
}

Position startOf(const json &diagnostic) {
  return {diagnostic["range"]["start"]["line"].get<uint32_t>(),
          diagnostic["range"]["start"]["character"].get<uint32_t>()};
}

} // namespace

json diagnosticJson(const Snapshot &snapshot, const Diagnostic &diag, const ClientCapabilities &caps) {
  json out = {{"range", rangeJson(snapshot, diag.span)},
              {"severity", severityOf(diag.severity)},
              {"code", diag.code()},
              {"source", "cairn"},
              {"message", fullMessage(diag)}};
  if (caps.codeDescription)
    if (auto anchor = diagnosticDocsAnchor(diag.code()))
      out["codeDescription"] = {{"href", std::string(kDiagnosticsDocs) + *anchor}};
  if (caps.relatedInformation && !diag.labels.empty()) {
    json related = json::array();
    for (const Label &label : diag.labels)
      if (label.span.valid())
        related.push_back({{"location", locationJson(snapshot, label.span)}, {"message", label.message}});
    out["relatedInformation"] = std::move(related);
  }
  if (isUnnecessary(diag.kind))
    out["tags"] = json::array({1});
  if (!diag.fixes.empty())
    out["data"] = {{"fixes", fixesJson(snapshot, diag)}};
  return out;
}

json findingJson(const PolicyFinding &finding, const ClientCapabilities &caps) {
  std::string message = finding.message;
  if (!finding.remediation.empty())
    message += "\nhint: " + finding.remediation;
  json out = {{"range", toJson(finding.range)},
              {"severity", severityOf(finding.level)},
              {"code", finding.check},
              {"source", "cairn lint"},
              {"message", message}};
  if (caps.codeDescription)
    out["codeDescription"] = {{"href", std::string(kPoliciesDocs) + finding.check}};
  if (finding.check == "deprecated-api-version")
    out["tags"] = json::array({2});
  return out;
}

json documentDiagnostics(const Analysis &analysis, const std::string &path, const ClientCapabilities &caps) {
  json out = json::array();
  if (analysis.snapshot) {
    const Snapshot &snapshot = *analysis.snapshot;
    if (auto module = snapshot.moduleOf(path)) {
      FileId file = snapshot.program.modules[*module].file;
      for (const Diagnostic &diag : snapshot.diagnostics)
        if (diag.span.valid() && diag.span.file == file)
          out.push_back(diagnosticJson(snapshot, diag, caps));
    }
  }
  for (const PolicyFinding &finding : analysis.findings)
    if (finding.path == path)
      out.push_back(findingJson(finding, caps));
  std::stable_sort(out.begin(), out.end(), [](const json &a, const json &b) {
    Position pa = startOf(a), pb = startOf(b);
    return pa.line != pb.line ? pa.line < pb.line : pa.character < pb.character;
  });
  return out;
}

json tooLargeDiagnostic(size_t bytes) {
  auto mib = [](size_t n) { return fmt::format("{:.1f} MiB", double(n) / (1 << 20)); };
  return {{"range", toJson(Range{})},
          {"severity", 2},
          {"source", "cairn"},
          {"message", fmt::format("this file is too large to analyse ({}; the limit is {}): no diagnostics, "
                                  "completion or other features until it is smaller; split it into modules "
                                  "that import each other",
                                  mib(bytes), mib(kMaxAnalysedDocumentBytes))}};
}

} // namespace cairn::lsp
