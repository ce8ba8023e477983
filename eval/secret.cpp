#include "eval/secret.h"

#include <algorithm>

#include <llvm/ADT/SmallVector.h>

#include "eval/value_ops.h"

namespace cairn::eval {

bool containsSecret(Value value) {
  if (value.isSecret())
    return true;
  switch (value.kind()) {
  case ValueKind::List: return anyContainsSecret(value.asList());
  case ValueKind::Object:
    return std::any_of(value.asObject().fields.begin(), value.asObject().fields.end(),
                       [](const ObjectField &f) { return containsSecret(f.value); });
  default: return false;
  }
}

bool anyContainsSecret(llvm::ArrayRef<Value> values) {
  return std::any_of(values.begin(), values.end(), [](Value v) { return containsSecret(v); });
}

Value markSecret(ValueArena &arena, Value value) {
  switch (value.kind()) {
  case ValueKind::List: {
    llvm::SmallVector<Value, 16> items;
    for (Value item : value.asList())
      items.push_back(markSecret(arena, item));
    return Value::list(arena.copyList(items), value.span()).withSecretMark();
  }
  case ValueKind::Object: {
    const ObjectData &object = value.asObject();
    llvm::SmallVector<ObjectField, 16> fields(object.fields.begin(), object.fields.end());
    for (ObjectField &field : fields)
      field.value = markSecret(arena, field.value);
    const ObjectData *copy = arena.makeObject(object.schema, object.typeName, fields, object.explicitNulls);
    return Value::object(copy, value.span()).withSecretMark();
  }
  default: return value.withSecretMark();
  }
}

bool isKubernetesSecret(const ObjectData &object) {
  const ObjectField *kind = object.find("kind");
  const ObjectField *apiVersion = object.find("apiVersion");
  return kind && apiVersion && kind->value.kind() == ValueKind::String && kind->value.asString() == "Secret" &&
         apiVersion->value.kind() == ValueKind::String && apiVersion->value.asString() == "v1";
}

Value markSecretData(ValueArena &arena, Value value) {
  if (value.kind() != ValueKind::Object || !isKubernetesSecret(value.asObject()))
    return value;
  const ObjectData &object = value.asObject();
  llvm::SmallVector<ObjectField, 16> fields(object.fields.begin(), object.fields.end());
  bool changed = false;
  for (ObjectField &field : fields)
    if ((field.name == "data" || field.name == "stringData") && !field.value.isSecret()) {
      field.value = markSecret(arena, field.value);
      changed = true;
    }
  if (!changed)
    return value;
  return Value::object(arena.makeObject(object.schema, object.typeName, fields, object.explicitNulls), value.span());
}

void SecretTexts::addLeaves(Value value) {
  switch (value.kind()) {
  case ValueKind::List:
    for (Value item : value.asList())
      addLeaves(item);
    return;
  case ValueKind::Object:
    for (const ObjectField &field : value.asObject().fields)
      addLeaves(field.value);
    return;
  default: break;
  }
  if (!value.isSecret())
    return;
  // Bools and null are not recorded: scrubbing every "true" would hide the
  // message without protecting anything.
  switch (value.kind()) {
  case ValueKind::String: add(value.asString()); break;
  case ValueKind::Int: add(std::to_string(value.asInt())); break;
  case ValueKind::Float: add(formatFloat(value.asFloat())); break;
  default: break;
  }
}

void SecretTexts::add(llvm::StringRef text) {
  if (text.empty() || !seen_.insert(text).second)
    return;
  auto longerFirst = [](const std::string &a, const std::string &b) { return a.size() > b.size(); };
  texts_.insert(std::upper_bound(texts_.begin(), texts_.end(), text.str(), longerFirst), text.str());
}

std::string SecretTexts::scrub(llvm::StringRef message, bool &replaced) const {
  std::string out;
  replaced = false;
  for (size_t i = 0; i < message.size();) {
    llvm::StringRef rest = message.drop_front(i);
    auto hit = std::find_if(texts_.begin(), texts_.end(), [&](const std::string &t) { return rest.startswith(t); });
    if (hit == texts_.end()) {
      out += message[i++];
      continue;
    }
    out += kSecretPlaceholder;
    i += hit->size();
    replaced = true;
  }
  return out;
}

std::string redactMessageText(Value message, const SecretTexts &secrets) {
  if (message.kind() != ValueKind::String)
    return showValue(message);
  if (!message.isSecret())
    return message.asString().str();
  bool replaced = false;
  std::string scrubbed = secrets.scrub(message.asString(), replaced);
  return replaced ? scrubbed : kSecretPlaceholder.str();
}

} // namespace cairn::eval
