// Reading nodes back: spans, mapping lookups with merge keys, descriptions.
#include "manifest/documents.h"

#include <cmath>

#include <fmt/format.h>

namespace cairn::manifest {
namespace {

// Where a scalar written at `offset` ends in the source.
uint32_t scalarEnd(llvm::StringRef source, uint32_t offset, llvm::StringRef value) {
  llvm::StringRef rest = source.substr(offset);
  if (rest.empty())
    return offset;
  char first = rest[0];
  if (first == '"' || first == '\'') {
    for (size_t i = 1; i < rest.size(); ++i) {
      if (first == '"' && rest[i] == '\\') {
        ++i;
        continue;
      }
      if (rest[i] == first) {
        if (first == '\'' && i + 1 < rest.size() && rest[i + 1] == '\'') {
          ++i;
          continue;
        }
        return offset + static_cast<uint32_t>(i + 1);
      }
    }
    return offset + 1;
  }
  if (first == '|' || first == '>')
    return offset + 1;
  if (!value.empty() && rest.startswith(value))
    return offset + static_cast<uint32_t>(value.size());
  // A multi-line plain scalar: the rest of its first line.
  size_t eol = rest.find_first_of("\r\n");
  llvm::StringRef line = rest.substr(0, eol).rtrim(" \t");
  return offset + static_cast<uint32_t>(std::max<size_t>(line.size(), 1));
}

uint32_t tokenEnd(llvm::StringRef source, uint32_t offset) {
  llvm::StringRef rest = source.substr(offset);
  size_t end = rest.find_first_of(" \t\r\n,]}");
  return offset + static_cast<uint32_t>(std::max<size_t>(end == llvm::StringRef::npos ? rest.size() : end, 1));
}

bool isMergeKey(const Document &doc, NodeId key) {
  const Node &n = doc.node(key);
  return n.kind == NodeKind::Scalar && !n.quoted && doc.text(key) == "<<";
}

bool sameKey(const Document &doc, NodeId a, NodeId b) {
  std::string ka, kb;
  NodeId ra = doc.resolve(a), rb = doc.resolve(b);
  if (ra == kNoNode || rb == kNoNode || doc.node(ra).kind != NodeKind::Scalar ||
      doc.node(rb).kind != NodeKind::Scalar)
    return false;
  return keyString(doc.text(ra), doc.node(ra).quoted, ka) && keyString(doc.text(rb), doc.node(rb).quoted, kb) &&
         ka == kb;
}

void entriesOf(const Document &doc, NodeId map, llvm::SmallVectorImpl<MapEntry> &out, int depth);

// The entries a `<<` value brings: a mapping, or a list of mappings where
// earlier ones win.
void mergedEntries(const Document &doc, NodeId value, llvm::SmallVectorImpl<MapEntry> &out, int depth) {
  NodeId source = doc.resolve(value);
  if (source == kNoNode || depth > 32)
    return;
  if (doc.node(source).kind == NodeKind::Mapping) {
    entriesOf(doc, source, out, depth + 1);
    return;
  }
  if (doc.node(source).kind != NodeKind::Sequence)
    return;
  for (NodeId item = doc.node(source).firstChild; item != kNoNode; item = doc.node(item).nextSibling) {
    NodeId map = doc.resolve(item);
    if (map != kNoNode && doc.node(map).kind == NodeKind::Mapping)
      entriesOf(doc, map, out, depth + 1);
  }
}

void entriesOf(const Document &doc, NodeId map, llvm::SmallVectorImpl<MapEntry> &out, int depth) {
  llvm::SmallVector<MapEntry, 8> merged;
  size_t explicitBegin = out.size();
  for (NodeId key = doc.node(map).firstChild; key != kNoNode;) {
    NodeId value = doc.node(key).nextSibling;
    if (value == kNoNode)
      break;
    if (isMergeKey(doc, key))
      mergedEntries(doc, value, merged, depth);
    else
      out.push_back({key, value});
    key = doc.node(value).nextSibling;
  }
  for (const MapEntry &entry : merged) {
    bool shadowed = false;
    for (size_t i = explicitBegin; i < out.size() && !shadowed; ++i)
      shadowed = sameKey(doc, out[i].key, entry.key);
    if (!shadowed)
      out.push_back(entry);
  }
}

std::string shortText(llvm::StringRef text) {
  constexpr size_t kMax = 40;
  std::string shown = text.size() > kMax ? text.substr(0, kMax).str() + "..." : text.str();
  std::string escaped;
  for (char c : shown) {
    if (c == '\n')
      escaped += "\\n";
    else if (c == '"')
      escaped += "\\\"";
    else
      escaped += c;
  }
  return escaped;
}

} // namespace

void mappingEntries(const Document &doc, NodeId map, llvm::SmallVectorImpl<MapEntry> &out) {
  entriesOf(doc, map, out, 0);
}

ScalarValue Document::scalar(NodeId id) const {
  return resolveScalar(text(id), nodes[id].quoted);
}

NodeId Document::get(NodeId map, llvm::StringRef key) const {
  map = resolve(map);
  if (map == kNoNode || nodes[map].kind != NodeKind::Mapping)
    return kNoNode;
  std::string storage;
  // The usual mapping has no `<<` merge key: scan its keys in place.
  NodeId direct = kNoNode;
  bool merges = false;
  for (NodeId k = nodes[map].firstChild; k != kNoNode && !merges;) {
    NodeId value = nodes[k].nextSibling;
    if (value == kNoNode)
      break;
    merges = isMergeKey(*this, k);
    NodeId resolved = resolve(k);
    if (resolved != kNoNode && nodes[resolved].kind == NodeKind::Scalar) {
      std::optional<llvm::StringRef> text = keyRef(this->text(resolved), nodes[resolved].quoted, storage);
      if (text && *text == key)
        direct = value; // the last of repeated keys wins, like the API server's decoder
    }
    k = nodes[value].nextSibling;
  }
  if (!merges)
    return direct;
  llvm::SmallVector<MapEntry, 16> entries;
  mappingEntries(*this, map, entries);
  NodeId found = kNoNode;
  for (const MapEntry &entry : entries) {
    NodeId k = resolve(entry.key);
    if (k == kNoNode || nodes[k].kind != NodeKind::Scalar)
      continue;
    std::optional<llvm::StringRef> text = keyRef(this->text(k), nodes[k].quoted, storage);
    if (text && *text == key)
      found = entry.value; // the last of repeated keys wins, like the API server's decoder
  }
  return found;
}

Span Document::span(NodeId id) const {
  const Node &n = nodes[id];
  uint32_t size = static_cast<uint32_t>(source.size());
  uint32_t begin = std::min(n.offset, size);
  switch (n.kind) {
  case NodeKind::Scalar: return {file, begin, std::min(scalarEnd(source, begin, text(id)), size)};
  case NodeKind::Alias: return {file, begin, std::min(tokenEnd(source, begin), size)};
  case NodeKind::Null: return {file, begin, begin};
  case NodeKind::Sequence:
  case NodeKind::Mapping:
    if (n.kind == NodeKind::Mapping && begin < size && source[begin] != '{' && n.firstChild != kNoNode)
      return span(n.firstChild);
    return {file, begin, std::min(begin + 1, size)};
  }
  return {file, begin, begin};
}

std::string describeNode(const Document &doc, NodeId id) {
  NodeId resolved = doc.resolve(id);
  if (resolved == kNoNode)
    return "an alias of an unknown anchor";
  const Node &n = doc.node(resolved);
  switch (n.kind) {
  case NodeKind::Null: return "null";
  case NodeKind::Sequence: return "a list";
  case NodeKind::Mapping: return "a mapping";
  case NodeKind::Alias: return "an alias";
  case NodeKind::Scalar: break;
  }
  llvm::StringRef text = doc.text(resolved);
  ScalarValue v = doc.scalar(resolved);
  switch (v.type) {
  case ScalarType::Null: return "null";
  case ScalarType::Bool: return fmt::format("boolean `{}`", shortText(text));
  case ScalarType::Int: return fmt::format("integer `{}`", shortText(text));
  case ScalarType::Float:
    if (std::isnan(v.floatValue) || std::isinf(v.floatValue))
      return fmt::format("`{}` (not a JSON number)", shortText(text));
    return fmt::format("number `{}`", shortText(text));
  case ScalarType::String: return fmt::format("string \"{}\"", shortText(text));
  }
  return "a value";
}

} // namespace cairn::manifest
