// The Kubernetes kinds a command can check or generate against: the
// standard library's `k8s/kinds.json` index plus the `kinds.json` of each
// `--schema-location` directory (or, for a directory without an index, the
// kinds found by scanning its modules). Modules are loaded lazily: only those
// holding the kinds a caller asks for are parsed and checked.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <llvm/ADT/StringMap.h>
#include <llvm/ADT/StringRef.h>

#include "frontend/program.h"
#include "typecheck/checked_program.h"

namespace cairn::manifest {

// One apiVersion/kind and where its schema lives.
struct KindEntry {
  std::string apiVersion;  // "apps/v1", "v1", "cert-manager.io/v1"
  std::string kind;        // "Deployment"
  std::string importPath;  // how Cairn code imports the module: "k8s/apps/v1" for the
                           // stdlib; for a schema location, the module file's path
  std::filesystem::path file; // the module file
  std::string schemaName;  // "Deployment"
};

class KindRegistry {
public:
  const KindEntry *find(llvm::StringRef apiVersion, llvm::StringRef kind) const;
  // Every entry with this kind, any apiVersion (for "did you mean apps/v1?").
  std::vector<const KindEntry *> withKind(llvm::StringRef kind) const;
  const std::vector<KindEntry> &entries() const { return entries_; }
  void add(KindEntry entry);

private:
  std::vector<KindEntry> entries_;
  llvm::StringMap<uint32_t> byKey_; // "apiVersion\nkind" -> index into entries_
};

struct LibraryOptions {
  std::filesystem::path workingDir;
  std::vector<std::filesystem::path> stdlibDirs;      // searched for k8s/kinds.json and imports
  std::vector<std::filesystem::path> schemaLocations; // extra module directories
};

// Reads the indexes (no Cairn parsing). Problems with an index or a schema
// location (missing directory, malformed kinds.json) are reported as errors.
KindRegistry loadKindRegistry(const LibraryOptions &options, DiagnosticSink &diags);

// How a synthetic module imports the module of `entry`: a search-path import
// for the standard library ("k8s/apps/v1"), else a path relative to the
// working directory ("./crds/cert-manager.io/v1.cairn"; the importer's
// project root must then be `/`, as a schema location may be anywhere).
std::string kindImportPath(const KindEntry &entry, const LibraryOptions &options);

// The modules of some kinds, loaded and checked together.
struct LoadedKinds {
  Program program;
  types::CheckedProgram checked;
  // The schema index (into checked.schemas) of each requested entry, parallel
  // to the `kinds` argument; types::kNone where its module failed to load.
  std::vector<uint32_t> schemas;
};

// Loads the modules holding `kinds` (each module once) and checks them.
std::unique_ptr<LoadedKinds> loadKinds(const std::vector<const KindEntry *> &kinds,
                                       const LibraryOptions &options, DiagnosticSink &diags);

} // namespace cairn::manifest
