#include "cli/io.h"

#include "frontend/diag_render.h"
#include "frontend/input_file.h"

namespace cairn::cli {

std::filesystem::path resolvePath(const std::filesystem::path &workingDir, const std::string &path) {
  std::filesystem::path p(path);
  return p.is_absolute() ? p : workingDir / p;
}

ReadResult readTextFile(const std::filesystem::path &path, uint64_t maxBytes) {
  std::string text, error;
  if (!readInputFile(path, maxBytes, text, error))
    return {std::nullopt, std::move(error)};
  return {std::move(text), {}};
}

ReadResult readStdinText(DriverIO &io, uint64_t maxBytes) {
  if (!io.readStdin)
    return {std::string(), {}};
  std::string text = io.readStdin(maxBytes == UINT64_MAX ? maxBytes : maxBytes + 1);
  if (text.size() > maxBytes)
    return {std::nullopt, inputTooLargeMessage(maxBytes)};
  return {std::move(text), {}};
}

uint64_t maxSourceBytes(const Options &options) { return options.maxFileSize.value_or(kDefaultMaxSourceBytes); }

uint64_t maxDataBytes(const Options &options) { return options.maxFileSize.value_or(kDefaultMaxDataBytes); }

int writeStdout(const std::string &text, DriverIO &io) {
  io.out->write(text.data(), static_cast<std::streamsize>(text.size()));
  io.out->flush();
  if (io.out->good())
    return kExitOk;
  *io.err << "cairn: error: cannot write to standard output\n";
  return kExitOutputFailed;
}

void printHumanDiagnostics(std::vector<Diagnostic> diags, const SourceManager &sources, DriverIO &io) {
  if (diags.empty())
    return;
  sortDiagnostics(diags, sources);
  DiagRenderOptions render;
  render.color = shouldUseColor(io.stderrIsTerminal, io.noColorEnv);
  *io.err << renderDiagnostics(diags, sources, DiagRenderFormat::Human, render)
          << diagnosticSummary(diags, render.color) << '\n';
  io.err->flush();
}

} // namespace cairn::cli
