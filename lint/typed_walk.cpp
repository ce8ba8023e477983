#include "lint/typed_walk.h"

#include "frontend/cairn_text.h"

namespace cairn::lint {

using eval::Value;
using eval::ValueKind;
using types::TypeId;
using types::TypeKind;

void appendKey(std::string &path, llvm::StringRef key) {
  if (isCairnName(key)) {
    if (!path.empty())
      path += '.';
    path += key.str();
    return;
  }
  path += "[\"";
  for (char c : key) {
    if (c == '"' || c == '\\')
      path += '\\';
    path += c;
  }
  path += "\"]";
}

namespace {

// The member of a union that fits the value's kind (lists for lists, schemas
// and maps for objects); invalid when none does.
TypeId memberFor(const types::TypeStore &store, const types::Type &u, Value value) {
  for (TypeId member : u.members) {
    TypeKind kind = store.kind(store.strip(member));
    if (value.kind() == ValueKind::List && kind == TypeKind::List)
      return member;
    if (value.kind() == ValueKind::Object && (kind == TypeKind::Schema || kind == TypeKind::Map))
      return member;
  }
  return {};
}

} // namespace

void walkSchema(const types::CheckedProgram &checked, Value value, uint32_t schemaIndex, std::string &path,
                SchemaVisitor visit) {
  if (value.kind() != ValueKind::Object)
    return;
  visit(value, schemaIndex, path);
  const types::SchemaInfo &schema = checked.schemas[schemaIndex];
  size_t length = path.size();
  for (const eval::ObjectField &field : value.asObject().fields) {
    const types::FieldInfo *declared = schema.field(field.name);
    if (!declared)
      continue;
    appendKey(path, field.name);
    walkTyped(checked, field.value, declared->type, path, visit);
    path.resize(length);
  }
}

void walkTyped(const types::CheckedProgram &checked, Value value, TypeId type, std::string &path,
               SchemaVisitor visit) {
  const types::TypeStore &store = checked.types;
  if (!type.valid() || (value.kind() != ValueKind::Object && value.kind() != ValueKind::List))
    return;
  TypeId t = store.strip(type);
  const types::Type *info = &store.get(t);
  if (info->kind == TypeKind::Union) {
    t = memberFor(store, *info, value);
    if (!t.valid())
      return;
    t = store.strip(t);
    info = &store.get(t);
  }
  size_t length = path.size();
  switch (info->kind) {
  case TypeKind::Schema: walkSchema(checked, value, info->schema, path, visit); return;
  case TypeKind::List: {
    if (value.kind() != ValueKind::List)
      return;
    llvm::ArrayRef<Value> items = value.asList();
    for (size_t i = 0; i < items.size(); ++i) {
      path += "[" + std::to_string(i) + "]";
      walkTyped(checked, items[i], info->element, path, visit);
      path.resize(length);
    }
    return;
  }
  case TypeKind::Map: {
    if (value.kind() != ValueKind::Object)
      return;
    for (const eval::ObjectField &field : value.asObject().fields) {
      appendKey(path, field.name);
      walkTyped(checked, field.value, info->element, path, visit);
      path.resize(length);
    }
    return;
  }
  default: return;
  }
}

} // namespace cairn::lint
