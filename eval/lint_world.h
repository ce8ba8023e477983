// What the lint-only builtins (`currentObject`, `currentPath`, `allObjects`,
// `findObject`, `selectPods`) read: the objects of one `cairn lint` run and
// the value being checked. Implemented by the linter (lint/object_index.h);
// the evaluator only sees this interface.
#pragma once

#include <utility>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>

#include "eval/value.h"

namespace cairn::eval {

class LintWorld {
public:
  virtual ~LintWorld() = default;
  virtual Value currentObject() const = 0;
  virtual llvm::StringRef currentPath() const = 0;
  virtual Value allObjects() const = 0; // one list value, built once
  // `kind` is "Service" or "apps/v1/Deployment"; a null namespace, "" and
  // "default" are the same namespace. A null value when there is none.
  virtual Value findObject(llvm::StringRef kind, llvm::StringRef namespaceName, llvm::StringRef name) const = 0;
  // The pod-running objects of a namespace whose pod labels include every
  // (key, value) of `selector`, in input order.
  virtual void selectPods(llvm::StringRef namespaceName,
                          llvm::ArrayRef<std::pair<llvm::StringRef, llvm::StringRef>> selector,
                          llvm::SmallVectorImpl<Value> &out) const = 0;
};

} // namespace cairn::eval
