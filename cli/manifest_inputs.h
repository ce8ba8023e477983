// The manifest files named on a command line (`validate`, `lint`): files,
// directories searched for *.yaml, *.yml and *.json, and `-`, read into a
// SourceManager under the names users gave.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "cli/driver.h"
#include "frontend/diagnostic.h"
#include "frontend/source.h"

namespace cairn::cli {

bool isManifestFile(const std::filesystem::path &path);

// The manifest files below `dir`, sorted, each named as `shown` + relative path.
std::vector<std::pair<std::filesystem::path, std::string>> manifestFilesIn(const std::filesystem::path &dir,
                                                                          const std::string &shown);

// Reads one file into `sources`; a problem (unreadable, over `maxBytes` or
// 4 GiB) is an input diagnostic.
void addManifestFile(const std::filesystem::path &path, const std::string &shown, SourceManager &sources,
                     std::vector<FileId> &files, DiagnosticSink &problems, uint64_t maxBytes);

// What `lint` adds: paths to leave out (ignore globs), and `.cairn` files
// named explicitly, which it compiles rather than reads as manifests.
struct InputFilter {
  std::function<bool(const std::filesystem::path &)> ignored; // empty: nothing ignored
  std::vector<std::string> *cairnFiles = nullptr;              // null: `.cairn` files are manifests too
};

// Every input: `-` (read once), directories expanded, files as given.
void collectManifestInputs(const std::vector<std::string> &inputs, DriverIO &io, SourceManager &sources,
                           std::vector<FileId> &files, DiagnosticSink &problems, uint64_t maxBytes,
                           const InputFilter &filter = {});

} // namespace cairn::cli
