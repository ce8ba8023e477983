// `cairn check`: the build pipeline without output; the exit code says
// whether `cairn build` would succeed.
#include "cli/commands.h"
#include "cli/pipeline.h"

namespace cairn::cli {

int runCheck(const Options &options, DriverIO &io) {
  std::unique_ptr<Compilation> compilation = compile(options, io, /*collectLetsOfEntry=*/false);
  printDiagnostics(*compilation, options, io);
  return compilation->ok() ? kExitOk : kExitInputErrors;
}

} // namespace cairn::cli
