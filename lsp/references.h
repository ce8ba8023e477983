// Find references and document highlights: every occurrence of a symbol,
// found by one linear walk over the modules that can mention it.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "lsp/symbol_at.h"

namespace cairn::lsp {

struct Reference {
  Span span;
  OccurrenceRole role = OccurrenceRole::Read;
};

// Every occurrence of `symbol` in the snapshot, in module order then source
// order. Standard-library modules are searched only for standard-library
// symbols. Stops early (returning what it found) when `cancelled` is set.
std::vector<Reference> findReferences(const Snapshot &snapshot, const Symbol &symbol, bool includeDeclaration,
                                      const std::atomic<bool> *cancelled = nullptr);

// The occurrences, in `module` only, of the symbol at the offset.
std::vector<Reference> documentHighlights(const Snapshot &snapshot, uint32_t module, uint32_t offset);

// True when an import symbol's alias is derived from its path (no `as`):
// its declaration is then the path string.
bool isImplicitImportAlias(const Snapshot &snapshot, const Symbol &symbol);

} // namespace cairn::lsp
