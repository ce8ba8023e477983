#include "importers/yaml_import_typed.h"

#include <array>

#include <fmt/format.h>

#include "importers/yaml_import_text.h"
#include "manifest/validate_hints.h"

namespace cairn::importers {

using manifest::NodeId;
using manifest::NodeKind;
using manifest::ScalarType;
using types::TypeId;
using types::TypeKind;

namespace {

// Optional fields that name another object of the same namespace. Required
// ones (a RoleRef's `name`) cannot refer: `config.metadata.name` is a `string?`.
struct ReferenceField {
  llvm::StringLiteral schema, field, kind;
};
constexpr std::array<ReferenceField, 11> kReferenceFields{{
    {"ConfigMapEnvSource", "name", "ConfigMap"},
    {"ConfigMapKeySelector", "name", "ConfigMap"},
    {"ConfigMapVolumeSource", "name", "ConfigMap"},
    {"ConfigMapProjection", "name", "ConfigMap"},
    {"SecretEnvSource", "name", "Secret"},
    {"SecretKeySelector", "name", "Secret"},
    {"SecretProjection", "name", "Secret"},
    {"SecretVolumeSource", "secretName", "Secret"},
    {"PodSpec", "serviceAccountName", "ServiceAccount"},
    {"IngressTLS", "secretName", "Secret"},
    {"StatefulSetSpec", "serviceName", "Service"},
}};

bool isLabelField(llvm::StringRef field) {
  return field == "labels" || field == "matchLabels" || field == "selector";
}

std::string keySegment(llvm::StringRef key) {
  return isCairnName(key) ? "." + key.str() : "[" + cairnString(key) + "]";
}

} // namespace

bool isNullValue(const manifest::Document &doc, NodeId id) {
  const manifest::Node &n = doc.node(id);
  return n.kind == NodeKind::Null || (n.kind == NodeKind::Scalar && doc.scalar(id).type == ScalarType::Null);
}

TypedReader::TypedReader(const manifest::Document &doc, const types::CheckedProgram &checked,
                         DiagnosticSink &diags, std::string objectLabel)
    : doc_(doc), checked_(checked), diags_(diags), objectLabel_(std::move(objectLabel)) {}

CairnExpr TypedReader::readObject(NodeId node, uint32_t schema) { return readSchema(node, schema).expr; }

CairnExpr TypedReader::readOpenObject(NodeId node) { return readAny(node).expr; }

std::string TypedReader::path() const {
  std::string out;
  for (const std::string &segment : path_)
    out += segment;
  return !out.empty() && out[0] == '.' ? out.substr(1) : out;
}

TypedReader::Result TypedReader::mismatch(NodeId node, TypeId type, std::string found) {
  if (trial_)
    return {CairnExpr::atom("null"), false};
  return mismatch(node, manifest::displayType(checked_, type), std::move(found), fixHint(node, type));
}

TypedReader::Result TypedReader::mismatch(NodeId node, const std::string &expected, std::string found,
                                          std::string hint) {
  if (!trial_) {
    if (found.empty())
      found = manifest::describeNode(doc_, node);
    bool secret = inSecretData();
    // The value is not quoted, and a hint that would quote it is replaced.
    if (secret)
      found = kSecretPlaceholder.str();
    if (hint.empty() || secret)
      hint = "fix the manifest: the API server would refuse this value too";
    Diagnostic &d = diags_.report(DiagKind::ImportValueMismatch, doc_.span(node), path(), expected, found)
                        .note(fmt::format("in {}", objectLabel_))
                        .withHint(std::move(hint));
    d.secretSource = secret;
  }
  return {CairnExpr::atom("null"), false};
}

bool TypedReader::accepts(NodeId node, TypeId type) {
  bool saved = trial_;
  trial_ = true;
  size_t depth = path_.size();
  bool ok = read(node, type).ok;
  path_.resize(depth);
  trial_ = saved;
  return ok;
}

TypedReader::Result TypedReader::read(NodeId node, TypeId type) {
  node = doc_.resolve(node);
  TypeId t = checked_.types.strip(type);
  switch (checked_.types.kind(t)) {
  case TypeKind::Any:
  case TypeKind::Error: return readAny(node);
  case TypeKind::Union: return readUnion(node, t);
  case TypeKind::Schema:
  case TypeKind::Map:
  case TypeKind::List: {
    bool list = checked_.types.kind(t) == TypeKind::List;
    if (doc_.node(node).kind != (list ? NodeKind::Sequence : NodeKind::Mapping))
      return mismatch(node, t);
    if (list)
      return readList(node, checked_.types.get(t).element);
    if (checked_.types.kind(t) == TypeKind::Map)
      return readMap(node, checked_.types.get(t).element);
    return readSchema(node, checked_.types.get(t).schema);
  }
  default: return readScalar(node, t);
  }
}

// The first member that accepts the value. A mapping or sequence that no
// member accepts is read against its only candidate, so that the error
// points at the part that does not fit rather than at the whole value.
TypedReader::Result TypedReader::readUnion(NodeId node, TypeId type) {
  std::vector<TypeId> candidates;
  NodeKind shape = doc_.node(node).kind;
  for (TypeId member : checked_.types.get(type).members) {
    TypeKind kind = checked_.types.kind(checked_.types.strip(member));
    bool compound = kind == TypeKind::Schema || kind == TypeKind::Map || kind == TypeKind::List;
    if ((shape == NodeKind::Mapping || shape == NodeKind::Sequence) != compound && kind != TypeKind::Any)
      continue;
    if (accepts(node, member))
      return read(node, member);
    candidates.push_back(member);
  }
  if (candidates.size() == 1 && shape != NodeKind::Scalar && shape != NodeKind::Null)
    return read(node, candidates.front());
  return mismatch(node, type);
}

TypedReader::Result TypedReader::readSchema(NodeId node, uint32_t schemaIndex) {
  const types::SchemaInfo &schema = checked_.schemas[schemaIndex];
  if (doc_.node(node).kind != NodeKind::Mapping)
    return mismatch(node, schema.name.str());
  Result result{CairnExpr::object(true), true};
  std::vector<bool> present(schema.fields.size(), false);
  llvm::SmallVector<manifest::MapEntry, 16> entries;
  manifest::mappingEntries(doc_, node, entries);
  for (const manifest::MapEntry &entry : entries) {
    NodeId keyNode = doc_.resolve(entry.key), value = doc_.resolve(entry.value);
    std::string storage;
    std::optional<llvm::StringRef> key = jsonKey(keyNode, storage);
    if (!key) {
      result.ok = false;
      continue;
    }
    llvm::StringRef name = *key;
    const types::FieldInfo *field = schema.field(name);
    if (field == nullptr) {
      result.ok = false;
      reportUnknownField(keyNode, schema);
      continue;
    }
    if (isNullValue(doc_, value))
      continue; // absent: Cairn leaves out null fields, and so does this
    present[schema.fieldIndex.find(name)->second] = true;
    TypeId declared = checked_.types.strip(field->type);
    // `apiVersion: "apps/v1" = "apps/v1"`: the schema writes it already.
    if (field->presence == types::FieldPresence::Defaulted &&
        checked_.types.kind(declared) == TypeKind::Literal && accepts(value, declared))
      continue;
    Result member = readField(value, schema, *field);
    result.ok &= member.ok;
    bool block = member.expr.kind == CairnExpr::Kind::Object && !member.expr.isMap;
    result.expr.members.push_back({name.str(), std::move(member.expr), block});
  }
  for (size_t i = 0; i < schema.fields.size(); ++i) {
    if (present[i] || schema.fields[i].presence != types::FieldPresence::Required)
      continue;
    result.ok = false;
    if (!trial_)
      diags_.report(DiagKind::ImportMissingField, doc_.span(node), schema.fields[i].name.str(), schema.name.str())
          .note(fmt::format("in {}", objectLabel_))
          .withHint(manifest::missingFieldHint(checked_, schema.fields[i], path()));
  }
  return result;
}

// The JSON key a mapping key becomes, as kubectl converts it (`on:` is the
// key "true", `0x10:` is "16"); nullopt, reported, for keys JSON cannot have.
std::optional<llvm::StringRef> TypedReader::jsonKey(NodeId keyNode, std::string &storage) {
  if (doc_.node(keyNode).kind == NodeKind::Scalar)
    if (std::optional<llvm::StringRef> key = manifest::keyRef(doc_.text(keyNode), doc_.node(keyNode).quoted, storage))
      return key;
  mismatch(keyNode, checked_.types.string(), manifest::describeNode(doc_, keyNode) + " as a key");
  return std::nullopt;
}

TypedReader::Result TypedReader::readField(NodeId value, const types::SchemaInfo &schema,
                                           const types::FieldInfo &field) {
  path_.push_back(keySegment(field.name));
  Result member = read(value, field.type);
  path_.pop_back();
  CairnExpr &expr = member.expr;
  if (expr.kind == CairnExpr::Kind::Object && expr.isMap && isLabelField(field.name))
    expr.labelMap = true;
  // `config.metadata.name` is a `string?` (ObjectMeta's name is optional),
  // which only an optional field accepts.
  if (expr.kind == CairnExpr::Kind::String && field.presence == types::FieldPresence::Optional)
    noteReference(expr, schema.name, field.name);
  return member;
}

void TypedReader::reportUnknownField(NodeId keyNode, const types::SchemaInfo &schema) {
  if (trial_)
    return;
  std::string storage;
  llvm::StringRef name = jsonKey(keyNode, storage).value_or(doc_.text(keyNode));
  std::vector<llvm::StringRef> names;
  for (const types::FieldInfo &f : schema.fields)
    names.push_back(f.name);
  std::string best = closestMatch(name, names);
  path_.push_back(keySegment(name));
  diags_.report(DiagKind::ImportUnknownField, doc_.span(keyNode), name.str(), schema.name.str())
      .note(fmt::format("at `{}` in {}", path(), objectLabel_))
      .withHint(best.empty() ? "remove it from the manifest; `cairn validate` checks manifests against the same schemas"
                             : fmt::format("did you mean `{}`?", best));
  path_.pop_back();
}

TypedReader::Result TypedReader::readMap(NodeId node, TypeId element) {
  if (doc_.node(node).kind != NodeKind::Mapping)
    return mismatch(node, "{string: " + manifest::displayType(checked_, element) + "}");
  return readMembers(node, element, true);
}

// The entries of a mapping, each read against `element`; `isMap` says whether
// they are a map's keys or an open object's fields (`any`).
TypedReader::Result TypedReader::readMembers(NodeId node, TypeId element, bool isMap) {
  Result result{CairnExpr::object(false), true};
  result.expr.isMap = isMap;
  llvm::SmallVector<manifest::MapEntry, 16> entries;
  manifest::mappingEntries(doc_, node, entries);
  for (const manifest::MapEntry &entry : entries) {
    NodeId keyNode = doc_.resolve(entry.key), value = doc_.resolve(entry.value);
    std::string storage;
    std::optional<llvm::StringRef> jsonName = jsonKey(keyNode, storage);
    if (!jsonName) {
      result.ok = false;
      continue;
    }
    // An open object's null member is absent; a map's is the zero value.
    bool typedMap = isMap && checked_.types.kind(checked_.types.strip(element)) != TypeKind::Any;
    if (isNullValue(doc_, value) && !typedMap)
      continue;
    llvm::StringRef key = *jsonName;
    path_.push_back(keySegment(key));
    Result member = isNullValue(doc_, value) ? readNullElement(value, element) : read(value, element);
    path_.pop_back();
    result.ok &= member.ok;
    // An open object's nested objects read best as blocks; a map's values are assigned.
    bool block = !isMap && member.expr.kind == CairnExpr::Kind::Object;
    result.expr.members.push_back({key.str(), std::move(member.expr), block});
  }
  return result;
}

TypedReader::Result TypedReader::readList(NodeId node, TypeId element) {
  if (doc_.node(node).kind != NodeKind::Sequence)
    return mismatch(node, "[" + manifest::displayType(checked_, element) + "]");
  Result result{CairnExpr::list(), true};
  size_t index = 0;
  for (NodeId item = doc_.node(node).firstChild; item != manifest::kNoNode; item = doc_.node(item).nextSibling) {
    path_.push_back(fmt::format("[{}]", index++));
    bool elementIsAny = checked_.types.kind(checked_.types.strip(element)) == TypeKind::Any;
    Result read = isNullValue(doc_, item) && !elementIsAny ? readNullElement(item, element) : this->read(item, element);
    path_.pop_back();
    result.ok &= read.ok;
    result.expr.items.push_back(std::move(read.expr));
  }
  return result;
}

TypedReader::Result TypedReader::readAny(NodeId node) {
  node = doc_.resolve(node);
  const manifest::Node &n = doc_.node(node);
  if (n.kind == NodeKind::Sequence)
    return readList(node, checked_.types.any());
  if (n.kind == NodeKind::Mapping)
    return readMembers(node, checked_.types.any(), false);
  Result result{CairnExpr::atom("null"), true};
  if (!scalarLiteral(doc_, node, result.expr))
    return mismatch(node, checked_.types.any(), manifest::describeNode(doc_, node) + ", which Cairn cannot write");
  return result;
}

void TypedReader::noteReference(CairnExpr &value, llvm::StringRef schemaName, llvm::StringRef field) {
  for (const ReferenceField &ref : kReferenceFields)
    if (ref.schema == schemaName && ref.field == field)
      value.refKind = ref.kind.str();
}

} // namespace cairn::importers
