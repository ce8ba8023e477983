// The `cairn` executable: gathers what the process knows (working directory,
// standard streams, terminal, environment, install location) into a DriverIO
// and runs the driver. Everything else lives in cairn_driver.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <iterator>

#include <unistd.h>

#include "backends/temp_paths.h"
#include "cli/driver.h"
#include "cli/interrupts.h"
#include "eval/stack_thread.h"

namespace {

std::filesystem::path executableDir(const char *argv0) {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec)
    exe = std::filesystem::absolute(argv0, ec);
  return exe.parent_path();
}

// The installed layout (bin/cairn + share/cairn/stdlib) and the build tree
// layout (build/cairn + build/stdlib), whichever exist, in that order.
std::vector<std::filesystem::path> stdlibDirs(const std::filesystem::path &exeDir) {
  std::vector<std::filesystem::path> dirs;
  for (const std::filesystem::path &dir : {exeDir / ".." / "share" / "cairn" / "stdlib", exeDir / "stdlib"}) {
    std::error_code ec;
    // The directory keeps its own name even when it is a link (build/stdlib
    // links to the sources): its precompiled image sits beside the link.
    if (std::filesystem::is_directory(dir, ec))
      dirs.push_back(std::filesystem::weakly_canonical(dir.parent_path(), ec) / dir.filename());
  }
  return dirs;
}

std::string readStdinUpTo(uint64_t maxBytes) {
  std::string text;
  char buffer[1 << 16];
  while (text.size() < maxBytes && std::cin) {
    std::cin.read(buffer, static_cast<std::streamsize>(std::min<uint64_t>(sizeof buffer, maxBytes - text.size())));
    text.append(buffer, static_cast<size_t>(std::cin.gcount()));
  }
  return text;
}

} // namespace

int main(int argc, char **argv) {
  cairn::backends::TempPaths temps;
  cairn::cli::InterruptHandler interrupts(temps);
  std::ios::sync_with_stdio(false);
  // `cairn lsp` reads on one thread and writes on others: a tied cin would
  // flush cout from the reader, outside the writers' lock.
  std::cin.tie(nullptr);
  cairn::cli::DriverIO io;
  std::error_code ec;
  io.workingDir = std::filesystem::current_path(ec);
  if (ec) {
    std::cerr << "cairn: error: cannot determine the current directory: " << ec.message() << '\n';
    return cairn::cli::kExitInternal;
  }
  io.readStdin = readStdinUpTo;
  io.in = &std::cin;
  io.out = &std::cout;
  io.err = &std::cerr;
  io.stderrIsTerminal = isatty(STDERR_FILENO) == 1;
  io.stdoutIsTerminal = isatty(STDOUT_FILENO) == 1;
  const char *noColor = std::getenv("NO_COLOR");
  io.noColorEnv = noColor != nullptr && *noColor != '\0';
  io.stdlibDirs = stdlibDirs(executableDir(argv[0]));
  io.temps = &temps;
  std::vector<std::string> args(argv + 1, argv + argc);
  // The phases recurse once per nesting level of the input (bounded by the
  // parser, E0112, and the call limit, E0507); a large stack keeps them clear
  // of the main thread's 8 MiB in every build. Untouched pages cost nothing.
  constexpr size_t kDriverStack = 256u << 20;
  int code = cairn::cli::kExitInternal;
  cairn::eval::runWithStack(kDriverStack, [&] { code = cairn::cli::runDriver(args, io); });
  return code;
}
