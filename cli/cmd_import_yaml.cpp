// `cairn import yaml FILE...|DIR|- -o DIR`: manifests -> typed Cairn, one
// module per input file (directories are searched for .yaml, .yml and .json
// files). Everything is generated and checked first; files are written only
// when every input imported, each one replaced atomically.
#include <algorithm>

#include <fmt/format.h>

#include "backends/output_writer.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "importers/yaml_import.h"
#include "importers/yaml_import_verify.h"

namespace cairn::cli {
namespace {

namespace fs = std::filesystem;

bool isManifestFile(const fs::path &path) {
  std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

// Files below `dir` in a stable order, skipping hidden files and directories
// (`.git`); each with its path relative to `dir`.
std::vector<fs::path> manifestFilesIn(const fs::path &dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind('.', 0) == 0) {
      if (it->is_directory(ec))
        it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && isManifestFile(it->path()))
      files.push_back(it->path().lexically_relative(dir));
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct CollectedInputs {
  std::vector<importers::YamlInput> inputs;
  std::vector<std::string> relativeNames; // for outputNames
  DiagnosticSink diags;                   // E0705
  uint64_t maxBytes = kDefaultMaxDataBytes; // --max-file-size
};

void addFile(const fs::path &path, const std::string &display, const std::string &relative,
             CollectedInputs &out) {
  ReadResult read = readTextFile(path, out.maxBytes);
  if (!read.text) {
    out.diags.report(DiagKind::CannotReadInput, Span{}, display, read.error);
    return;
  }
  out.inputs.push_back({display, std::move(*read.text), {}});
  out.relativeNames.push_back(relative);
}

void collectInputs(const Options &options, DriverIO &io, CollectedInputs &out) {
  bool stdinRead = false;
  for (const std::string &arg : options.inputs) {
    if (arg == "-") {
      if (stdinRead) {
        out.diags.report(DiagKind::CannotReadInput, Span{}, "-", "standard input can be read only once");
        continue;
      }
      stdinRead = true;
      ReadResult read = readStdinText(io, out.maxBytes);
      if (!read.text) {
        out.diags.report(DiagKind::CannotReadInput, Span{}, "<stdin>", read.error);
        continue;
      }
      out.inputs.push_back({"<stdin>", std::move(*read.text), {}});
      out.relativeNames.push_back("-");
      continue;
    }
    fs::path path = resolvePath(io.workingDir, arg);
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      addFile(path, arg, fs::path(arg).filename().string(), out);
      continue;
    }
    std::vector<fs::path> files = manifestFilesIn(path);
    if (files.empty())
      out.diags.report(DiagKind::CannotReadInput, Span{}, arg, "the directory holds no .yaml, .yml or .json files");
    for (const fs::path &file : files)
      addFile(path / file, (fs::path(arg) / file).generic_string(), file.generic_string(), out);
  }
  std::vector<std::string> names = importers::outputNames(out.relativeNames);
  for (size_t i = 0; i < out.inputs.size(); ++i)
    out.inputs[i].outputName = names[i];
}

int writeFiles(const std::vector<importers::ImportedFile> &files, const fs::path &dir, const std::string &shownDir,
               DriverIO &io) {
  DiagnosticSink diags;
  bool anyWritten = false;
  for (const importers::ImportedFile &file : files) {
    fs::path target = dir / file.outputName;
    std::string shown = (fs::path(shownDir) / file.outputName).generic_string();
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    std::string error = ec ? ec.message() : std::string();
    if (!ec && backends::writeFileAtomically(target, file.text, error, io.temps)) {
      size_t objects = file.origins.size();
      *io.out << fmt::format("wrote {}: {} object{} from {}\n", shown, objects, objects == 1 ? "" : "s",
                             file.sourceName);
      anyWritten = true;
      continue;
    }
    diags.report(DiagKind::OutputWriteFailed, Span{}, shown, error)
        .note(anyWritten ? "the files listed above were written; the others are unchanged" : "nothing was written");
    printHumanDiagnostics(diags.take(), SourceManager(), io);
    return kExitOutputFailed;
  }
  return kExitOk;
}

} // namespace

int runImportYaml(const Options &options, DriverIO &io) {
  CollectedInputs collected;
  collected.maxBytes = maxDataBytes(options);
  collectInputs(options, io, collected);
  if (collected.diags.hasErrors()) {
    printHumanDiagnostics(collected.diags.take(), SourceManager(), io);
    return kExitInputErrors;
  }
  importers::YamlImportOptions importOptions;
  importOptions.library.workingDir = io.workingDir;
  importOptions.library.stdlibDirs = io.stdlibDirs;
  for (const std::string &location : options.schemaLocations)
    importOptions.library.schemaLocations.emplace_back(location);
  fs::path outputDir = fs::absolute(resolvePath(io.workingDir, *options.outputPath));
  importOptions.outputDir = outputDir;

  std::unique_ptr<importers::YamlImportResult> result = importers::importYaml(collected.inputs, importOptions);
  printHumanDiagnostics(result->diagnostics, result->sources, io);
  if (result->hasErrors())
    return kExitInputErrors;

  std::unique_ptr<importers::Verification> check = importers::verifyImport(*result, importOptions);
  printHumanDiagnostics(check->diags.diagnostics(), check->program.sources, io);
  if (!check->internalError.empty()) {
    *io.err << "cairn: internal error: " << check->internalError
            << "\nThis is a bug in cairn, not in your input; please report it with the command you ran.\n";
    return kExitInternal;
  }
  if (check->diags.hasErrors())
    return kExitInputErrors;

  int written = writeFiles(result->files, outputDir, *options.outputPath, io);
  if (written == kExitOk && std::any_of(result->files.begin(), result->files.end(),
                                        [](const importers::ImportedFile &f) { return f.importsOutsideOutput; }))
    *io.out << "note: the modules import files outside " << *options.outputPath
            << "; build them with `--root` set to a directory that holds both\n";
  return written;
}

} // namespace cairn::cli
