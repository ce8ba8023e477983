// Shared by the `cairn import yaml` tests: importing text with the real
// standard library, building the result the way `cairn build` does, and
// comparing manifests the way the API server reads them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "importers/yaml_import.h"

namespace cairn::importers::testing {

inline std::filesystem::path stdlibDir() { return std::filesystem::path(CAIRN_SOURCE_DIR) / "stdlib"; }
inline std::filesystem::path dataDir() {
  return std::filesystem::path(CAIRN_SOURCE_DIR) / "tests" / "unit" / "importers" / "data";
}

// A fresh temporary directory, removed at the end of the test.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  const std::filesystem::path &path() const { return path_; }

private:
  std::filesystem::path path_;
};

struct NamedText {
  std::string name; // input display name; the output is `name` with `.cairn`
  std::string text;
};

// importYaml with the source tree's standard library, output under `outputDir`.
std::unique_ptr<YamlImportResult> runImport(const std::vector<NamedText> &inputs, const std::filesystem::path &outputDir,
                                            const std::vector<std::filesystem::path> &schemaLocations = {});

// The compact rendering of every diagnostic ("web.yaml:3:5: error[E0831]: ...").
std::string renderAll(const YamlImportResult &result);

struct Build {
  bool ok = false;
  std::string yaml;        // the YAML stream `cairn build` would print
  std::string diagnostics; // compact, one per line (errors and warnings)
  size_t warnings = 0;
};

// Writes `files` into `dir`, then loads, checks, evaluates and renders them as YAML.
Build buildImported(const std::vector<ImportedFile> &files, const std::filesystem::path &dir);

// "" when the two YAML streams hold the same objects (a `v1 List` counts as
// its items; maps compare as key sets; 3, 3.0 and "3" all differ; a null
// field is the same as an absent one; a nested object of the build may carry
// the fixed `apiVersion`/`kind` its schema adds), else the first difference.
std::string compareManifests(const std::string &expected, const std::string &actual);

std::string readFile(const std::filesystem::path &path);

} // namespace cairn::importers::testing
