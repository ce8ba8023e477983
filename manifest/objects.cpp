#include "manifest/objects.h"

#include <fmt/format.h>

#include "manifest/validate.h"

namespace cairn::manifest {

const char *statusName(ObjectStatus status) {
  switch (status) {
  case ObjectStatus::Valid: return "valid";
  case ObjectStatus::Invalid: return "invalid";
  case ObjectStatus::Error: return "error";
  case ObjectStatus::Skipped: return "skipped";
  }
  return "error";
}

namespace {

// A string field of a mapping: its text, "" if absent; `found` describes a
// value that is there but not a string.
std::string stringField(const Document &doc, NodeId map, llvm::StringRef key, std::string &found) {
  NodeId value = doc.resolve(doc.get(map, key));
  if (value == kNoNode)
    return {};
  if (doc.node(value).kind == NodeKind::Scalar && doc.scalar(value).type == ScalarType::String)
    return doc.text(value).str();
  if (doc.node(value).kind != NodeKind::Null && doc.scalar(value).type != ScalarType::Null)
    found = describeNode(doc, value);
  return {};
}

void reportMissing(const Document &doc, ManifestObject &object, const char *field, const std::string &found,
                   const KindRegistry &registry) {
  Diagnostic &d = object.issues.report(field, DiagKind::ManifestMissingKind, object.span, field);
  if (!found.empty())
    d.note(fmt::format("`{}` is {}; it must be a string", field, found));
  if (llvm::StringRef(field) == "kind") {
    d.withHint("add the object's kind, e.g. `kind: ConfigMap`");
    return;
  }
  std::vector<const KindEntry *> candidates = registry.withKind(object.kind);
  if (!candidates.empty())
    d.withHint(fmt::format("add `apiVersion: {}` (the apiVersion of `{}`)", candidates.front()->apiVersion,
                           object.kind));
  else
    d.withHint("add the object's group/version, e.g. `apiVersion: v1` or `apiVersion: apps/v1`");
}

ManifestObject makeObject(const Document &doc, uint32_t docIndex, NodeId node, int32_t listItem,
                          const KindRegistry &registry) {
  ManifestObject object;
  object.document = docIndex;
  object.listItem = listItem;
  object.span = doc.span(node);
  NodeId resolved = doc.resolve(node);
  if (resolved == kNoNode || doc.node(resolved).kind != NodeKind::Mapping) {
    object.status = ObjectStatus::Error;
    object.issues.report("", DiagKind::ManifestNotObject, object.span, describeNode(doc, node))
        .withHint("each document must be one Kubernetes object: a mapping with `apiVersion`, `kind` and "
                  "`metadata`");
    return object;
  }
  object.node = resolved;
  std::string apiVersionFound, kindFound, ignored;
  object.apiVersion = stringField(doc, resolved, "apiVersion", apiVersionFound);
  object.kind = stringField(doc, resolved, "kind", kindFound);
  NodeId metadata = doc.get(resolved, "metadata");
  object.name = stringField(doc, metadata, "name", ignored);
  if (object.name.empty())
    object.name = stringField(doc, metadata, "generateName", ignored);
  object.namespaceName = stringField(doc, metadata, "namespace", ignored);
  if (object.apiVersion.empty())
    reportMissing(doc, object, "apiVersion", apiVersionFound, registry);
  if (object.kind.empty())
    reportMissing(doc, object, "kind", kindFound, registry);
  if (!object.identified())
    object.status = ObjectStatus::Error;
  return object;
}

// `List`, or `FooList` when no schema describes it: kubectl sends its items one by one.
bool isListKind(const ManifestObject &object, const KindRegistry &registry) {
  llvm::StringRef kind = object.kind;
  return kind == "List" || (kind.endswith("List") && registry.find(object.apiVersion, kind) == nullptr);
}

// `list` is a copy: it becomes an entry itself when its items are malformed.
void listItems(const Document &doc, uint32_t docIndex, ManifestObject list, const KindRegistry &registry,
               std::vector<ManifestObject> &out) {
  NodeId items = doc.get(list.node, "items");
  NodeId resolved = doc.resolve(items);
  if (resolved == kNoNode || doc.node(resolved).kind == NodeKind::Null)
    return;
  if (doc.node(resolved).kind != NodeKind::Sequence) {
    list.status = ObjectStatus::Invalid;
    list.issues.report("items", DiagKind::ManifestTypeMismatch, doc.span(items), "list", describeNode(doc, items))
        .withHint("the items of a `List` are a list: start each with `- `");
    out.push_back(std::move(list));
    return;
  }
  int32_t index = 0;
  for (NodeId item = doc.node(resolved).firstChild; item != kNoNode; item = doc.node(item).nextSibling)
    out.push_back(makeObject(doc, docIndex, item, index++, registry));
}

// The path of the mapping key written at `offset` below `node` (`spec.replicas`
// for a repeated `replicas:` key), or "" when no key starts there.
bool pathToKeyAt(const Document &doc, NodeId node, uint32_t offset, std::string &path, int depth) {
  const Node &n = doc.node(node);
  if (depth > 512 || (n.kind != NodeKind::Mapping && n.kind != NodeKind::Sequence))
    return false;
  size_t length = path.size();
  uint32_t index = 0;
  for (NodeId child = n.firstChild; child != kNoNode; child = doc.node(child).nextSibling, ++index) {
    NodeId value = child;
    std::string key;
    if (n.kind == NodeKind::Mapping) {
      value = doc.node(child).nextSibling;
      // A key that is no string (null, a collection) has no path of its own.
      if (doc.node(child).kind == NodeKind::Scalar && keyString(doc.text(child), doc.node(child).quoted, key))
        appendPathKey(path, key);
      if (doc.node(child).offset == offset)
        return true;
    } else {
      appendPathIndex(path, index);
    }
    if (value != kNoNode && pathToKeyAt(doc, value, offset, path, depth + 1))
      return true;
    path.resize(length);
    if (n.kind == NodeKind::Mapping) {
      if (value == kNoNode)
        break;
      child = value;
    }
  }
  return false;
}

} // namespace

void collectObjects(const Document &doc, uint32_t docIndex, const KindRegistry &registry,
                    std::vector<ManifestObject> &out) {
  size_t first = out.size();
  if (doc.root == kNoNode) {
    ManifestObject broken;
    broken.document = docIndex;
    broken.span = Span{doc.file, doc.begin, doc.begin};
    broken.status = ObjectStatus::Error;
    out.push_back(std::move(broken));
  } else {
    ManifestObject object = makeObject(doc, docIndex, doc.root, -1, registry);
    if (object.identified() && isListKind(object, registry))
      listItems(doc, docIndex, object, registry, out);
    // An empty List has no items to hold its reading problems: it holds them.
    if (out.size() == first && (!doc.problems.diagnostics().empty() || !isListKind(object, registry) ||
                                !object.identified()))
      out.push_back(std::move(object));
  }
  if (out.size() == first)
    return;
  // Reading problems (duplicate keys, ...) belong to the object they are in.
  for (const Diagnostic &problem : doc.problems.diagnostics()) {
    size_t owner = first;
    for (size_t i = first; i < out.size(); ++i)
      if (out[i].span.begin <= problem.span.begin)
        owner = i;
    std::string path;
    if (out[owner].node == kNoNode || !pathToKeyAt(doc, out[owner].node, problem.span.begin, path, 0))
      path.clear();
    out[owner].issues.add(problem, std::move(path));
    if (problem.severity == Severity::Error && out[owner].status == ObjectStatus::Valid)
      out[owner].status = ObjectStatus::Invalid;
  }
}

} // namespace cairn::manifest
