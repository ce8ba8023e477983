// cairn_stdlib_image STDLIB_DIR OUTPUT: writes the precompiled standard
// library (frontend/stdlib_image.h) of STDLIB_DIR to OUTPUT. The image goes to
// a temporary file that is then renamed, so a failed run never leaves a
// partial image, and a process still reading the old one keeps its copy.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "frontend/stdlib_image.h"

namespace fs = std::filesystem;

namespace {

bool writeAtomically(const fs::path &output, const std::string &bytes) {
  fs::path temporary = output;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush())
      return false;
  }
  std::error_code ec;
  fs::rename(temporary, output, ec);
  return !ec;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 3) {
    fmt::print(stderr, "usage: cairn_stdlib_image STDLIB_DIR OUTPUT\n");
    return 2;
  }
  cairn::StdlibImageBuild build;
  try {
    build = cairn::buildStdlibImage(argv[1]);
  } catch (const fs::filesystem_error &e) {
    fmt::print(stderr, "cairn_stdlib_image: error: {}\n", e.what());
    return 1;
  }
  // Left out means parsed at every load, with its diagnostics: worth a look.
  for (const std::string &why : build.leftOut)
    fmt::print(stderr, "cairn_stdlib_image: warning: not precompiled: {}\n", why);
  if (!writeAtomically(argv[2], build.bytes)) {
    fmt::print(stderr, "cairn_stdlib_image: error: cannot write {}\n", argv[2]);
    return 1;
  }
  fmt::print("cairn_stdlib_image: {} modules precompiled into {}\n", build.stored.size(), argv[2]);
  return 0;
}
