#include "lsp/diagnostics_lint.h"

#include <algorithm>
#include <map>
#include <optional>

#include "frontend/diag_render.h"
#include "lint/config.h"
#include "lint/engine.h"

namespace cairn::lsp {
namespace fs = std::filesystem;
namespace {

// The configuration `cairn lint` would use in the document's directory;
// problems of the file are reported once and the defaults used instead.
lint::LintConfig projectConfig(const std::optional<fs::path> &projectFile, SourceManager &sources,
                               Analysis &out) {
  lint::LintConfig config;
  if (!projectFile)
    return config;
  DiagnosticSink diags;
  if (!lint::loadLintConfig(*projectFile, sources, diags, config)) {
    config = lint::LintConfig{};
    config.baseDir = projectFile->parent_path();
  }
  for (const Diagnostic &d : diags.diagnostics())
    out.configProblems.push_back(renderCompact(d, sources));
  return config;
}

std::string canonicalPathOf(const Program &program, FileId file) {
  for (const ProgramModule &module : program.modules)
    if (module.file == file)
      return module.canonicalPath;
  return {};
}

// Where the editor shows a finding: at the value, unless the value comes
// from another file (an imported module) while the field was set in the
// linted document; then where it was set, so that the document shows it.
void collectFindings(const lint::LintResult &result, const std::vector<std::string> &documents, Analysis &out) {
  auto inDocuments = [&](Span span) {
    return span.valid() &&
           std::find(documents.begin(), documents.end(), canonicalPathOf(result.program, span.file)) != documents.end();
  };
  for (const lint::Finding &finding : result.findings) {
    if (finding.suppressed())
      continue;
    Span span = finding.span.valid() ? finding.span : Span{finding.file, 0, 0};
    if (!inDocuments(span) && inDocuments(finding.setAt))
      span = finding.setAt;
    std::string path = canonicalPathOf(result.program, span.file);
    if (path.empty())
      continue;
    LineIndex index(result.program.sources.file(span.file).text());
    out.findings.push_back({path, index.rangeOf(span.begin, span.end), finding.check, finding.level,
                            finding.message, finding.remediation});
  }
}

} // namespace

void lintDocuments(const AnalysisRequest &request, const std::vector<std::string> &documents, Analysis &out) {
  std::map<std::optional<fs::path>, std::vector<std::string>> byProject;
  for (const std::string &document : documents)
    byProject[lint::findProjectFile(fs::path(document).parent_path())].push_back(document);
  for (auto &[projectFile, files] : byProject) {
    if (request.superseded && request.superseded()) {
      out.superseded = true;
      return;
    }
    lint::LintRequest lintRequest;
    lintRequest.config = projectConfig(projectFile, lintRequest.manifestSources, out);
    if (lintRequest.config.baseDir.empty())
      lintRequest.config.baseDir = request.workingDir;
    for (const std::string &file : files) {
      std::string relative = fs::path(file).lexically_relative(lintRequest.config.baseDir).generic_string();
      if (!lint::pathIgnored(relative, lintRequest.config.ignorePaths))
        lintRequest.cairnFiles.push_back(file);
    }
    if (lintRequest.cairnFiles.empty())
      continue;
    lintRequest.workingDir = request.workingDir;
    lintRequest.stdlibDirs = request.stdlibDirs;
    lintRequest.parseCache = request.parseCache;
    lintRequest.overlay = request.overlay;
    std::unique_ptr<lint::LintResult> result = lint::runLint(std::move(lintRequest));
    if (result->stop == lint::LintResult::Stop::None)
      collectFindings(*result, files, out);
  }
}

} // namespace cairn::lsp
