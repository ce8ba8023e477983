// The text of `cairn help`, `cairn <command> --help` and `cairn version`.
#pragma once

#include <string>

#include "cli/options.h"

namespace cairn::cli {

// The overview: what Cairn is, the commands, the exit codes.
std::string overviewHelp();
// One command's usage, flags and exit codes.
std::string commandHelp(Command command);
// "cairn 0.1.0"
std::string versionText();

} // namespace cairn::cli
