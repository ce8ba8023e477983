// Ctrl-C and `kill`. SIGINT, SIGTERM and SIGHUP are blocked in every thread
// and taken by one waiting thread, which removes the temporary outputs being
// written (backends/temp_paths.h) and exits with 128 + the signal number
// (130, 143, 129; docs/cli.md). Whatever the interrupt hits, an earlier
// output file or directory is left as it was, or already wholly replaced.
#pragma once

#include "backends/temp_paths.h"

namespace cairn::cli {

// Exit code for a process stopped by `signal`, as shells report it.
constexpr int exitCodeForSignal(int signal) { return 128 + signal; }

// Blocks the signals and starts the waiting thread. Construct it in main()
// before any other thread exists (threads inherit the blocked set); it lives
// until the process exits.
class InterruptHandler {
public:
  explicit InterruptHandler(backends::TempPaths &temps);
  InterruptHandler(const InterruptHandler &) = delete;
  InterruptHandler &operator=(const InterruptHandler &) = delete;
};

} // namespace cairn::cli
