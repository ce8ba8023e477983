// libFuzzer target: the whole `cairn build -` pipeline (parse, check, evaluate,
// render YAML) on one in-memory file. Small limits keep each run fast; hitting
// a limit is a diagnostic, which is fine. Exit code 4 (an internal error) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "cli/driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  std::ostringstream out, err;
  cairn::cli::DriverIO io;
  io.workingDir = std::filesystem::temp_directory_path();
  io.readStdin = [&] { return text; };
  io.out = &out;
  io.err = &err;
  int code = cairn::cli::runDriver({"build", "--max-steps", "200000", "--max-depth", "200",
                                    "--diagnostics", "compact", "-"},
                                   io);
  if (code == cairn::cli::kExitInternal)
    std::abort();
  return 0;
}
