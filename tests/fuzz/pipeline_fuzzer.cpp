// libFuzzer target: the whole `cairn build -` pipeline (parse, check, evaluate,
// render YAML) on one in-memory file. Small limits keep each run fast; hitting
// a limit is a diagnostic, which is fine. `import "k8s/..."` finds the build
// tree's standard library. Exit code 4 (an internal error) is a bug.
#include <cstddef>
#include <cstdint>

#include "fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  runDriverOnInput({"build", "--max-steps", "200000", "--max-depth", "200", "--diagnostics", "compact", "-"},
                   std::string(reinterpret_cast<const char *>(data), size), {CAIRN_STDLIB_DIR});
  return 0;
}
