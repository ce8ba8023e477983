// Runs the `cairn` driver in-process, as the binary would run, with the
// source tree's standard library, and keeps what it printed.
#pragma once

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/driver.h"

namespace cairn::cli::testing {

struct DriverRun {
  int exit = -1;
  std::string out, err;
};

inline DriverRun drive(const std::vector<std::string> &args, const std::filesystem::path &workingDir,
                       const std::string &stdinText = "") {
  std::ostringstream out, err;
  DriverIO io;
  io.workingDir = workingDir;
  io.out = &out;
  io.err = &err;
  io.readStdin = [stdinText](uint64_t maxBytes) { return stdinText.substr(0, maxBytes); };
  io.stdlibDirs = {std::filesystem::path(CAIRN_SOURCE_DIR) / "stdlib"};
  DriverRun r;
  r.exit = runDriver(args, io);
  r.out = out.str();
  r.err = err.str();
  return r;
}

} // namespace cairn::cli::testing
