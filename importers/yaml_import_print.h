// Lays out generated Cairn: a value goes on one line when it fits in the
// line width, else one member or element per line; a nested schema object
// holding a single field becomes a dotted path (`selector.matchLabels = ...`).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "importers/yaml_import_model.h"

namespace cairn::importers {

inline constexpr unsigned kImportLineWidth = 100;

// The whole file: header comment, imports, lets, then the objects in order.
// `objectLines`, when given, receives each object's first and last line (1-based).
std::string printModule(const ImportedModule &module,
                        std::vector<std::pair<uint32_t, uint32_t>> *objectLines = nullptr);

// One value whose first line starts at `column`, with its further lines
// indented by `indent` spaces.
std::string printValue(const CairnExpr &expr, unsigned indent, unsigned column);

} // namespace cairn::importers
