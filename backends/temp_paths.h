// The temporary files and directories being written right now, so that an
// interrupted process can remove them on its way out (cli/interrupts.h):
// Ctrl-C during `cairn build -o out.yaml` leaves neither a half-written
// temporary file nor a changed out.yaml behind.
#pragma once

#include <filesystem>
#include <mutex>
#include <vector>

namespace cairn::backends {

class TempPaths {
public:
  void add(const std::filesystem::path &path);
  void remove(const std::filesystem::path &path);

  // Removes every registered path (a directory with its contents) and
  // forgets them. Called from the interrupt thread while other threads may
  // still be writing: a directory is first renamed away, so nothing more
  // can be created in it, then deleted.
  void removeAll();

private:
  std::mutex mutex_;
  std::vector<std::filesystem::path> paths_;
};

// Registers `path` for the lifetime of the scope; `temps` may be null.
class TempPathScope {
public:
  TempPathScope(TempPaths *temps, std::filesystem::path path) : temps_(temps), path_(std::move(path)) {
    if (temps_)
      temps_->add(path_);
  }
  ~TempPathScope() {
    if (temps_)
      temps_->remove(path_);
  }
  TempPathScope(const TempPathScope &) = delete;
  TempPathScope &operator=(const TempPathScope &) = delete;

private:
  TempPaths *temps_;
  std::filesystem::path path_;
};

} // namespace cairn::backends
