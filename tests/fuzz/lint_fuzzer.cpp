// libFuzzer target: `cairn lint --all --format json -` on one in-memory
// manifest stream, with the default policy pack of the build tree's stdlib. Every
// policy runs on whatever shape the fuzzer makes (lists where mappings
// belong, numbers for names): each input must end in findings or
// diagnostics; exit code 4 (an internal error) or a crash is a bug.
#include <cstddef>
#include <cstdint>

#include "fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  runDriverOnInput({"lint", "--all", "--format", "json", "--fail-on", "none", "-"},
                   std::string(reinterpret_cast<const char *>(data), size), {CAIRN_STDLIB_DIR});
  return 0;
}
