// The `dir` emitter: one YAML file per object, named
//
//   <namespace>/<kind>-<name>.yaml
//
// where <namespace> is `metadata.namespace`, or `_cluster` when the object has
// none (cluster-scoped kinds, and namespaced ones left to kubectl's default
// namespace); `_cluster` cannot clash with a real namespace, which never
// contains `_`. <kind> is `kind` lower-cased and <name> is `metadata.name`,
// e.g. `prod/deployment-web.yaml`, `_cluster/namespace-prod.yaml`.
// Characters other than letters, digits, `.`, `_` and `-` become `_`, and a
// leading `.` becomes `_`, so a name can never leave the directory.
// `kubectl apply -R -f DIR` applies the result.
//
// Errors: E0602 when `kind` or `metadata.name` is missing (or not a non-empty
// string); E0604 when two objects map to the same file (compared without
// case, so the tree also works on case-insensitive file systems).
#pragma once

#include <optional>
#include <string>

#include "backends/emitter.h"

namespace cairn::backends {

class DirEmitter final : public Emitter {
public:
  llvm::StringRef name() const override { return "dir"; }
  OutputShape shape() const override { return OutputShape::Directory; }
  bool render(llvm::ArrayRef<eval::Value> documents, RenderedOutput &out, DiagnosticSink &diags) const override;
};

// The relative file path for one object under the scheme above, or nothing
// after reporting E0602.
std::optional<std::string> dirOutputPath(const eval::Value &document, DiagnosticSink &diags);

} // namespace cairn::backends
