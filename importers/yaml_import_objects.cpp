#include "importers/yaml_import_objects.h"

#include "manifest/objects.h"

namespace cairn::importers {
namespace {

std::vector<std::string> leadingComments(const manifest::Document &doc, const SourceManager &sources,
                                         manifest::NodeId root) {
  llvm::StringRef text = sources.file(doc.file).text();
  uint32_t end = std::min<uint32_t>(doc.node(root).offset, static_cast<uint32_t>(text.size()));
  llvm::StringRef head = text.slice(doc.begin, end);
  std::vector<std::string> comments;
  while (!head.empty()) {
    auto [line, rest] = head.split('\n');
    head = rest;
    llvm::StringRef trimmed = line.trim();
    if (trimmed.startswith("#"))
      comments.push_back(trimmed.drop_front().rtrim().str());
  }
  return comments;
}

} // namespace

std::vector<SourceObject> collectSourceObjects(const std::vector<manifest::Document> &documents,
                                               const SourceManager &sources, const manifest::KindRegistry &registry,
                                               std::vector<Diagnostic> &problems) {
  std::vector<SourceObject> objects;
  for (size_t d = 0; d < documents.size(); ++d) {
    std::vector<manifest::ManifestObject> found;
    manifest::collectObjects(documents[d], static_cast<uint32_t>(d), registry, found);
    std::vector<std::string> comments;
    if (documents[d].root != manifest::kNoNode)
      comments = leadingComments(documents[d], sources, documents[d].resolve(documents[d].root));
    for (manifest::ManifestObject &object : found) {
      bool importable = object.issues.errorCount() == 0 && object.identified();
      for (manifest::Issue &issue : object.issues.take())
        problems.push_back(std::move(issue.diagnostic));
      if (!importable)
        continue;
      objects.push_back({d, object.node, object.apiVersion, object.kind, object.name, object.namespaceName,
                         std::move(comments)});
      comments.clear();
    }
  }
  return objects;
}

} // namespace cairn::importers
