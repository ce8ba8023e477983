// `cairn validate FILE...|DIR|-`: Kubernetes manifests checked against the
// standard library's kinds and those of --schema-location directories.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/io.h"
#include "cli/manifest_inputs.h"
#include "frontend/diag_render.h"
#include "manifest/report.h"
#include "manifest/validate_run.h"

namespace cairn::cli {
namespace {

manifest::RunOptions runOptions(const Options &options, const DriverIO &io) {
  manifest::RunOptions run;
  run.strict = options.strict;
  run.ignoreMissingSchemas = options.ignoreMissingSchemas;
  run.skipKinds = options.skipKinds;
  run.rejectKinds = options.rejectKinds;
  run.library.workingDir = io.workingDir;
  run.library.stdlibDirs = io.stdlibDirs;
  for (const std::string &location : options.schemaLocations)
    run.library.schemaLocations.emplace_back(location);
  return run;
}

} // namespace

int runValidate(const Options &options, DriverIO &io) {
  SourceManager sources;
  std::vector<FileId> files;
  DiagnosticSink inputProblems;
  collectManifestInputs(options.inputs, io, sources, files, inputProblems, maxDataBytes(options));
  manifest::RunResult run = manifest::validateFiles(sources, files, runOptions(options, io));
  manifest::ReportInput input{run, sources, inputProblems.diagnostics()};
  int exitCode = run.failed() || inputProblems.hasErrors() ? kExitInputErrors : kExitOk;

  if (options.format == "text") {
    DiagRenderOptions render;
    render.color = shouldUseColor(io.stderrIsTerminal, io.noColorEnv);
    manifest::TextReport text = manifest::renderText(input, options.verbose, options.summary, render);
    *io.err << text.err;
    io.err->flush();
    int written = text.out.empty() ? kExitOk : writeStdout(text.out, io);
    return written != kExitOk ? written : exitCode;
  }
  std::string report = options.format == "json"    ? manifest::renderJson(input)
                       : options.format == "junit" ? manifest::renderJunit(input)
                                                   : manifest::renderTap(input);
  int written = writeStdout(report, io);
  return written != kExitOk ? written : exitCode;
}

std::string validateUsage() {
  return R"(Usage: cairn validate FILE...|DIR|- [flags]

Checks Kubernetes manifests (YAML or JSON, several documents per file, `List`
kinds) against the built-in Kubernetes types and the kinds of --schema-location
directories: field types, required fields, enums, patterns and ranges, and with
--strict unknown fields. A directory is searched for *.yaml, *.yml and *.json
files; `-` reads standard input. Every problem names the file, line, column and
field path. Exit code 1 when any object is invalid or could not be checked.

Flags:
      --strict             unknown fields and duplicate keys are errors
      --ignore-missing-schemas
                           skip objects whose kind has no schema instead of failing
      --skip KIND[,KIND]   do not check these kinds (`Secret` or `v1/Secret`; repeatable)
      --reject KIND[,KIND] report objects of these kinds as invalid (repeatable)
      --schema-location DIR
                           more kinds: a directory of Cairn modules, e.g. from
                           `cairn import crd -o DIR` (repeatable)
  -o, --format FORMAT  text (default): diagnostics on standard error
                           json, junit or tap: a report on standard output
                           (`--output FORMAT` is the same)
      --summary            print the totals (valid, invalid, errors, skipped)
  -v, --verbose            (text) print a line for every object, valid ones too
  -h, --help               show this help
)";
}

} // namespace cairn::cli
