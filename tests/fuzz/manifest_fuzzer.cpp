// libFuzzer target: `cairn validate --strict -` on one in-memory manifest
// stream (YAML or JSON, any number of documents) against the standard
// library of the build tree. Every input must end in a result or a
// diagnostic; exit code 4 (an internal error) is a bug.
#include <cstddef>
#include <cstdint>

#include "fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  runDriverOnInput({"validate", "--strict", "--format", "json", "-"},
                   std::string(reinterpret_cast<const char *>(data), size), {CAIRN_STDLIB_DIR});
  return 0;
}
