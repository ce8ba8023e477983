#include "cli/driver.h"

#include <exception>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/help.h"
#include "cli/io.h"

namespace cairn::cli {
namespace {

int reportUsageError(const UsageError &error, DriverIO &io) {
  *io.err << "cairn: error: " << error.message << '\n';
  if (!error.hint.empty())
    *io.err << "  hint: " << error.hint << '\n';
  std::string help = error.command.empty() ? "cairn --help" : fmt::format("cairn {} --help", error.command);
  *io.err << "Run `" << help << "` for usage.\n";
  return kExitUsage;
}

int dispatch(const Options &options, DriverIO &io) {
  if (options.showHelp)
    return writeStdout(commandHelp(options.command), io);
  switch (options.command) {
  case Command::Build: return runBuild(options, io);
  case Command::Check: return runCheck(options, io);
  case Command::Eval: return runEval(options, io);
  case Command::Validate: return runValidate(options, io);
  case Command::Import: return runImport(options, io);
  case Command::Lint: return runLint(options, io);
  case Command::Fmt: return runFmt(options, io);
  case Command::Lsp: return runLsp(options, io);
  case Command::Version: return writeStdout(versionText(), io);
  case Command::Help:
    return writeStdout(options.helpTopic.empty() ? overviewHelp()
                                               : commandHelp(*commandFromName(options.helpTopic)),
                     io);
  }
  return kExitInternal;
}

} // namespace

int runDriver(const std::vector<std::string> &args, DriverIO &io) {
  try {
    ParseResult parsed = parseCommandLine(args);
    if (auto *error = std::get_if<UsageError>(&parsed))
      return reportUsageError(*error, io);
    return dispatch(std::get<Options>(parsed), io);
  } catch (const std::exception &e) {
    *io.err << "cairn: internal error: " << e.what()
            << "\nThis is a bug in cairn, not in your input; please report it with the command you ran.\n";
  } catch (...) {
    *io.err << "cairn: internal error: unknown exception"
            << "\nThis is a bug in cairn, not in your input; please report it with the command you ran.\n";
  }
  return kExitInternal;
}

} // namespace cairn::cli
