#include "run_case.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/driver.h"

namespace cairn::filetest {
namespace {

std::string makeTempDir() {
  std::error_code ec;
  std::filesystem::path base = std::filesystem::temp_directory_path(ec);
  if (ec)
    base = "/tmp";
  std::string pattern = (base / "cairn-file-test-XXXXXX").string();
  if (!mkdtemp(pattern.data()))
    return {};
  return pattern;
}

bool writeFile(const std::filesystem::path &path, const std::string &text) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

void replaceAll(std::string &text, const std::string &from, const std::string &to) {
  if (from.empty())
    return;
  for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
}

// Outputs must not depend on where the case ran.
void hideTempDir(std::string &text, const std::filesystem::path &dir) {
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::canonical(dir, ec);
  if (!ec && canonical != dir)
    replaceAll(text, canonical.string(), ".");
  replaceAll(text, dir.string(), ".");
}

} // namespace

CaseResult runCase(const TestCase &testCase, const RunSettings &settings) {
  CaseResult result;
  std::filesystem::path dir = makeTempDir();
  if (dir.empty()) {
    result.setupError = "cannot create a temporary directory";
    return result;
  }
  for (const CaseFile &file : testCase.files) {
    if (!writeFile(dir / file.relativePath, file.text)) {
      result.setupError = "cannot write " + file.relativePath + " in a temporary directory";
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
      return result;
    }
  }

  std::ostringstream out, err;
  cli::DriverIO io;
  io.workingDir = dir;
  io.out = &out;
  io.err = &err;
  io.stdlibDirs = settings.stdlibDirs;
  std::string stdinText = testCase.stdinText.value_or("");
  io.readStdin = [stdinText](uint64_t maxBytes) { return stdinText.substr(0, maxBytes); };
  result.exitCode = cli::runDriver(testCase.args, io);
  result.stdoutText = out.str();
  result.stderrText = err.str();
  hideTempDir(result.stdoutText, dir);
  hideTempDir(result.stderrText, dir);

  if (!settings.keepTempDirs) {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  return result;
}

} // namespace cairn::filetest
