// Go to definition / declaration / type definition, as spans: where the
// symbol under the cursor is declared (in any module, the standard library
// included), and the schemas of the type of the value under the cursor.
#pragma once

#include <cstdint>
#include <vector>

#include "lsp/symbol_at.h"

namespace cairn::lsp {

struct DefinitionTarget {
  Span origin;    // the name under the cursor
  Span target;    // the whole declaration (LocationLink.targetRange)
  Span selection; // its name (LocationLink.targetSelectionRange, Location.range)
};

// Empty when nothing is declared there (a builtin, a literal, a keyword).
std::vector<DefinitionTarget> findDefinition(const Snapshot &snapshot, uint32_t module, uint32_t offset);

// The schema declarations of the type of the value at the offset (both
// members of `A | B`, the element schema of a list or a map).
std::vector<DefinitionTarget> findTypeDefinition(const Snapshot &snapshot, uint32_t module, uint32_t offset);

} // namespace cairn::lsp
