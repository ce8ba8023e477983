// Writing rendered output so that a failed or interrupted build never leaves
// partial output behind:
//   - standard output: everything is rendered first and written only if
//     rendering succeeded;
//   - a file: written to a temporary file in the same directory while it is
//     rendered, flushed to disk, then renamed over the target (atomic on
//     POSIX); on any failure the temporary file is removed;
//   - a directory (`dir` format): the whole tree is built in a temporary
//     sibling directory, then swapped in with one rename (renameat2
//     RENAME_EXCHANGE where the file system has it) and the old tree removed.
//     An existing directory is only replaced if it is empty or was written by
//     cairn (it holds a `.cairn-output` marker file), so `-o src` can never
//     delete a user's sources.
// I/O failures are E0603 (no source location); output over the size limit is E0605.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "backends/emitter.h"
#include "backends/temp_paths.h"

namespace cairn::backends {

// Name of the marker file in every directory the `dir` format writes.
inline constexpr const char *kOutputMarker = ".cairn-output";

struct OutputTarget {
  std::optional<std::filesystem::path> path; // resolved -o; none: standard output
  std::string displayPath;                   // -o as the user wrote it, for messages
  uint64_t maxBytes = uint64_t(1) << 30;     // E0605 above this (--max-output)
  TempPaths *temps = nullptr;                // where temporary files are registered; may be null
};

// Renders `documents` with `emitter` and writes the result to `target` (or
// `standardOutput`). Nothing is written unless rendering succeeded.
bool emitDocuments(const Emitter &emitter, llvm::ArrayRef<eval::Value> documents, const OutputTarget &target,
                   std::ostream &standardOutput, DiagnosticSink &diags);

// The steps, for callers that render themselves (`cairn eval`). Each returns
// false with a reason in `error` ("Permission denied").
// `temps` (may be null) holds the temporary file or directory while it exists.
bool writeFileAtomically(const std::filesystem::path &path, llvm::StringRef content, std::string &error,
                         TempPaths *temps = nullptr);
bool replaceDirectory(const std::filesystem::path &dir, llvm::ArrayRef<OutputFile> files, std::string &error,
                      TempPaths *temps = nullptr);

} // namespace cairn::backends
