#include "lsp/workspace.h"

#include <algorithm>
#include <filesystem>

#include <llvm/ADT/StringRef.h>

#include "lsp/documents.h"
#include "lsp/protocol.h"

namespace cairn::lsp {
namespace fs = std::filesystem;
namespace {

std::optional<std::string> folderPath(const json &folder) {
  if (folder.is_object() && folder.contains("uri") && folder["uri"].is_string())
    return uriToPath(folder["uri"].get<std::string>());
  return std::nullopt;
}

bool skippedDirectory(llvm::StringRef name) {
  return name.startswith(".") || name.startswith("build") || name == "node_modules" || name == "out" ||
         name == "target";
}

} // namespace

void WorkspaceFolders::add(const std::string &path) {
  std::string canonical = canonicalDocumentPath(path);
  if (std::find(paths_.begin(), paths_.end(), canonical) == paths_.end())
    paths_.push_back(canonical);
}

void WorkspaceFolders::initialize(const json &params) {
  if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array()) {
    for (const json &folder : params["workspaceFolders"])
      if (auto path = folderPath(folder))
        add(*path);
    if (!paths_.empty())
      return;
  }
  if (params.contains("rootUri") && params["rootUri"].is_string()) {
    if (auto path = uriToPath(params["rootUri"].get<std::string>())) {
      add(*path);
      return;
    }
  }
  if (params.contains("rootPath") && params["rootPath"].is_string()) {
    std::string path = params["rootPath"].get<std::string>();
    if (!path.empty() && path.front() == '/')
      add(path);
  }
}

void WorkspaceFolders::change(const json &event) {
  if (!event.is_object())
    return;
  if (event.contains("removed") && event["removed"].is_array())
    for (const json &folder : event["removed"])
      if (auto path = folderPath(folder)) {
        std::string canonical = canonicalDocumentPath(*path);
        paths_.erase(std::remove(paths_.begin(), paths_.end(), canonical), paths_.end());
      }
  if (event.contains("added") && event["added"].is_array())
    for (const json &folder : event["added"])
      if (auto path = folderPath(folder))
        add(*path);
}

std::vector<std::string> workspaceCairnFiles(const std::vector<std::string> &folders, size_t maxFiles) {
  std::vector<std::string> files;
  for (const std::string &folder : folders) {
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end && files.size() < maxFiles; it.increment(ec)) {
      std::string name = it->path().filename().string();
      std::error_code typeError;
      if (it->is_directory(typeError)) {
        if (skippedDirectory(name))
          it.disable_recursion_pending();
        continue;
      }
      if (isCairnSource(name) && it->is_regular_file(typeError))
        files.push_back(canonicalDocumentPath(it->path().string()));
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

bool isCairnSource(const std::string &path) { return llvm::StringRef(path).endswith(".cairn"); }

bool isProjectFile(const std::string &path) {
  return llvm::StringRef(path).endswith("/cairn.yaml") || path == "cairn.yaml";
}

} // namespace cairn::lsp
