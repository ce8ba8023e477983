// Hover: what the name or expression under the cursor is — its type, default,
// constraints and doc comment — as a pure function of a snapshot.
#pragma once

#include <cstdint>
#include <optional>

#include "lsp/hover_describe.h"

namespace cairn::lsp {

struct HoverInfo {
  uint32_t begin = 0, end = 0; // the hovered word or expression, in bytes
  Description description;
};

std::optional<HoverInfo> hover(const Snapshot &snapshot, uint32_t module, uint32_t offset);

} // namespace cairn::lsp
