// The whole `cairn` command line as a function. Everything the process would
// give a command (working directory, standard streams, terminal, standard
// library) comes in through DriverIO, so many drivers can run in parallel in
// one process (the file-test runner does) and none touches global state.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace cairn::backends {
class TempPaths;
}

namespace cairn::cli {

// Exit codes, documented in docs/cli.md and in `cairn --help`.
enum ExitCode : int {
  kExitOk = 0,
  kExitInputErrors = 1, // diagnostics with errors
  kExitUsage = 2,       // unknown command or flag, missing argument
  kExitOutputFailed = 3,
  kExitInternal = 4,    // a caught exception: a bug in cairn
};

struct DriverIO {
  // Relative paths on the command line are resolved against this directory.
  std::filesystem::path workingDir;
  // Returns standard input, at most `maxBytes` of it (the caller asks for one
  // byte more than its limit to tell "too large"); called at most once, and
  // only when `-` is used.
  std::function<std::string(uint64_t maxBytes)> readStdin;
  // Standard input as a stream, for `cairn lsp` (which reads messages as they
  // come instead of all of stdin at once).
  std::istream *in = nullptr;
  std::ostream *out = nullptr;
  std::ostream *err = nullptr;
  // Colour in human diagnostics needs both: stderr is a terminal and NO_COLOR is unset.
  bool stderrIsTerminal = false;
  bool stdoutIsTerminal = false; // colour in `lint`'s text report

  bool noColorEnv = false;
  // Searched, in order, for non-relative imports ("k8s/apps/v1").
  std::vector<std::filesystem::path> stdlibDirs;
  // Temporary output files are registered here while they exist, so that an
  // interrupt can remove them (cli/interrupts.h); null: not registered.
  backends::TempPaths *temps = nullptr;
};

// Runs `cairn args...` (`args` excludes the program name) and returns the exit code.
// Never throws: an exception inside becomes a message and kExitInternal.
int runDriver(const std::vector<std::string> &args, DriverIO &io);

} // namespace cairn::cli
