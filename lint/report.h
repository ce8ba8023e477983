// The reports of `cairn lint`: findings for people (text), scripts (json),
// code scanning (SARIF 2.1.0) and GitHub Actions logs (workflow commands).
// Rendering never fails and never evaluates anything.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>

#include "frontend/source.h"
#include "lint/finding.h"

namespace cairn::lint {

enum class ReportFormat { Text, Json, Sarif, Github };
// "text", "json", "sarif", "github".
bool parseReportFormat(llvm::StringRef text, ReportFormat &out);

struct ReportContext {
  const SourceManager &sources;
  std::vector<PolicyDescriptor> policies{}; // the checks that ran (SARIF rules)
  size_t objects = 0, files = 0;          // totals for the summary
  bool color = false;                     // ANSI colour in text
  std::string toolVersion{};              // SARIF driver version
  std::string docsBase = "https://github.com/cairn-lang/cairn/blob/main/docs/policies.md#"; // helpUri = docsBase + check
  // SARIF and GitHub locations are relative to this directory (the
  // repository checkout): absolute input paths under it are made relative.
  // Empty: paths are used as given (relative ones stay relative).
  std::filesystem::path sourceRoot{};
  // Problems that are not findings (an unreadable input, a malformed
  // document, a policy that failed), in the finding form with the
  // diagnostic's code as `check`: json lists them under "problems", SARIF as
  // tool execution notifications, github as annotations. Text leaves them
  // to standard error.
  std::vector<Finding> problems{};
};

// `findings` are already sorted and include suppressed ones.
//   text    compiler-style diagnostics of the counted findings, then a summary line
//   json    {"findings": [...], "summary": {...}} with suppressed findings marked
//   sarif   one SARIF 2.1.0 run; suppressed findings carry `suppressions`
//   github  one `::error`/`::warning`/`::notice` command per counted finding
std::string renderReport(ReportFormat format, const std::vector<Finding> &findings, const ReportContext &context);

// The pieces, for callers that want one form directly.
std::string renderTextReport(const std::vector<Finding> &findings, const ReportContext &context);
std::string renderJsonReport(const std::vector<Finding> &findings, const ReportContext &context);
std::string renderSarifReport(const std::vector<Finding> &findings, const ReportContext &context);
std::string renderGithubReport(const std::vector<Finding> &findings, const ReportContext &context);

// `3 findings (1 error, 2 warnings) in 12 objects from 2 files; 1 suppressed`,
// or `no findings in 12 objects from 2 files`. No newline.
std::string findingSummary(const std::vector<Finding> &findings, size_t objects, size_t files);

} // namespace cairn::lint
