// Writing one evaluated value as YAML or JSON text. The emitters use these for
// each document; `cairn eval` uses them for any value (scalars and lists too),
// and so do the `toYaml` / `toJson` builtins, so all agree on quoting.
//
// Objects keep their field order (schema order for instances, insertion order
// for maps). With `kubernetesKeyOrder`, a top-level object starts with
// `apiVersion`, `kind` and `metadata`, then its other fields in order.
// Fields whose value is null are not written (Cairn never outputs null
// fields); a null list element or a null top-level value is written as null.
//
// A function, or (in JSON) a float that is infinite or NaN, cannot be
// written: E0606 at the value's span, naming its path in the document.
#pragma once

#include <string>

#include <llvm/ADT/SmallVector.h>

#include "eval/value.h"
#include "frontend/diagnostic.h"

namespace cairn::eval {

struct WriteOptions {
  bool kubernetesKeyOrder = false;
  bool omitNullFields = true;
  bool compactJson = false; // JSON on one line, no spaces (the `toJson` builtin)
  // The writer stops with E0605 once `out` holds more than this. Values share
  // their parts, so a small value can stand for an exponentially large text
  // (a list that doubles 64 times); the bound stops it while it is written.
  uint64_t maxBytes = UINT64_MAX;
};

// Appends `value` as the body of one YAML document (no `---`), block style,
// ending with a newline. Returns false after reporting E0606 (or E0605 past
// options.maxBytes); `out` then holds partial text the caller must discard.
bool appendYaml(std::string &out, const eval::Value &value, DiagnosticSink &diags,
                const WriteOptions &options = {});

// Appends `value` as JSON, 2-space indent, no trailing newline; nested lines
// are indented by a further `baseIndent` spaces (for embedding in a wrapper).
bool appendJson(std::string &out, const eval::Value &value, DiagnosticSink &diags,
                const WriteOptions &options = {}, unsigned baseIndent = 0);

// The fields of `object` in output order under `options` (see above).
llvm::SmallVector<const eval::ObjectField *, 16> outputFields(const eval::ObjectData &object,
                                                              bool topLevel, const WriteOptions &options);

} // namespace cairn::eval
