// A workspace of in-memory files (editor buffers that exist nowhere on disk)
// analysed into a Snapshot, with the real standard library.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "annotations.h"
#include "lsp/analysis.h"

namespace cairn::lsp::test {

inline constexpr const char *kTestRoot = "/cairn-lsp-test";

class TestWorkspace {
public:
  // `name` is relative to the virtual root ("main.cairn", "lib/util.cairn").
  TestWorkspace &add(const std::string &name, const std::string &text) {
    files_[path(name)] = text;
    return *this;
  }
  static std::string path(const std::string &name) { return std::string(kTestRoot) + "/" + name; }

  // Analyses every added file.
  std::shared_ptr<const Snapshot> analyze() const {
    AnalysisRequest request;
    for (const auto &[file, text] : files_)
      request.files.push_back(file);
    request.workingDir = kTestRoot;
    request.stdlibDirs = {std::string(CAIRN_SOURCE_DIR) + "/stdlib"};
    std::map<std::string, std::string> files = files_;
    request.overlay = [files](const std::string &canonical) -> std::optional<std::string> {
      auto it = files.find(canonical);
      if (it == files.end())
        return std::nullopt;
      return it->second;
    };
    return lsp::analyze(request);
  }

  // The module of file `name` in `snapshot`.
  static uint32_t module(const Snapshot &snapshot, const std::string &name) {
    return snapshot.moduleOf(path(name)).value();
  }

private:
  std::map<std::string, std::string> files_;
};

} // namespace cairn::lsp::test
