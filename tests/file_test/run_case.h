// Runs one file test through the driver, in-process, in a fresh temporary
// directory holding the case's files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "case_file.h"

namespace cairn::filetest {

struct CaseResult {
  int exitCode = 0;
  std::string stdoutText; // the temporary directory's path replaced by `.`
  std::string stderrText;
  std::string setupError; // non-empty if the case could not be run at all
};

struct RunSettings {
  std::vector<std::filesystem::path> stdlibDirs;
  bool keepTempDirs = false;
};

CaseResult runCase(const TestCase &testCase, const RunSettings &settings);

} // namespace cairn::filetest
