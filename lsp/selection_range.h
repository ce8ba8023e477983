// Selection ranges ("expand selection"): for a position, the nested spans
// around it from the word to the whole document: the name, each enclosing
// expression, object entry and body, the declaration.
#pragma once

#include <cstdint>
#include <vector>

#include "lsp/snapshot.h"

namespace cairn::lsp {

// Byte ranges [begin, end), innermost first, each strictly containing the previous.
std::vector<std::pair<uint32_t, uint32_t>> selectionRanges(const Snapshot &snapshot, uint32_t module, uint32_t offset);

} // namespace cairn::lsp
