#include "lint/object_index.h"

#include <algorithm>

#include <llvm/ADT/StringSet.h>

namespace cairn::lint {

using eval::Value;
using eval::ValueKind;

Value fieldOf(Value object, llvm::StringRef name) {
  if (object.kind() != ValueKind::Object)
    return Value::null(object.span());
  const eval::ObjectField *field = object.asObject().find(name);
  return field ? field->value : Value::null(object.span());
}

llvm::StringRef stringField(Value object, llvm::StringRef name) {
  Value v = fieldOf(object, name);
  return v.kind() == ValueKind::String ? v.asString() : llvm::StringRef();
}

llvm::StringRef normalNamespace(llvm::StringRef ns) { return ns == "default" ? llvm::StringRef() : ns; }

Value podLabels(const LintObject &object) {
  llvm::StringRef kind = object.kind;
  Value v = object.value;
  if (kind == "Pod")
    return fieldOf(fieldOf(v, "metadata"), "labels");
  Value spec = fieldOf(v, "spec");
  if (kind == "CronJob")
    spec = fieldOf(fieldOf(spec, "jobTemplate"), "spec");
  else if (kind != "Deployment" && kind != "StatefulSet" && kind != "DaemonSet" && kind != "ReplicaSet" &&
           kind != "ReplicationController" && kind != "Job")
    return Value::null(v.span());
  Value labels = fieldOf(fieldOf(fieldOf(spec, "template"), "metadata"), "labels");
  // A pod-running object without labels still runs pods: an empty map says so.
  static const eval::ObjectData kNoLabels{};
  if (labels.kind() != ValueKind::Object)
    return Value::object(&kNoLabels, v.span());
  return labels;
}

namespace {

std::string nameKey(llvm::StringRef kind, llvm::StringRef ns, llvm::StringRef name) {
  return (kind + "\n" + normalNamespace(ns) + "\n" + name).str();
}

std::string labelKey(llvm::StringRef ns, llvm::StringRef key, llvm::StringRef value) {
  return (normalNamespace(ns) + "\n" + key + "\n" + value).str();
}

} // namespace

ObjectIndex::ObjectIndex(const std::vector<LintObject> &objects, eval::ValueArena &arena) : objects_(objects) {
  std::vector<Value> values;
  values.reserve(objects.size());
  for (uint32_t i = 0; i < objects.size(); ++i) {
    const LintObject &object = objects[i];
    values.push_back(object.value);
    if (!object.kind.empty() && !object.name.empty()) {
      byName_.try_emplace(nameKey(object.kind, object.namespaceName, object.name), i);
      byName_.try_emplace(nameKey(object.apiVersion + "/" + object.kind, object.namespaceName, object.name), i);
    }
    Value labels = podLabels(object);
    if (labels.kind() != ValueKind::Object)
      continue;
    podsIn_[normalNamespace(object.namespaceName)].push_back(i);
    for (const eval::ObjectField &label : labels.asObject().fields)
      if (label.value.kind() == ValueKind::String)
        podsWith_[labelKey(object.namespaceName, label.name, label.value.asString())].push_back(i);
  }
  all_ = Value::list(arena.copyList(values), Span{});
}

Value LintCursor::currentObject() const {
  const std::vector<LintObject> &objects = index_.objects();
  return current_ < objects.size() ? objects[current_].value : Value::null(Span{});
}

Value ObjectIndex::findObject(llvm::StringRef kind, llvm::StringRef namespaceName, llvm::StringRef name) const {
  auto it = byName_.find(nameKey(kind, namespaceName, name));
  return it == byName_.end() ? Value::null(Span{}) : objects_[it->second].value;
}

void ObjectIndex::selectPods(llvm::StringRef namespaceName,
                             llvm::ArrayRef<std::pair<llvm::StringRef, llvm::StringRef>> selector,
                             llvm::SmallVectorImpl<Value> &out) const {
  const std::vector<uint32_t> *candidates = nullptr;
  if (selector.empty()) {
    auto it = podsIn_.find(normalNamespace(namespaceName));
    candidates = it == podsIn_.end() ? nullptr : &it->second;
  } else {
    // The shortest posting list of the selector's labels, then the rest checked.
    for (const auto &[key, value] : selector) {
      auto it = podsWith_.find(labelKey(namespaceName, key, value));
      if (it == podsWith_.end())
        return;
      if (!candidates || it->second.size() < candidates->size())
        candidates = &it->second;
    }
  }
  if (!candidates)
    return;
  for (uint32_t index : *candidates) {
    Value labels = podLabels(objects_[index]);
    bool all = std::all_of(selector.begin(), selector.end(), [&](const auto &entry) {
      llvm::StringRef v = stringField(labels, entry.first);
      return fieldOf(labels, entry.first).kind() == ValueKind::String && v == entry.second;
    });
    if (all)
      out.push_back(objects_[index].value);
  }
}

} // namespace cairn::lint
