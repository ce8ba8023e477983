#include "typecheck/cycles.h"

namespace cairn::types {

namespace {

struct CycleSearch {
  enum Color : uint8_t { White, Gray, Black };
  std::vector<std::vector<const GraphEdge *>> out;
  std::vector<Color> color;
  std::vector<const GraphEdge *> path; // edges from the root to the current node
  std::vector<std::vector<GraphEdge>> cycles;

  void visit(uint32_t node) {
    color[node] = Gray;
    for (const GraphEdge *edge : out[node]) {
      if (color[edge->to] == Gray) {
        // The cycle is the path suffix starting at edge->to, closed by `edge`.
        std::vector<GraphEdge> cycle;
        size_t start = path.size();
        while (start > 0 && path[start - 1]->to != edge->to)
          --start;
        if (edge->from == edge->to)
          start = path.size();
        for (size_t i = start; i < path.size(); ++i)
          cycle.push_back(*path[i]);
        cycle.push_back(*edge);
        cycles.push_back(std::move(cycle));
      } else if (color[edge->to] == White) {
        path.push_back(edge);
        visit(edge->to);
        path.pop_back();
      }
    }
    color[node] = Black;
  }
};

} // namespace

std::vector<std::vector<GraphEdge>> findCycles(uint32_t nodeCount, const std::vector<GraphEdge> &edges) {
  CycleSearch search;
  search.out.resize(nodeCount);
  search.color.assign(nodeCount, CycleSearch::White);
  for (const GraphEdge &edge : edges)
    search.out[edge.from].push_back(&edge);
  for (uint32_t node = 0; node < nodeCount; ++node)
    if (search.color[node] == CycleSearch::White)
      search.visit(node);
  return std::move(search.cycles);
}

} // namespace cairn::types
