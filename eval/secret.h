// Secret values: the marks that values from a `secret param` or a Kubernetes
// Secret's `data`/`stringData` carry, and the redaction of such values in
// messages. Cairn runs in CI on untrusted pull requests, where logs are
// public: a diagnostic, hover or log line shows kSecretPlaceholder instead.
// The emitted manifests still hold the values (output is not a log).
#pragma once

#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/ADT/StringSet.h>

#include "eval/value.h"
#include "frontend/diagnostic.h"

namespace cairn::eval {

using cairn::kSecretPlaceholder; // "<secret>", frontend/diagnostic.h

// Whether `value` or anything inside it (list items, object fields) is marked.
bool containsSecret(Value value);
bool anyContainsSecret(llvm::ArrayRef<Value> values);

// A copy of `value` with it and everything inside it marked secret (lists
// and objects are copied into `arena`; scalars are marked in place).
Value markSecret(ValueArena &arena, Value value);

// An object of kind `Secret`, apiVersion `v1`: its `data` and `stringData`
// hold secrets.
bool isKubernetesSecret(const ObjectData &object);
// `value` with the entries of `data` and `stringData` marked when it is a
// Kubernetes Secret; unchanged otherwise.
Value markSecretData(ValueArena &arena, Value value);

// The texts of the secret scalars met so far, to find them again inside
// messages built from them ("password ${p} is too short"). Strings made by
// concatenation or interpolation are not recorded: their secret parts are.
class SecretTexts {
public:
  // Records the text of every marked scalar in `value`.
  void addLeaves(Value value);
  void add(llvm::StringRef text);
  bool empty() const { return texts_.empty(); }
  // `message` with every occurrence of a recorded text replaced by the
  // placeholder (longest texts first, one left-to-right pass). `replaced`
  // tells whether anything was.
  std::string scrub(llvm::StringRef message, bool &replaced) const;

private:
  llvm::StringSet<> seen_;
  std::vector<std::string> texts_; // kept longest first
};

// The message to show for a value that may be secret: a string as it is when
// public, else with the recorded secrets replaced, or the placeholder alone
// when none of them is found in it; any other value as showValue shows it.
std::string redactMessageText(Value message, const SecretTexts &secrets);

} // namespace cairn::eval
