// Secrets in `cairn validate`: the values under a Kubernetes Secret's `data`
// and `stringData` never appear in a message or an excerpt (CI logs are
// public); the path, the constraint and the hint still do.
#include "manifest/validator.h"

namespace cairn::manifest::detail {
namespace {

// The scalar text of entry `name` of mapping `node`, or empty.
std::string entryText(const Document &doc, NodeId node, llvm::StringRef name) {
  llvm::SmallVector<MapEntry, 16> entries;
  mappingEntries(doc, node, entries);
  std::string storage;
  for (const MapEntry &entry : entries) {
    NodeId key = doc.resolve(entry.key);
    NodeId value = doc.resolve(entry.value);
    if (key == kNoNode || value == kNoNode || doc.node(key).kind != NodeKind::Scalar ||
        doc.node(value).kind != NodeKind::Scalar)
      continue;
    std::optional<llvm::StringRef> keyName = keyRef(doc.text(key), doc.node(key).quoted, storage);
    if (keyName && *keyName == name)
      return doc.text(value).str();
  }
  return {};
}

} // namespace

void Validator::noteRoot(NodeId root) {
  if (!steps_.empty())
    return;
  secretObject_ = doc_.node(root).kind == NodeKind::Mapping && entryText(doc_, root, "kind") == "Secret" &&
                  entryText(doc_, root, "apiVersion") == "v1";
}

bool Validator::inSecretData() const {
  if (!secretObject_ || steps_.empty() || steps_.front().key == kNoNode)
    return false;
  std::string first = keyOf(steps_.front().key);
  return first == "data" || first == "stringData";
}

std::string Validator::shownNode(NodeId node) const {
  return inSecretData() ? kSecretPlaceholder.str() : describeNode(doc_, node);
}

void Validator::hideSecret(Diagnostic &d, NodeId node) const {
  if (!inSecretData())
    return;
  d.secretSource = true;
  NodeId resolved = doc_.resolve(node);
  if (resolved == kNoNode || doc_.node(resolved).kind != NodeKind::Scalar || doc_.text(resolved).empty())
    return;
  llvm::StringRef text = doc_.text(resolved);
  for (size_t at = d.hint.find(text.data(), 0, text.size()); at != std::string::npos;
       at = d.hint.find(text.data(), at + kSecretPlaceholder.size(), text.size()))
    d.hint.replace(at, text.size(), kSecretPlaceholder.str());
}

} // namespace cairn::manifest::detail
