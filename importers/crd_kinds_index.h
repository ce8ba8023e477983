// Keeping `DIR/kinds.json` right when CRDs are imported into DIR over several
// runs: the modules written by this run replace their old entries (a module
// file is rewritten whole, so its old kinds are gone); entries of other
// modules are kept.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "importers/kinds_index.h"

namespace cairn::importers {

// `existing` is the old index's text, or nullopt when there is none. Returns
// the merged entries, or an error message when `existing` is not an index.
struct MergedKinds {
  std::vector<KindIndexEntry> entries;
  std::string error;
};
MergedKinds mergeKindsIndex(const std::optional<std::string> &existing, const std::vector<KindIndexEntry> &added,
                            const std::vector<std::string> &writtenModules);

} // namespace cairn::importers
