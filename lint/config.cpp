// The project file: finding it and reading it from disk; the exit-code rule.
#include "lint/config.h"

#include <fstream>
#include <iterator>

namespace cairn::lint {

namespace fs = std::filesystem;

std::optional<fs::path> findProjectFile(const fs::path &start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec)
    return std::nullopt;
  dir = dir.lexically_normal();
  if (!fs::is_directory(dir, ec))
    dir = dir.parent_path();
  while (true) {
    fs::path candidate = dir / "cairn.yaml";
    if (fs::is_regular_file(candidate, ec))
      return candidate;
    if (!dir.has_relative_path()) // the root: no further ancestors
      return std::nullopt;
    dir = dir.parent_path();
  }
}

bool loadLintConfig(const fs::path &file, SourceManager &sources, DiagnosticSink &diags, LintConfig &out) {
  std::error_code ec;
  std::string reason;
  if (!fs::is_regular_file(file, ec))
    reason = fs::exists(file, ec) ? "it is not a regular file" : "no such file";
  std::ifstream in(file, std::ios::binary);
  if (reason.empty() && !in)
    reason = "it cannot be opened";
  std::string text;
  if (reason.empty())
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (reason.empty() && in.bad())
    reason = "reading failed";
  if (!reason.empty()) {
    diags.report(DiagKind::CannotReadInput, Span{}, file.string(), reason);
    return false;
  }
  FileId id = sources.add(file.string(), std::move(text));
  fs::path absolute = fs::absolute(file, ec);
  out.file = ec ? file : absolute.lexically_normal();
  return loadLintConfigText(id, out.file.parent_path(), sources, diags, out);
}

bool failsRun(const LintConfig &config, const std::vector<Finding> &findings) {
  if (config.failOnNone)
    return false;
  Level threshold = config.failOn.value_or(Level::Warning);
  for (const Finding &f : findings)
    if (!f.suppressed() && f.level >= threshold)
      return true;
  return false;
}

} // namespace cairn::lint
