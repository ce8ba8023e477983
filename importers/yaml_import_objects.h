// The Kubernetes objects of one input, as `cairn validate` finds them
// (manifest/objects.h: a document's root mapping, or the items of a `List`),
// plus the `#` comments that lead each document (Helm's
// `# Source: chart/templates/x.yaml`), which the import keeps.
#pragma once

#include <string>
#include <vector>

#include "manifest/documents.h"
#include "manifest/library.h"

namespace cairn::importers {

struct SourceObject {
  size_t document = 0;               // index into the documents
  manifest::NodeId node = manifest::kNoNode;
  std::string apiVersion, kind, name, namespace_;
  std::vector<std::string> comments; // text after `#`, for the first object of a document
};

// The objects that can be imported. The problems of the others (not a
// mapping, no kind, YAML errors) are appended to `problems`.
std::vector<SourceObject> collectSourceObjects(const std::vector<manifest::Document> &documents,
                                               const SourceManager &sources, const manifest::KindRegistry &registry,
                                               std::vector<Diagnostic> &problems);

} // namespace cairn::importers
