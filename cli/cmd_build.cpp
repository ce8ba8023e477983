// `cairn build`: compile, then render the emitted documents and write them
// to stdout, a file or a directory. Nothing is written when anything failed.
#include <fmt/format.h>

#include "backends/output_writer.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "cli/pipeline.h"

namespace cairn::cli {
namespace {

// An unknown --format, or `dir` without -o: usage errors, found before any work.
std::optional<std::string> formatUsageError(const Options &options, const backends::Emitter *emitter) {
  if (!emitter) {
    std::string known;
    for (const std::string &name : backends::emitterNames())
      known += (known.empty() ? "`" : ", `") + name + "`";
    return fmt::format("unknown format `{}`; expected one of {}", options.format, known);
  }
  if (emitter->shape() == backends::OutputShape::Directory && !options.outputPath)
    return fmt::format("`--format {}` writes a directory; give it with `-o DIR`", options.format);
  return std::nullopt;
}

bool writeFailed(const DiagnosticSink &diags) {
  for (const Diagnostic &d : diags.diagnostics())
    if (d.kind == DiagKind::OutputWriteFailed)
      return true;
  return false;
}

} // namespace

int runBuild(const Options &options, DriverIO &io) {
  std::unique_ptr<backends::Emitter> emitter = backends::createEmitter(options.format);
  if (auto error = formatUsageError(options, emitter.get())) {
    *io.err << "cairn: error: " << *error << "\nRun `cairn build --help` for usage.\n";
    return kExitUsage;
  }
  std::unique_ptr<Compilation> c = compile(options, io, /*collectLetsOfEntry=*/false);
  if (!c->ok()) {
    printDiagnostics(*c, options, io);
    return kExitInputErrors;
  }
  backends::OutputTarget target;
  target.temps = io.temps;
  if (options.maxOutput)
    target.maxBytes = *options.maxOutput;
  if (options.outputPath) {
    target.path = resolvePath(io.workingDir, *options.outputPath);
    target.displayPath = *options.outputPath;
  }
  emitter->setOutputLimit(target.maxBytes);
  bool written = backends::emitDocuments(*emitter, c->evaluation->documents, target, *io.out, c->diags);
  printDiagnostics(*c, options, io);
  if (written)
    return kExitOk;
  return writeFailed(c->diags) ? kExitOutputFailed : kExitInputErrors;
}

} // namespace cairn::cli
