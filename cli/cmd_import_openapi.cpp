// `cairn import openapi SPEC.json -o DIR [--enrich FILE]...`: the generator of
// the Kubernetes standard library (scripts/generate-stdlib.sh runs it).
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "cli/commands.h"
#include "cli/io.h"
#include "importers/cairn_writer.h"
#include "importers/openapi_reader.h"
#include "backends/output_writer.h"

namespace cairn::cli {
namespace {

namespace fs = std::filesystem;

// Enrichment files: `fields` maps definition -> field -> Cairn type text,
// `required` maps definition -> list of fields.
bool readEnrichments(const fs::path &path, const std::string &shown, uint64_t maxBytes,
                     importers::FieldEnrichments &out, DiagnosticSink &diags) {
  ReadResult read = readTextFile(path, maxBytes);
  if (!read.text) {
    diags.report(DiagKind::CannotReadInput, Span{}, shown, read.error);
    return false;
  }
  try {
    YAML::Node root = YAML::Load(*read.text);
    YAML::Node fields = root["fields"];
    YAML::Node required = root["required"];
    if ((fields && !fields.IsMap()) || (required && !required.IsMap()) || (!fields && !required)) {
      diags.report(DiagKind::InvalidEnrichments, Span{}, shown, "expected top-level `fields` and `required` mappings");
      return false;
    }
    for (const auto &definition : required) {
      if (!definition.second.IsSequence()) {
        diags.report(DiagKind::InvalidEnrichments, Span{}, shown,
                     fmt::format("`required.{}` must be a list of field names", definition.first.as<std::string>()));
        return false;
      }
      for (const auto &field : definition.second)
        out.required[definition.first.as<std::string>()].insert(field.as<std::string>());
    }
    for (const auto &definition : fields) {
      if (!definition.second.IsMap()) {
        diags.report(DiagKind::InvalidEnrichments, Span{}, shown,
                     fmt::format("`{}` must map field names to Cairn types", definition.first.as<std::string>()));
        return false;
      }
      for (const auto &field : definition.second)
        out.types[definition.first.as<std::string>()][field.first.as<std::string>()] = field.second.as<std::string>();
    }
  } catch (const YAML::Exception &e) {
    diags.report(DiagKind::InvalidEnrichments, Span{}, shown, e.what());
    return false;
  }
  return true;
}

int finish(const DiagnosticSink &diags, DriverIO &io, int code) {
  printHumanDiagnostics(diags.diagnostics(), SourceManager{}, io);
  return code;
}

} // namespace

int runImportOpenApi(const Options &options, DriverIO &io) {
  DiagnosticSink diags;
  const std::string &specArg = options.inputs.at(0);
  ReadResult spec = readTextFile(resolvePath(io.workingDir, specArg), maxDataBytes(options));
  if (!spec.text) {
    diags.report(DiagKind::CannotReadInput, Span{}, specArg, spec.error);
    return finish(diags, io, kExitInputErrors);
  }
  importers::FieldEnrichments enrichments;
  for (const std::string &file : options.enrichFiles)
    if (!readEnrichments(resolvePath(io.workingDir, file), file, maxDataBytes(options), enrichments, diags))
      return finish(diags, io, kExitInputErrors);

  importers::OpenApiImport imported;
  try {
    nlohmann::json document = nlohmann::json::parse(*spec.text);
    imported = importers::importOpenApi(document, fs::path(specArg).filename().string(), enrichments);
  } catch (const std::exception &e) {
    diags.report(DiagKind::InvalidOpenApiDocument, Span{}, specArg, e.what());
    return finish(diags, io, kExitInputErrors);
  }
  for (const std::string &warning : imported.warnings)
    diags.report(DiagKind::ImportWarning, Span{}, warning);

  fs::path outDir = resolvePath(io.workingDir, *options.outputPath);
  std::vector<std::string> writerWarnings;
  std::string error = importers::writeLibrary(imported.library, outDir, {}, writerWarnings);
  if (error.empty()) {
    std::string indexError;
    fs::path index = outDir / "k8s" / "kinds.json";
    if (!backends::writeFileAtomically(index, importers::writeKindsIndex(imported.kinds), indexError, io.temps))
      error = fmt::format("cannot write `{}`: {}", index.string(), indexError);
  }
  for (const std::string &warning : writerWarnings)
    diags.report(DiagKind::ImportWarning, Span{}, warning);
  if (!error.empty()) {
    diags.report(DiagKind::OutputWriteFailed, Span{}, *options.outputPath, error);
    return finish(diags, io, kExitOutputFailed);
  }
  *io.out << fmt::format("wrote {} modules with {} kinds to {}\n", imported.library.modules.size(),
                         imported.kinds.size(), *options.outputPath);
  return finish(diags, io, kExitOk);
}

} // namespace cairn::cli
