#include "backends/temp_paths.h"

#include <algorithm>
#include <cstdio>

namespace cairn::backends {

namespace fs = std::filesystem;

void TempPaths::add(const fs::path &path) {
  std::lock_guard<std::mutex> lock(mutex_);
  paths_.push_back(path);
}

void TempPaths::remove(const fs::path &path) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = std::find(paths_.begin(), paths_.end(), path);
  if (it != paths_.end())
    paths_.erase(it);
}

void TempPaths::removeAll() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const fs::path &path : paths_) {
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(path, ec))) {
      fs::remove(path, ec);
      continue;
    }
    fs::path doomed = path;
    doomed += ".interrupted";
    if (std::rename(path.c_str(), doomed.c_str()) != 0)
      doomed = path;
    fs::remove_all(doomed, ec);
  }
  paths_.clear();
}

} // namespace cairn::backends
