// Cycles in small dependency graphs: top-level lets (E0309) and schema
// field defaults (E0406).
#pragma once

#include <cstdint>
#include <vector>

#include "frontend/source.h"

namespace cairn::types {

struct GraphEdge {
  uint32_t from, to;
  Span span; // where `from` uses `to`
};

// The cycles closed by the back edges of one depth-first search over nodes
// 0..nodeCount-1 (visited in order, edges in order): each as its edges, in
// order along the cycle. Every node on a cycle appears in at least one of them.
std::vector<std::vector<GraphEdge>> findCycles(uint32_t nodeCount, const std::vector<GraphEdge> &edges);

} // namespace cairn::types
