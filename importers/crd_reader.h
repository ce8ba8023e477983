// CustomResourceDefinitions (apiextensions.k8s.io/v1) -> model modules, one
// per group/version (`cert-manager.io/v1`), shared by every CRD of that
// group/version. Each kind becomes a schema like the standard library's:
// `apiVersion` and `kind` fixed and defaulted, `metadata: meta.ObjectMeta`,
// then the CRD schema's own top-level fields (`spec`, `status`, ...).
#pragma once

#include <vector>

#include "frontend/diagnostic.h"
#include "frontend/source.h"
#include "importers/kinds_index.h"
#include "importers/schema_model.h"

namespace cairn::importers {

struct CrdImport {
  ModelLibrary library;              // modules in order of first appearance
  std::vector<KindIndexEntry> kinds; // every generated kind; modules relative to the output directory
};

// Reads every document of `files` (their text is in `sources`). Problems are
// reported in `diags` at their place in the YAML; when it holds errors the
// result must not be written.
CrdImport importCrds(const SourceManager &sources, const std::vector<FileId> &files, DiagnosticSink &diags);

} // namespace cairn::importers
