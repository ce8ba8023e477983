// `cairn fmt [--check] [-w] FILE|DIR|-...`: the canonical layout of Cairn
// sources (format/format.h). Prints the formatted text, rewrites files in place
// (-w), or lists the files that would change (--check, for CI).
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <unistd.h>
#include <system_error>

#include "backends/output_writer.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "format/format.h"

namespace cairn::cli {

namespace fs = std::filesystem;

namespace {

struct FmtTarget {
  std::string display;          // the path as the user wrote it (or "<stdin>")
  std::optional<fs::path> path; // none: standard input
};

bool isHidden(const fs::path &path) {
  std::string name = path.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

// Every *.cairn file below `dir`, sorted, skipping hidden directories.
void collectDirectory(const std::string &display, const fs::path &dir, std::vector<FmtTarget> &targets,
                      DiagnosticSink &diags) {
  std::error_code ec;
  std::vector<fs::path> found;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && isHidden(it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->path().extension() == ".cairn" && it->is_regular_file(ec))
      found.push_back(it->path());
  }
  if (ec)
    diags.report(DiagKind::CannotReadInput, Span{}, display, ec.message());
  std::sort(found.begin(), found.end());
  for (const fs::path &file : found)
    targets.push_back({(fs::path(display) / file.lexically_relative(dir)).generic_string(), file});
}

std::vector<FmtTarget> collectTargets(const Options &options, DriverIO &io, DiagnosticSink &diags) {
  std::vector<FmtTarget> targets;
  for (const std::string &input : options.inputs) {
    if (input == "-") {
      targets.push_back({"<stdin>", std::nullopt});
      continue;
    }
    fs::path path = resolvePath(io.workingDir, input);
    std::error_code ec;
    if (fs::is_directory(path, ec))
      collectDirectory(input, path, targets, diags);
    else
      targets.push_back({input, path});
  }
  return targets;
}

struct FmtRun {
  bool inputErrors = false;
  bool wouldChange = false;
  bool writeFailed = false;
  std::string stdoutText;
};

void formatTarget(const FmtTarget &target, const Options &options, DriverIO &io, SourceManager &sources,
                  DiagnosticSink &diags, FmtRun &run) {
  std::string text;
  ReadResult read = target.path ? readTextFile(*target.path, maxSourceBytes(options))
                                : readStdinText(io, maxSourceBytes(options));
  if (!read.text) {
    diags.report(DiagKind::CannotReadInput, Span{}, target.display, read.error);
    run.inputErrors = true;
    return;
  }
  text = std::move(*read.text);
  FileId file = sources.add(target.display, text);
  std::optional<std::string> formatted = format::formatSource(sources, file, diags);
  if (!formatted) {
    run.inputErrors = true;
    return;
  }
  bool changed = *formatted != text;
  if (options.fmtCheck) {
    if (changed) {
      run.wouldChange = true;
      run.stdoutText += target.display + "\n";
    }
    return;
  }
  if (options.fmtWrite && target.path) {
    if (!changed)
      return;
    std::string error;
    // The new text replaces the file a symlink points to, not the link; a
    // read-only file stays as it is (the rename would not ask its permission).
    std::error_code ec;
    std::filesystem::path destination = std::filesystem::canonical(*target.path, ec);
    if (ec)
      destination = *target.path;
    if (::access(destination.c_str(), W_OK) != 0) {
      error = "the file is read-only";
    } else if (::access(destination.parent_path().c_str(), W_OK) != 0) {
      error = fmt::format("its directory `{}` is read-only (the file is replaced through a temporary file there)",
                          destination.parent_path().string());
    }
    if (!error.empty() || !backends::writeFileAtomically(destination, *formatted, error, io.temps)) {
      diags.report(DiagKind::OutputWriteFailed, Span{}, target.display, error);
      run.writeFailed = true;
    }
    return;
  }
  run.stdoutText += *formatted; // standard input under -w has no file to rewrite
}

} // namespace

int runFmt(const Options &options, DriverIO &io) {
  SourceManager sources;
  DiagnosticSink diags;
  FmtRun run;
  std::vector<FmtTarget> targets = collectTargets(options, io, diags);
  run.inputErrors = diags.hasErrors();
  for (const FmtTarget &target : targets)
    formatTarget(target, options, io, sources, diags, run);
  printHumanDiagnostics(diags.diagnostics(), sources, io);
  int written = run.stdoutText.empty() ? kExitOk : writeStdout(run.stdoutText, io);
  if (written != kExitOk || run.writeFailed)
    return kExitOutputFailed;
  if (run.inputErrors || run.wouldChange)
    return kExitInputErrors;
  return kExitOk;
}

std::string fmtUsage() {
  return R"(usage: cairn fmt [--check | -w] FILE|DIR|- ...

Formats Cairn sources in the one canonical layout (docs/formatting.md):
comments are kept, the meaning never changes, and formatting twice gives the
same text. A directory stands for every *.cairn file below it (hidden
directories skipped); `-` reads standard input.

  (no flag)     print the formatted text of every file to standard output,
                one after the other
  -w, --write   rewrite the files that change, in place (atomically);
                standard input is still printed
  --check       change nothing; print the path of every file that would
                change and exit 1 if there is one (for CI)

A file with syntax errors is left alone and reported; the other files are
still formatted. Exit codes: 0 ok, 1 syntax errors or (--check) files to
format, 2 usage error, 3 a file could not be written.
)";
}

} // namespace cairn::cli
