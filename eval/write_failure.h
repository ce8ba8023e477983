// Internal to the value writers: what could not be written and where. The
// path is collected while the writer's recursion unwinds, so a successful
// write pays nothing for it.
#pragma once

#include <string>
#include <vector>

#include "eval/value.h"
#include "frontend/diagnostic.h"

namespace cairn::eval {

struct WriteFailure {
  Span span;
  std::string what;                  // "a function", "the float `inf`"
  std::vector<std::string> segments; // innermost first: ".handler", "[0]", ".spec"
  uint64_t tooLargeLimit = 0;        // set: the text outgrew this many bytes (E0605)

  void addKey(llvm::StringRef key);
  void addIndex(size_t index);
  // "spec.containers[0].handler", empty for the top level.
  std::string path() const;
  // E0606 "<what> at `<path>` cannot be written as <format>", or E0605.
  void report(DiagnosticSink &diags, llvm::StringRef format) const;
};

} // namespace cairn::eval
