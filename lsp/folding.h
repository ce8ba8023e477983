// Folding ranges: multi-line objects, lists, comprehensions, schema and policy
// bodies, function bodies, multi-line strings, runs of imports and of
// comments. Whole lines only (every client accepts those; `lineFoldingOnly`
// clients need them): the line holding the closing bracket stays visible.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lsp/snapshot.h"

namespace cairn::lsp {

enum class FoldingKind : uint8_t { Region, Imports, Comment };

struct FoldingRange {
  uint32_t startLine, endLine; // 0-based, endLine > startLine
  FoldingKind kind = FoldingKind::Region;
};

// Sorted by start line, at most one range per start line (the outermost).
std::vector<FoldingRange> foldingRanges(const Snapshot &snapshot, uint32_t module);

const char *foldingKindName(FoldingKind kind); // "region", "imports", "comment"

} // namespace cairn::lsp
