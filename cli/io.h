// Small file-system helpers for the driver: every path is resolved against
// the driver's working directory, never the process's.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/driver.h"
#include "cli/options.h"
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
// Refuses a file over `maxBytes` (see frontend/input_file.h).
ReadResult readTextFile(const std::filesystem::path &path, uint64_t maxBytes);

// Standard input through the driver, under the same bound; empty when the
// driver has none.
ReadResult readStdinText(DriverIO &io, uint64_t maxBytes);

// The bounds of `--max-file-size` (one flag for both), else the defaults.
uint64_t maxSourceBytes(const Options &options);
uint64_t maxDataBytes(const Options &options);

// Writes `text` to the driver's stdout; kExitOk, or kExitOutputFailed after
// a message on stderr.
int writeStdout(const std::string &text, DriverIO &io);

// Human diagnostics, sorted by position, then the summary line, on the
// driver's stderr (colour as for a terminal); nothing when `diags` is empty.
// For commands without a --diagnostics flag (import).
void printHumanDiagnostics(std::vector<Diagnostic> diags, const SourceManager &sources, DriverIO &io);

} // namespace cairn::cli
