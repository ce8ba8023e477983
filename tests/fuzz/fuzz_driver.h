// Runs the `cairn` driver in-process on one fuzz input given as standard
// input; aborts (a finding) when the driver reports an internal error.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/driver.h"

inline void runDriverOnInput(const std::vector<std::string> &args, std::string input,
                             std::vector<std::filesystem::path> stdlibDirs = {},
                             std::filesystem::path workingDir = std::filesystem::temp_directory_path()) {
  std::ostringstream out, err;
  cairn::cli::DriverIO io;
  io.workingDir = std::move(workingDir);
  io.readStdin = [&](uint64_t maxBytes) { return input.substr(0, maxBytes); };
  io.out = &out;
  io.err = &err;
  io.stdlibDirs = std::move(stdlibDirs);
  if (cairn::cli::runDriver(args, io) == cairn::cli::kExitInternal)
    std::abort();
}
