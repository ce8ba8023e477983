// One function per compiling command; each returns the process exit code.
// Usage errors are found before these run (options.cpp).
#pragma once

#include "cli/driver.h"
#include "cli/options.h"

namespace cairn::cli {

int runBuild(const Options &options, DriverIO &io);
int runCheck(const Options &options, DriverIO &io);
int runEval(const Options &options, DriverIO &io);

} // namespace cairn::cli
