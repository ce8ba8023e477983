// The objects of one lint run and the indexes the cross-object builtins use
// (eval/lint_world.h): by kind/namespace/name, and by pod label per
// namespace, so that `selectPods` and `findObject` cost a lookup rather than
// a scan of every object (policies call them once per object).
#pragma once

#include <string>
#include <vector>

#include <llvm/ADT/StringMap.h>

#include "eval/lint_world.h"
#include "typecheck/checked_program.h"

namespace cairn::lint {

struct LintObject {
  eval::Value value;
  FileId file;
  Span span;                 // where the object starts (YAML mapping or Cairn expression)
  Span emitSpan;             // Cairn: the `emit` that output it (may be elsewhere than `span`)
  std::string apiVersion, kind, name, namespaceName;
  uint32_t schema = types::kNone; // the kind's schema in the lint program, if loaded
  bool fromCairn = false;
};

// A string field of an object value, or "" (also for non-strings).
llvm::StringRef stringField(eval::Value object, llvm::StringRef name);
// A field of an object value, or null.
eval::Value fieldOf(eval::Value object, llvm::StringRef name);
// "" for a missing namespace and for "default": the same namespace to kubectl.
llvm::StringRef normalNamespace(llvm::StringRef ns);
// The labels of the pods an object runs (its pod template's, or a Pod's own);
// null when the object does not run pods.
eval::Value podLabels(const LintObject &object);

// Built once, then only read: threads checking different objects share it.
class ObjectIndex {
public:
  ObjectIndex(const std::vector<LintObject> &objects, eval::ValueArena &arena);

  const std::vector<LintObject> &objects() const { return objects_; }
  eval::Value allObjects() const { return all_; }
  eval::Value findObject(llvm::StringRef kind, llvm::StringRef namespaceName, llvm::StringRef name) const;
  void selectPods(llvm::StringRef namespaceName,
                  llvm::ArrayRef<std::pair<llvm::StringRef, llvm::StringRef>> selector,
                  llvm::SmallVectorImpl<eval::Value> &out) const;

private:
  const std::vector<LintObject> &objects_;
  eval::Value all_;
  llvm::StringMap<uint32_t> byName_;                // "kind\nns\nname" and "apiVersion/kind\nns\nname"
  llvm::StringMap<std::vector<uint32_t>> podsIn_;   // ns -> pod-running objects
  llvm::StringMap<std::vector<uint32_t>> podsWith_; // "ns\nkey\nvalue" -> pod-running objects
};

// What one evaluator's lint builtins see: the shared index and the value
// this thread is checking.
class LintCursor final : public eval::LintWorld {
public:
  explicit LintCursor(const ObjectIndex &index) : index_(index) {}

  void setCurrent(uint32_t object, llvm::StringRef path) {
    current_ = object;
    path_.assign(path.begin(), path.end());
  }

  eval::Value currentObject() const override;
  llvm::StringRef currentPath() const override { return path_; }
  eval::Value allObjects() const override { return index_.allObjects(); }
  eval::Value findObject(llvm::StringRef kind, llvm::StringRef namespaceName, llvm::StringRef name) const override {
    return index_.findObject(kind, namespaceName, name);
  }
  void selectPods(llvm::StringRef namespaceName,
                  llvm::ArrayRef<std::pair<llvm::StringRef, llvm::StringRef>> selector,
                  llvm::SmallVectorImpl<eval::Value> &out) const override {
    index_.selectPods(namespaceName, selector, out);
  }

private:
  const ObjectIndex &index_;
  uint32_t current_ = 0;
  std::string path_;
};

} // namespace cairn::lint
