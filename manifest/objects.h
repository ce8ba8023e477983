// The Kubernetes objects of the documents of a file, with their identity
// (apiVersion, kind, name) and the problems found in them. A `List` (or any
// `...List` kind without a schema of its own) stands for its items, as kubectl
// reads it.
#pragma once

#include <string>
#include <vector>

#include "manifest/documents.h"
#include "manifest/issues.h"
#include "manifest/library.h"

namespace cairn::manifest {

enum class ObjectStatus : uint8_t {
  Valid,   // checked, no error
  Invalid, // checked against its schema (or rejected by --reject): errors
  Error,   // could not be checked: malformed YAML, no apiVersion/kind, unknown kind
  Skipped, // --skip, or an unknown kind with --ignore-missing-schemas
};
const char *statusName(ObjectStatus status);

struct ManifestObject {
  uint32_t document = 0;   // index into the file's documents
  NodeId node = kNoNode;   // the object's mapping; kNoNode when the document did not parse
  int32_t listItem = -1;   // index in the items of a List, else -1
  Span span;               // where the object starts
  std::string apiVersion, kind, name, namespaceName;
  ObjectStatus status = ObjectStatus::Valid;
  std::string skipReason;  // for Skipped: "--skip" or "no schema"
  IssueSink issues;
  bool identified() const { return node != kNoNode && !apiVersion.empty() && !kind.empty(); }
};

// Appends the objects of `doc` (index `docIndex`). A document that did not
// parse, is not a mapping or lacks apiVersion/kind becomes one object with
// status Error and the problem among its issues. The document's own reading
// problems go to the object they are in. `registry` only improves hints.
void collectObjects(const Document &doc, uint32_t docIndex, const KindRegistry &registry,
                    std::vector<ManifestObject> &out);

} // namespace cairn::manifest
