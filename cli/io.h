// Small file-system helpers for the driver: every path is resolved against
// the driver's working directory, never the process's.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/driver.h"
#include "frontend/diagnostic.h"
#include "frontend/source.h"

namespace cairn::cli {

// `path` if absolute, else `workingDir / path`.
std::filesystem::path resolvePath(const std::filesystem::path &workingDir, const std::string &path);

// The whole file, or an error message ("No such file or directory", "is a directory").
struct ReadResult {
  std::optional<std::string> text;
  std::string error;
};
ReadResult readTextFile(const std::filesystem::path &path);

// Writes `text` to the driver's stdout; kExitOk, or kExitOutputFailed after
// a message on stderr.
int writeStdout(const std::string &text, DriverIO &io);

// Human diagnostics, sorted by position, then the summary line, on the
// driver's stderr (colour as for a terminal); nothing when `diags` is empty.
// For commands without a --diagnostics flag (import).
void printHumanDiagnostics(std::vector<Diagnostic> diags, const SourceManager &sources, DriverIO &io);

} // namespace cairn::cli
