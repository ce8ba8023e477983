// `cairn import yaml`: Kubernetes manifests -> Cairn modules that import the
// standard library (and modules from `--schema-location`) and emit the same
// objects, typed by their kind's schema. One output module per input file.
//
// The steps: read every input's documents (a `v1 List` stands for its
// items), look up each object's kind, load the schemas of the kinds found,
// read each object against its schema (values that do not fit are errors),
// rewrite for readability (yaml_import_idioms.h), print
// (yaml_import_print.h). Nothing is returned when any input has an error.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "importers/yaml_import_model.h"
#include "manifest/documents.h"
#include "manifest/library.h"

namespace cairn::importers {

struct YamlInput {
  std::string displayName; // as the user named it (`deploy/web.yaml`, `<stdin>`), for messages and the header
  std::string text;
  std::string outputName;  // where the module goes, relative to the output directory: `web.cairn`
};

struct YamlImportOptions {
  manifest::LibraryOptions library;
  // The output directory, absolute: modules from schema locations are
  // imported by their path relative to the output file.
  std::filesystem::path outputDir;
};

// Where an imported object came from, to compare what the Cairn builds with it.
struct ObjectOrigin {
  size_t document = 0;                     // index into the input's documents
  manifest::NodeId node = manifest::kNoNode;
  std::string label;                       // "Deployment `web`"
};

struct ImportedFile {
  std::string outputName;
  std::string sourceName;
  std::string text;
  size_t input = 0;                  // index of the input it was made from
  ImportedModule module;             // what `text` is printed from
  std::vector<ObjectOrigin> origins; // one per emitted object, in order
  bool importsOutsideOutput = false; // imports a module file outside the output directory
};

struct YamlImportResult {
  SourceManager sources;                // the inputs: diagnostics point into them
  std::vector<std::vector<manifest::Document>> documents; // per input
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in the order found
  std::vector<ImportedFile> files;      // empty when there is an error
  bool hasErrors() const;
};

std::unique_ptr<YamlImportResult> importYaml(const std::vector<YamlInput> &inputs, const YamlImportOptions &options);

// Output names for inputs, in order: `dir/web.yaml` -> `web.cairn` (the
// caller passes `sub/web.yaml` for files found under a directory argument,
// keeping `sub/`), `-` -> `main.cairn`. Two inputs that would get the same
// name are told apart by a counter: `web.cairn`, `web_2.cairn`.
std::vector<std::string> outputNames(const std::vector<std::string> &relativeInputs);

} // namespace cairn::importers
