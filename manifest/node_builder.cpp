#include "manifest/node_builder.h"

#include <forward_list>
#include <string>

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringMap.h>

namespace cairn::manifest {
namespace {

uint32_t saturatingAdd(uint32_t a, uint32_t b) { return a > UINT32_MAX - b ? UINT32_MAX : a + b; }

} // namespace

NodeId NodeBuilder::add(NodeKind kind, uint32_t offset, size_t anchor) {
  NodeId id = static_cast<NodeId>(doc_.nodes.size());
  Node node;
  node.kind = kind;
  node.offset = offset;
  doc_.nodes.push_back(node);
  if (stack_.empty()) {
    if (doc_.root == kNoNode)
      doc_.root = id;
  } else {
    Open &parent = stack_.back();
    if (parent.lastChild == kNoNode)
      doc_.nodes[parent.id].firstChild = id;
    else
      doc_.nodes[parent.lastChild].nextSibling = id;
    parent.lastChild = id;
    ++doc_.nodes[parent.id].childCount;
  }
  if (anchor != kNoAnchor) {
    if (anchors_.size() <= anchor)
      anchors_.resize(anchor + 1, kNoNode);
    anchors_[anchor] = id;
  }
  return id;
}

NodeId NodeBuilder::addScalar(uint32_t offset, llvm::StringRef text, bool quoted, size_t anchor) {
  NodeId id = add(NodeKind::Scalar, offset, anchor);
  Node &node = doc_.nodes[id];
  node.quoted = quoted;
  node.textBegin = static_cast<uint32_t>(doc_.scalarText.size());
  node.textLength = static_cast<uint32_t>(text.size());
  doc_.scalarText.append(text.data(), text.size());
  return id;
}

void NodeBuilder::addAlias(uint32_t offset, size_t anchor) {
  NodeId id = add(NodeKind::Alias, offset, kNoAnchor);
  NodeId target = anchor < anchors_.size() ? anchors_[anchor] : kNoNode;
  Node &node = doc_.nodes[id];
  node.target = target;
  // An alias of a collection that is still open is a cycle: infinitely large.
  node.expandedSize = target == kNoNode ? 1
                      : doc_.nodes[target].expandedSize == 0 ? UINT32_MAX
                                                             : doc_.nodes[target].expandedSize;
}

void NodeBuilder::open(NodeKind kind, uint32_t offset, size_t anchor) {
  NodeId id = add(kind, offset, anchor);
  doc_.nodes[id].expandedSize = 0; // marks it open (see addAlias)
  stack_.push_back({id, kNoNode});
  if (stack_.size() > limits_.maxDepth)
    throw NestingTooDeep{doc_.nodes[id].offset};
}

void NodeBuilder::close() {
  NodeId id = stack_.back().id;
  stack_.pop_back();
  uint32_t size = 1;
  for (NodeId child = doc_.nodes[id].firstChild; child != kNoNode; child = doc_.nodes[child].nextSibling)
    size = saturatingAdd(size, doc_.nodes[child].expandedSize);
  doc_.nodes[id].expandedSize = size;
}

// Keys must become JSON strings; a repeated key is an error (strict) or a
// warning (the API server's decoder keeps the last value).
void NodeBuilder::checkKeys(NodeId map) {
  // Most mappings are small: compare pairwise, without building a set.
  llvm::SmallVector<std::pair<llvm::StringRef, NodeId>, 16> keys;
  // Keys that differ from their text (`on` -> "true"), at stable addresses;
  // unlike a deque, an empty forward_list allocates nothing.
  std::forward_list<std::string> converted;
  for (NodeId k = doc_.nodes[map].firstChild; k != kNoNode;) {
    NodeId value = doc_.nodes[k].nextSibling;
    NodeId resolved = doc_.resolve(k);
    const Node &keyNode = doc_.nodes[resolved == kNoNode ? k : resolved];
    std::string storage;
    std::optional<llvm::StringRef> key;
    if (keyNode.kind == NodeKind::Scalar)
      key = keyRef(doc_.text(resolved), keyNode.quoted, storage);
    if (!key) {
      const char *found = keyNode.kind == NodeKind::Mapping ? "a mapping"
                          : keyNode.kind == NodeKind::Sequence ? "a list" : "null";
      doc_.problems.report(DiagKind::ManifestComplexKey, doc_.span(k), found)
          .withHint("JSON (and so the API server) only has string keys; quote the key");
    } else if (!(*key == "<<" && !keyNode.quoted)) {
      if (key->data() == storage.data()) {
        converted.push_front(std::move(storage));
        key = llvm::StringRef(converted.front());
      }
      keys.push_back({*key, k});
    }
    k = value == kNoNode ? kNoNode : doc_.nodes[value].nextSibling;
  }
  auto report = [&](size_t first, size_t second) {
    doc_.problems
        .report(strictKeys_ ? DiagKind::ManifestDuplicateKey : DiagKind::ManifestDuplicateKeyIgnored,
                doc_.span(keys[second].second), keys[second].first.str())
        .label(doc_.span(keys[first].second), "first set here")
        .withHint("remove one of them");
  };
  if (keys.size() <= 32) {
    for (size_t i = 1; i < keys.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (keys[i].first == keys[j].first) {
          report(j, i);
          break;
        }
    return;
  }
  llvm::StringMap<size_t> seen;
  for (size_t i = 0; i < keys.size(); ++i) {
    auto [it, inserted] = seen.try_emplace(keys[i].first, i);
    if (!inserted)
      report(it->second, i);
  }
}

} // namespace cairn::manifest
