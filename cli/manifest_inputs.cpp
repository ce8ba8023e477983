#include "cli/manifest_inputs.h"

#include <algorithm>
#include <system_error>

#include "cli/io.h"

namespace cairn::cli {
namespace fs = std::filesystem;

namespace {
// Spans are 32-bit byte offsets.
constexpr uintmax_t kMaxInputBytes = UINT32_MAX - 1;
} // namespace

bool isManifestFile(const fs::path &path) {
  std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

// The manifest files below `dir`, sorted, each named as `shown` + relative path.
// Hidden files and directories (`.git`, `.github`) are not searched: their
// YAML is tooling, not manifests. Nor is a project file (`cairn.yaml`).
std::vector<std::pair<fs::path, std::string>> manifestFilesIn(const fs::path &dir, const std::string &shown) {
  std::vector<std::pair<fs::path, std::string>> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec))
        it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && isManifestFile(it->path()) && name != "cairn.yaml")
      files.emplace_back(it->path(), (fs::path(shown) / it->path().lexically_relative(dir)).generic_string());
  }
  std::sort(files.begin(), files.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
  return files;
}

// Reads one file into `sources`; a problem is an input diagnostic.
void addManifestFile(const fs::path &path, const std::string &shown, SourceManager &sources, std::vector<FileId> &files,
                     DiagnosticSink &problems, uint64_t maxBytes) {
  ReadResult read = readTextFile(path, std::min<uint64_t>(maxBytes, kMaxInputBytes));
  if (!read.text) {
    problems.report(DiagKind::CannotReadInput, Span{}, shown, read.error);
    return;
  }
  files.push_back(sources.add(shown, std::move(*read.text)));
}

void collectManifestInputs(const std::vector<std::string> &inputs, DriverIO &io, SourceManager &sources,
                           std::vector<FileId> &files, DiagnosticSink &problems, uint64_t maxBytes,
                           const InputFilter &filter) {
  bool stdinRead = false;
  auto skipped = [&](const fs::path &path) { return filter.ignored && filter.ignored(path); };
  for (const std::string &input : inputs) {
    if (input == "-") {
      if (!stdinRead) {
        ReadResult read = readStdinText(io, std::min<uint64_t>(maxBytes, kMaxInputBytes));
        if (read.text)
          files.push_back(sources.add("<stdin>", std::move(*read.text)));
        else
          problems.report(DiagKind::CannotReadInput, Span{}, "<stdin>", read.error);
      }
      stdinRead = true;
      continue;
    }
    fs::path path = resolvePath(io.workingDir, input);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const auto &[file, shown] : manifestFilesIn(path, input))
        if (!skipped(file))
          addManifestFile(file, shown, sources, files, problems, maxBytes);
      continue;
    }
    if (skipped(path))
      continue;
    if (filter.cairnFiles && path.extension() == ".cairn")
      filter.cairnFiles->push_back(input);
    else
      addManifestFile(path, input, sources, files, problems, maxBytes);
  }
}

} // namespace cairn::cli
