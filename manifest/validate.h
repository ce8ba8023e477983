// Checking a document's nodes against a Cairn type, the way the Kubernetes
// API server would decode them: one walk over the node and the type together.
//   - scalars as sigs.k8s.io/yaml reads them (documents.h); an integral
//     number is accepted where an int is expected (`1.0`, `1e3`), an int
//     where a float is;
//   - a field set to null is absent (so a required one is missing);
//   - refinements: int/float ranges, string length (in characters) and regex
//     (whole match), literal values;
//   - a union takes the first member that fits; if none fits, the mismatch
//     of the member that came closest is reported;
//   - unknown fields of a schema are errors only with `strict` (the API
//     server drops them unless asked for strict field validation);
//   - schema `check` clauses are not evaluated.
#pragma once

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringMap.h>

#include "manifest/documents.h"
#include "manifest/issues.h"
#include "typecheck/checked_program.h"

namespace cairn::manifest {

// Remembers whether a string matched a type's regex: manifests repeat the same
// values (`100m`, `128Mi`, label values) many times, and std::regex is slow.
class MatchCache {
public:
  bool matches(const types::TypeStore &store, types::TypeId type, llvm::StringRef text);

private:
  static constexpr size_t kMaxEntriesPerType = 4096;
  llvm::DenseMap<uint32_t, llvm::StringMap<bool>> results_;
};

struct ValidateOptions {
  bool strict = false;      // unknown fields are errors (E0805)
  uint32_t maxDepth = 1000; // nesting walked before E0815
  MatchCache *cache = nullptr; // optional; shared by the objects of a run
};

// Checks `node` against schema `schemaIndex` of `checked`. Paths in the
// issues are relative to `node`.
void validateAgainstSchema(const Document &doc, NodeId node, uint32_t schemaIndex,
                           const types::CheckedProgram &checked, const ValidateOptions &options,
                           IssueSink &issues);

// Checks `node` against any type of `checked.types`.
void validateAgainstType(const Document &doc, NodeId node, types::TypeId type,
                         const types::CheckedProgram &checked, const ValidateOptions &options,
                         IssueSink &issues);

// `spec.containers[0]["app.kubernetes.io/name"]`: how a path is written.
// A key that is not a plain word (letters, digits, `_`, `-`, `$`) is bracketed.
void appendPathKey(std::string &path, llvm::StringRef key);
void appendPathIndex(std::string &path, size_t index);

} // namespace cairn::manifest
