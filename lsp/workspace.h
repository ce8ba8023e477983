// The workspace folders the client opened, and the .cairn files in them (for
// workspace-wide features: references, rename, workspace symbols).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cairn::lsp {

class WorkspaceFolders {
public:
  // From initialize: `workspaceFolders`, else `rootUri`, else `rootPath`.
  void initialize(const nlohmann::json &params);
  // workspace/didChangeWorkspaceFolders: {event: {added, removed}}.
  void change(const nlohmann::json &event);

  const std::vector<std::string> &paths() const { return paths_; }
  // The first folder (display paths are relative to it); empty without one.
  std::string primary() const { return paths_.empty() ? std::string() : paths_.front(); }

private:
  void add(const std::string &path);
  std::vector<std::string> paths_; // canonical, no duplicates
};

// Every `*.cairn` file under `folders`, skipping hidden directories, build
// and dependency directories (build*, node_modules, out, target), and
// stopping after `maxFiles` files. Sorted, canonical paths.
std::vector<std::string> workspaceCairnFiles(const std::vector<std::string> &folders, size_t maxFiles = 5000);

// Whether a path names a Cairn source or a project file (cairn.yaml).
bool isCairnSource(const std::string &path);
bool isProjectFile(const std::string &path);

} // namespace cairn::lsp
