// libFuzzer target: `cairn import` on one input; the first byte picks the
// source (the rest is the document): 0 `import yaml -` (manifests to typed
// Cairn, which the importer builds back and compares), 1 `import crd -`,
// 2 `import openapi spec.json` (the only one that needs a file). Output goes
// to a directory of this process under the temp directory, emptied after
// each run. Exit code 4 (an internal error) or a crash is a bug.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <system_error>

#include <unistd.h>

#include "fuzz_driver.h"

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  static const fs::path workDir = fs::temp_directory_path() / ("cairn-import-fuzz-" + std::to_string(getpid()));
  std::error_code ec;
  fs::remove_all(workDir, ec);
  fs::create_directories(workDir);
  std::string document(reinterpret_cast<const char *>(data) + 1, size - 1);
  std::vector<fs::path> stdlib = {CAIRN_STDLIB_DIR};
  switch (data[0] % 3) {
  case 0:
    runDriverOnInput({"import", "yaml", "-", "-o", "out"}, std::move(document), stdlib, workDir);
    break;
  case 1:
    runDriverOnInput({"import", "crd", "-", "-o", "out"}, std::move(document), stdlib, workDir);
    break;
  default: {
    std::ofstream(workDir / "spec.json", std::ios::binary) << document;
    runDriverOnInput({"import", "openapi", "spec.json", "-o", "out"}, "", stdlib, workDir);
    break;
  }
  }
  fs::remove_all(workDir, ec);
  return 0;
}
