// Builds one Document's flat node array from a stream of parse events, so
// that both readers (yaml-cpp's events and the fast block-YAML reader) make
// identical nodes and report identical problems (duplicate keys, depth).
#pragma once

#include <vector>

#include <llvm/ADT/StringRef.h>

#include "manifest/documents.h"

namespace cairn::manifest {

// Thrown by NodeBuilder::open past ReadLimits::maxDepth.
struct NestingTooDeep {
  uint32_t offset;
};

class NodeBuilder {
public:
  NodeBuilder(Document &doc, const ReadLimits &limits, bool strictKeys)
      : doc_(doc), limits_(limits), strictKeys_(strictKeys) {}

  // Offsets are byte offsets in the file. `anchor` is a dense anchor number
  // (yaml-cpp's), or kNoAnchor.
  static constexpr size_t kNoAnchor = 0;
  NodeId addNull(uint32_t offset, size_t anchor = kNoAnchor) { return add(NodeKind::Null, offset, anchor); }
  NodeId addScalar(uint32_t offset, llvm::StringRef text, bool quoted, size_t anchor = kNoAnchor);
  void addAlias(uint32_t offset, size_t anchor);
  void openSequence(uint32_t offset, size_t anchor = kNoAnchor) { open(NodeKind::Sequence, offset, anchor); }
  void openMapping(uint32_t offset, size_t anchor = kNoAnchor) { open(NodeKind::Mapping, offset, anchor); }
  void closeSequence() { close(); }
  void closeMapping() {
    checkKeys(stack_.back().id);
    close();
  }
  size_t depth() const { return stack_.size(); }

private:
  struct Open {
    NodeId id;
    NodeId lastChild;
  };

  NodeId add(NodeKind kind, uint32_t offset, size_t anchor);
  void open(NodeKind kind, uint32_t offset, size_t anchor);
  void close();
  void checkKeys(NodeId map);

  Document &doc_;
  const ReadLimits &limits_;
  bool strictKeys_;
  std::vector<Open> stack_;
  std::vector<NodeId> anchors_; // by anchor number
};

} // namespace cairn::manifest
