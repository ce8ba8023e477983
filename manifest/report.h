// The results of a validation run for people and for CI: text (diagnostics
// with source excerpts), JSON, JUnit XML and TAP 13. The structures are
// documented in docs/validate.md.
#pragma once

#include <string>

#include <llvm/ADT/ArrayRef.h>

#include "frontend/diag_render.h"
#include "manifest/validate_run.h"

namespace cairn::manifest {

struct ReportInput {
  const RunResult &run;
  const SourceManager &sources;          // the input files
  llvm::ArrayRef<Diagnostic> inputProblems; // unreadable inputs and such, spans into `sources`
};

struct TextReport {
  std::string out; // --verbose object lines and the --summary line
  std::string err; // diagnostics and their summary
};

TextReport renderText(const ReportInput &input, bool verbose, bool summary, const DiagRenderOptions &render);
std::string renderJson(const ReportInput &input);
std::string renderJunit(const ReportInput &input);
std::string renderTap(const ReportInput &input);

// "Deployment `web`", "Service", "document": how an object is named in messages.
std::string objectLabel(const ManifestObject &object);
// "12 resources in 3 files: 10 valid, 1 invalid, 1 error, 0 skipped"
std::string summaryLine(const Totals &totals);

} // namespace cairn::manifest
