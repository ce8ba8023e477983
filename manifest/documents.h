// YAML/JSON streams as documents of positioned nodes. A file is split at its
// document markers (`---`, directives) before yaml-cpp sees it, so a malformed
// document is an error for that document only and the others still load.
// Nodes live in one flat array per document (built by the fast block-YAML
// reader, block_reader.h, or from yaml-cpp's events for what it declines);
// every node knows its byte offset in the file, which a SourceManager turns
// into line:col.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>

#include "frontend/diagnostic.h"
#include "frontend/source.h"

namespace cairn::manifest {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

enum class NodeKind : uint8_t { Null, Scalar, Sequence, Mapping, Alias };

struct Node {
  NodeKind kind = NodeKind::Null;
  bool quoted = false;        // Scalar: quoted, a block scalar or tagged `!!str`: always a string
  uint32_t offset = 0;        // byte offset of the node's first character in the file
  NodeId firstChild = kNoNode; // Sequence: items; Mapping: key, value, key, value, ...
  NodeId nextSibling = kNoNode;
  uint32_t childCount = 0;
  uint32_t textBegin = 0;     // Scalar: the (unescaped) text in Document::scalarText
  uint32_t textLength = 0;
  NodeId target = kNoNode;    // Alias: the anchored node
  uint32_t expandedSize = 1;  // nodes in this subtree with aliases expanded (saturating)
};

// What a plain or quoted scalar means after YAML -> JSON as the Kubernetes
// API server's decoder (sigs.k8s.io/yaml, YAML 1.1 resolution) does it.
enum class ScalarType : uint8_t { Null, Bool, Int, Float, String };
struct ScalarValue {
  ScalarType type = ScalarType::String;
  bool boolValue = false;
  int64_t intValue = 0;
  double floatValue = 0;
  bool intTooLarge = false; // an integer outside int64 (kept as a float)
};

// How a scalar reads: quoted ones are strings; plain ones follow the table above.
ScalarValue resolveScalar(llvm::StringRef text, bool quoted);
// The JSON key a mapping key becomes (`on` -> "true", `0x10` -> "16"); false
// for keys JSON cannot have (null).
bool keyString(llvm::StringRef text, bool quoted, std::string &out);
// The same without a copy when the key is its own text (the usual case):
// `text` itself, or `storage` holding the converted key; nullopt for null.
std::optional<llvm::StringRef> keyRef(llvm::StringRef text, bool quoted, std::string &storage);

struct Document {
  FileId file;
  llvm::StringRef source;      // the whole file's text (owned by the SourceManager)
  uint32_t begin = 0, end = 0; // byte range of the document in the file
  NodeId root = kNoNode;       // kNoNode: empty document, or it did not parse
  std::vector<Node> nodes;
  std::string scalarText;
  // Problems found while reading: syntax errors (then root is kNoNode), too
  // deep nesting, alias bombs, invalid UTF-8, duplicate keys.
  DiagnosticSink problems;

  const Node &node(NodeId id) const { return nodes[id]; }
  // Follows aliases to the node they stand for.
  NodeId resolve(NodeId id) const {
    for (int hops = 0; id != kNoNode && nodes[id].kind == NodeKind::Alias && hops < 64; ++hops)
      id = nodes[id].target;
    return id;
  }
  llvm::StringRef text(NodeId id) const {
    const Node &n = nodes[id];
    return llvm::StringRef(scalarText).substr(n.textBegin, n.textLength);
  }
  ScalarValue scalar(NodeId id) const;
  // The value of key `key` in mapping `map` (merge keys included), kNoNode if absent.
  NodeId get(NodeId map, llvm::StringRef key) const;
  // The byte span of a node: the scalar as written, or the first character of a collection.
  Span span(NodeId id) const;
};

struct MapEntry {
  NodeId key;
  NodeId value;
};

// The entries of a mapping in order, with `<<` merge keys expanded (explicit
// keys win over merged ones, like the API server's YAML decoder).
void mappingEntries(const Document &doc, NodeId map, llvm::SmallVectorImpl<MapEntry> &out);

struct ReadLimits {
  // Nested collections per document (yaml-cpp itself gives up at about 500).
  uint32_t maxDepth = 256;
  uint32_t maxExpandedNodes = 1000000; // nodes a document stands for with aliases expanded
};

// Splits and parses the text of `file`. Empty documents are dropped.
// `strictKeys` makes a duplicate mapping key an error (E0809) instead of a
// warning (E0810).
std::vector<Document> readDocuments(const SourceManager &sources, FileId file, bool strictKeys,
                                    const ReadLimits &limits = {});

// How a node reads in a message: `string "3"`, `integer 3`, `a mapping`.
std::string describeNode(const Document &doc, NodeId id);

} // namespace cairn::manifest
