// `cairn import crd FILE|DIR|-... -o DIR`: CustomResourceDefinitions -> one
// Cairn module per group/version in DIR, plus DIR/kinds.json so that
// `cairn validate --schema-location DIR` and `cairn import yaml` find the kinds.
#include <algorithm>

#include <fmt/format.h>
#include <llvm/Support/ConvertUTF.h>

#include "backends/output_writer.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "frontend/input_file.h"
#include "importers/cairn_writer.h"
#include "importers/crd_kinds_index.h"
#include "importers/crd_reader.h"

namespace cairn::cli {
namespace {

namespace fs = std::filesystem;

bool isUtf8(llvm::StringRef text) {
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(text.begin());
  const auto *end = reinterpret_cast<const llvm::UTF8 *>(text.end());
  return llvm::isLegalUTF8String(&begin, end);
}

bool isCrdFileName(const fs::path &path) {
  std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

// The YAML and JSON files under `dir`, sorted, skipping hidden entries.
std::vector<fs::path> filesUnder(const fs::path &dir, std::string &error) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind('.', 0) == 0) {
      if (it->is_directory(ec))
        it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && isCrdFileName(it->path()))
      files.push_back(it->path().lexically_relative(dir));
  }
  if (ec)
    error = ec.message();
  std::sort(files.begin(), files.end());
  return files;
}

class InputReader {
public:
  InputReader(DriverIO &io, SourceManager &sources, DiagnosticSink &diags, uint64_t maxBytes)
      : io_(io), sources_(sources), diags_(diags), maxBytes_(maxBytes) {}

  std::vector<FileId> read(const std::vector<std::string> &inputs) {
    for (const std::string &input : inputs) {
      if (input == "-") {
        if (!stdinRead_)
          readStdin();
        stdinRead_ = true;
        continue;
      }
      fs::path path = resolvePath(io_.workingDir, input);
      std::error_code ec;
      if (!fs::is_directory(path, ec)) {
        readFile(path, input);
        continue;
      }
      std::string error;
      for (const fs::path &relative : filesUnder(path, error))
        readFile(path / relative, (fs::path(input) / relative).generic_string());
      if (!error.empty())
        diags_.report(DiagKind::CannotReadInput, Span{}, input, error);
    }
    return files_;
  }

private:
  void readStdin() {
    ReadResult result = readStdinText(io_, maxBytes_);
    if (!result.text) {
      diags_.report(DiagKind::CannotReadInput, Span{}, "<stdin>", result.error);
      return;
    }
    add("<stdin>", std::move(*result.text));
  }

  void readFile(const fs::path &path, const std::string &shown) {
    ReadResult result = readTextFile(path, maxBytes_);
    if (!result.text) {
      diags_.report(DiagKind::CannotReadInput, Span{}, shown, result.error);
      return;
    }
    add(shown, std::move(*result.text));
  }

  void add(const std::string &shown, std::string text) {
    if (!isUtf8(text)) {
      diags_.report(DiagKind::InputNotUtf8, Span{}, shown);
      return;
    }
    files_.push_back(sources_.add(shown, std::move(text)));
  }

  DriverIO &io_;
  SourceManager &sources_;
  DiagnosticSink &diags_;
  uint64_t maxBytes_;
  std::vector<FileId> files_;
  bool stdinRead_ = false;
};

int finish(const DiagnosticSink &diags, const SourceManager &sources, DriverIO &io, int code) {
  printHumanDiagnostics(diags.diagnostics(), sources, io);
  return code;
}

// The merged index, or an error message when the existing one is unusable.
std::string updatedIndex(const fs::path &indexPath, const importers::CrdImport &imported, std::string &text) {
  std::optional<std::string> existing;
  std::error_code ec;
  if (fs::exists(indexPath, ec)) {
    ReadResult read = readTextFile(indexPath, cairn::kDefaultMaxDataBytes);
    if (!read.text)
      return read.error;
    existing = std::move(read.text);
  }
  std::vector<std::string> written;
  for (const importers::ModelModule &module : imported.library.modules)
    written.push_back(module.path);
  importers::MergedKinds merged = importers::mergeKindsIndex(existing, imported.kinds, written);
  if (!merged.error.empty())
    return fmt::format("the existing index cannot be updated: {}; move it away and import again", merged.error);
  text = importers::writeKindsIndex(std::move(merged.entries));
  return {};
}

std::string summary(const importers::CrdImport &imported, const std::string &outArg) {
  std::string out;
  for (const importers::ModelModule &module : imported.library.modules) {
    std::string kinds;
    for (const importers::KindIndexEntry &entry : imported.kinds)
      if (entry.module == module.path)
        kinds += (kinds.empty() ? "" : ", ") + entry.kind;
    out += fmt::format("wrote {}: {}\n", (fs::path(outArg) / (module.path + ".cairn")).generic_string(), kinds);
  }
  return out + fmt::format("wrote {}\n", (fs::path(outArg) / "kinds.json").generic_string());
}

} // namespace

int runImportCrd(const Options &options, DriverIO &io) {
  // Flags of the other import sources would be silently ignored here.
  const char *foreign = !options.schemaLocations.empty() ? "--schema-location"
                        : !options.enrichFiles.empty()   ? "--enrich"
                                                         : nullptr;
  if (foreign) {
    *io.err << fmt::format("cairn: error: `{}` does not apply to `import crd`\n"
                           "Run `cairn import --help` for usage.\n",
                           foreign);
    return kExitUsage;
  }
  SourceManager sources;
  DiagnosticSink diags;
  std::vector<FileId> files = InputReader(io, sources, diags, maxDataBytes(options)).read(options.inputs);
  if (diags.hasErrors())
    return finish(diags, sources, io, kExitInputErrors);
  importers::CrdImport imported = importers::importCrds(sources, files, diags);
  if (diags.hasErrors())
    return finish(diags, sources, io, kExitInputErrors);

  const std::string &outArg = *options.outputPath;
  fs::path outDir = resolvePath(io.workingDir, outArg);
  fs::path indexPath = outDir / "kinds.json";
  std::error_code ec;
  if (fs::exists(outDir, ec) && !fs::is_directory(outDir, ec)) {
    diags.report(DiagKind::OutputWriteFailed, Span{}, outArg, "it exists and is not a directory");
    return finish(diags, sources, io, kExitOutputFailed);
  }
  std::string indexText;
  std::string error = updatedIndex(indexPath, imported, indexText);
  if (!error.empty()) {
    diags.report(DiagKind::OutputWriteFailed, Span{}, (fs::path(outArg) / "kinds.json").generic_string(), error);
    return finish(diags, sources, io, kExitOutputFailed);
  }

  importers::WriterOptions writerOptions;
  writerOptions.relativeImports = true;
  std::vector<std::string> warnings;
  error = importers::writeLibrary(imported.library, outDir, writerOptions, warnings);
  if (error.empty() && !backends::writeFileAtomically(indexPath, indexText, error, io.temps))
    error = fmt::format("cannot write `{}`: {}", indexPath.string(), error);
  for (const std::string &warning : warnings)
    diags.report(DiagKind::ImportWarning, Span{}, warning);
  if (!error.empty()) {
    diags.report(DiagKind::OutputWriteFailed, Span{}, outArg, error);
    return finish(diags, sources, io, kExitOutputFailed);
  }
  *io.out << summary(imported, outArg);
  io.out->flush();
  return finish(diags, sources, io, kExitOk);
}

} // namespace cairn::cli
