// The promise of `cairn import yaml`, checked on every run: the generated
// modules are compiled (loaded, type-checked and evaluated, as `cairn build`
// does) and each object they emit is compared with the manifest it came
// from. Objects compare like the API server reads them: mappings as key sets,
// an integer is not a float nor a string, and a null field is an absent one.
#pragma once

#include <memory>
#include <string>

#include "frontend/program.h"
#include "importers/yaml_import.h"

namespace cairn::importers {

struct Verification {
  Program program;      // the generated modules: `diags` point into them
  DiagnosticSink diags; // what compiling them reported (E0834 per failing file)
  // Set when the modules built but to different objects: a bug in the
  // importer, never in the input.
  std::string internalError;
};

// Compiles `result.files` as they will be written to `options.outputDir`
// (staged in a temporary directory that is removed afterwards).
std::unique_ptr<Verification> verifyImport(const YamlImportResult &result, const YamlImportOptions &options);

} // namespace cairn::importers
