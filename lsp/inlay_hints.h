// Inlay hints: the inferred type where the reader cannot see it (a `let`
// without a declared type whose value is not a literal or a typed object, an
// untyped lambda parameter, a comprehension variable, a fn's inferred result)
// and parameter names before literal arguments of calls to user functions
// with several parameters.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lsp/snapshot.h"

namespace cairn::lsp {

enum class InlayKind : uint8_t { Type = 1, Parameter = 2 }; // LSP's InlayHintKind values

struct InlayHint {
  uint32_t offset; // where the hint is shown, a byte offset in the module's text
  std::string label; // ": [string]", "replicas:"
  InlayKind kind;
  bool paddingLeft = false, paddingRight = false;
};

// The hints whose position is in [rangeBegin, rangeEnd], sorted by offset.
std::vector<InlayHint> inlayHints(const Snapshot &snapshot, uint32_t module, uint32_t rangeBegin = 0,
                                  uint32_t rangeEnd = UINT32_MAX);

} // namespace cairn::lsp
