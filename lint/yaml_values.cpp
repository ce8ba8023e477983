#include "lint/yaml_values.h"

#include <string>

#include <llvm/ADT/SmallVector.h>

namespace cairn::lint {

using manifest::NodeId;
using manifest::NodeKind;

namespace {

eval::Value scalarValue(const manifest::Document &doc, NodeId id, Span span, eval::ValueArena &arena) {
  manifest::ScalarValue scalar = doc.scalar(id);
  switch (scalar.type) {
  case manifest::ScalarType::Null: return eval::Value::null(span);
  case manifest::ScalarType::Bool: return eval::Value::boolean(scalar.boolValue, span);
  case manifest::ScalarType::Int:
    if (scalar.intTooLarge)
      return eval::Value::real(scalar.floatValue, span);
    return eval::Value::integer(scalar.intValue, span);
  case manifest::ScalarType::Float: return eval::Value::real(scalar.floatValue, span);
  case manifest::ScalarType::String: return eval::Value::string(arena.copyString(doc.text(id)), span);
  }
  return eval::Value::null(span);
}

} // namespace

// Depth is bounded by the reader (ReadLimits::maxDepth) and the size by its
// alias-expansion limit, so the recursion and the copies stay bounded.
eval::Value nodeToValue(const manifest::Document &doc, NodeId node, eval::ValueArena &arena) {
  Span span = doc.span(node);
  NodeId id = doc.resolve(node);
  if (id == manifest::kNoNode)
    return eval::Value::null(span);
  const manifest::Node &n = doc.node(id);
  switch (n.kind) {
  case NodeKind::Null:
  case NodeKind::Alias: return eval::Value::null(span);
  case NodeKind::Scalar: return scalarValue(doc, id, span, arena);
  case NodeKind::Sequence: {
    llvm::SmallVector<eval::Value, 8> items;
    for (NodeId child = n.firstChild; child != manifest::kNoNode; child = doc.node(child).nextSibling)
      items.push_back(nodeToValue(doc, child, arena));
    return eval::Value::list(arena.copyList(items), span);
  }
  case NodeKind::Mapping: {
    llvm::SmallVector<manifest::MapEntry, 16> entries;
    manifest::mappingEntries(doc, id, entries);
    llvm::SmallVector<eval::ObjectField, 16> fields;
    std::string storage;
    for (const manifest::MapEntry &entry : entries) {
      NodeId key = doc.resolve(entry.key);
      if (key == manifest::kNoNode || doc.node(key).kind != NodeKind::Scalar)
        continue; // complex keys were reported by the reader
      std::optional<llvm::StringRef> name = manifest::keyRef(doc.text(key), doc.node(key).quoted, storage);
      if (!name)
        continue;
      eval::Value value = nodeToValue(doc, entry.value, arena);
      if (value.isNull())
        continue; // objects never hold null entries, as in Cairn
      fields.push_back(eval::ObjectField{arena.copyString(*name), value, doc.span(entry.key), true});
    }
    return eval::Value::object(arena.makeObject(eval::kNoSchema, {}, fields), span);
  }
  }
  return eval::Value::null(span);
}

} // namespace cairn::lint
