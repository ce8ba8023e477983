// Writes model modules as Cairn source: imports for cross-module references
// (aliases chosen to be unique and readable), `schema`/`type` declarations,
// names quoted where they are not identifiers, regexes checked to compile.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "importers/schema_model.h"

namespace cairn::importers {

struct WriterOptions {
  // How a reference to another module is imported: stdlib modules by their
  // path ("k8s/meta/v1"); modules written together by a relative path when
  // `relativeImports` is set (CRD modules importing each other).
  bool relativeImports = false;
};

// The text of one module. Problems that only show up when writing (a regex
// std::regex cannot compile) are reported in `warnings` and the refinement is dropped.
std::string writeModule(const ModelModule &module, const WriterOptions &options,
                        std::vector<std::string> &warnings);

// Writes every module to `dir/<path>.cairn`, each file replaced atomically.
// Returns an error message, or an empty string on success.
std::string writeLibrary(const ModelLibrary &library, const std::filesystem::path &dir,
                         const WriterOptions &options, std::vector<std::string> &warnings);

// Whether `name` can be written as a bare field name (identifier or keyword).
bool isBareFieldName(const std::string &name);

} // namespace cairn::importers
