// Signature help inside a call `f(a, ^)`: the callee's signature with its
// parameter labels, the active parameter (top-level commas before the
// cursor) and the doc. Read from the token stream, so an unfinished call
// (the usual case while typing) still gets it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lsp/snapshot.h"

namespace cairn::lsp {

struct SignatureInfo {
  std::string label;                                     // `fn substr(s: string, start: int, length?: int): string`
  std::vector<std::pair<uint32_t, uint32_t>> parameters; // [begin, end) byte offsets of each parameter in `label`
  std::string doc;
  uint32_t activeParameter = 0;
};

std::optional<SignatureInfo> signatureHelp(const Snapshot &snapshot, uint32_t module, uint32_t offset);

} // namespace cairn::lsp
