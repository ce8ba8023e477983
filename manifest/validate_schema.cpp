// Schemas: fields present, unknown (with --strict) and missing; and the
// entry points of validate.h.
#include <fmt/format.h>

#include "manifest/validate_hints.h"
#include "manifest/validator.h"

namespace cairn::manifest {

using types::TypeId;

namespace detail {

void Validator::unknownField(NodeId key, llvm::StringRef name, const types::SchemaInfo &schema) {
  std::vector<llvm::StringRef> names;
  for (const types::FieldInfo &field : schema.fields)
    names.push_back(field.name);
  Diagnostic &d = issues_->report(pathWith(name), DiagKind::ManifestUnknownField, doc_.span(key), name.str(),
                                  schema.name.str());
  std::string best = closestMatch(name, names);
  if (!best.empty()) {
    d.withHint(fmt::format("did you mean `{}`?", best));
    d.fix(fmt::format("rename to `{}`", best), doc_.span(key), best);
  } else {
    d.note(fieldListNote(schema));
  }
}

void Validator::checkSchema(NodeId node, uint32_t schemaIndex) {
  if (tooDeep(node))
    return;
  noteRoot(node);
  const types::SchemaInfo &schema = checked_.schemas[schemaIndex];
  llvm::SmallVector<bool, 64> present(schema.fields.size(), false);
  llvm::SmallVector<MapEntry, 16> entries;
  mappingEntries(doc_, node, entries);
  std::string storage;
  for (const MapEntry &entry : entries) {
    NodeId key = doc_.resolve(entry.key);
    if (key == kNoNode || doc_.node(key).kind != NodeKind::Scalar)
      continue; // reported while reading
    std::optional<llvm::StringRef> name = keyRef(doc_.text(key), doc_.node(key).quoted, storage);
    if (!name)
      continue;
    auto it = schema.fieldIndex.find(*name);
    if (it == schema.fieldIndex.end()) {
      if (options_.strict)
        unknownField(entry.key, *name, schema);
      continue;
    }
    // null is how YAML says "not set": the field counts as absent.
    NodeId value = doc_.resolve(entry.value);
    if (value == kNoNode || doc_.node(value).kind == NodeKind::Null ||
        (doc_.node(value).kind == NodeKind::Scalar && doc_.scalar(value).type == ScalarType::Null))
      continue;
    present[it->second] = true;
    steps_.push_back({entry.key, 0});
    check(entry.value, schema.fields[it->second].type);
    steps_.pop_back();
  }
  for (size_t i = 0; i < schema.fields.size(); ++i) {
    const types::FieldInfo &field = schema.fields[i];
    if (present[i] || field.presence != types::FieldPresence::Required)
      continue;
    // Point at the parent's key (`spec:`) when there is one, else at the mapping.
    Span at = !steps_.empty() && steps_.back().key != kNoNode ? doc_.span(steps_.back().key) : doc_.span(node);
    issues_->report(pathWith(field.name), DiagKind::ManifestMissingField, at, field.name.str(), schema.name.str())
        .withHint(missingFieldHint(checked_, field, path()));
  }
}

} // namespace detail

void validateAgainstSchema(const Document &doc, NodeId node, uint32_t schemaIndex,
                           const types::CheckedProgram &checked, const ValidateOptions &options,
                           IssueSink &issues) {
  detail::Validator validator(doc, checked, options, issues);
  NodeId resolved = doc.resolve(node);
  if (resolved == kNoNode || doc.node(resolved).kind != NodeKind::Mapping) {
    issues.report("", DiagKind::ManifestNotObject, doc.span(node), describeNode(doc, node));
    return;
  }
  validator.checkSchema(resolved, schemaIndex);
}

void validateAgainstType(const Document &doc, NodeId node, TypeId type, const types::CheckedProgram &checked,
                         const ValidateOptions &options, IssueSink &issues) {
  detail::Validator validator(doc, checked, options, issues);
  validator.check(node, type);
}

} // namespace cairn::manifest
