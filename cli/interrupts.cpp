#include "cli/interrupts.h"

#include <csignal>
#include <cstring>
#include <thread>

#include <unistd.h>

namespace cairn::cli {
namespace {

sigset_t interruptSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

// Runs on its own thread: an ordinary thread may take locks and free
// memory, which a signal handler may not.
[[noreturn]] void waitForInterrupt(sigset_t set, backends::TempPaths *temps) {
  int signal = 0;
  while (sigwait(&set, &signal) != 0) {
  }
  temps->removeAll();
  const char *name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "SIGHUP";
  char message[64];
  int length = snprintf(message, sizeof message, "\ncairn: interrupted by %s\n", name);
  if (length > 0 && write(STDERR_FILENO, message, static_cast<size_t>(length)) < 0) {
    // Nothing more can be said when stderr is gone.
  }
  // No destructors or atexit handlers: other threads are still running.
  _exit(exitCodeForSignal(signal));
}

} // namespace

InterruptHandler::InterruptHandler(backends::TempPaths &temps) {
  sigset_t set = interruptSignals();
  if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0)
    return; // signals then keep their default action: the process dies, outputs stay atomic
  std::thread(waitForInterrupt, set, &temps).detach();
}

} // namespace cairn::cli
