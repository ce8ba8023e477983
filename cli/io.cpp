#include "cli/io.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "frontend/diag_render.h"

namespace cairn::cli {

std::filesystem::path resolvePath(const std::filesystem::path &workingDir, const std::string &path) {
  std::filesystem::path p(path);
  return p.is_absolute() ? p : workingDir / p;
}

ReadResult readTextFile(const std::filesystem::path &path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return {std::nullopt, "is a directory"};
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return {std::nullopt, std::strerror(errno)};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad())
    return {std::nullopt, std::strerror(errno)};
  return {buffer.str(), {}};
}

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
