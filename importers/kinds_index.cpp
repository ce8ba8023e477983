#include "importers/kinds_index.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace cairn::importers {

std::string writeKindsIndex(std::vector<KindIndexEntry> entries) {
  std::sort(entries.begin(), entries.end(), [](const KindIndexEntry &a, const KindIndexEntry &b) {
    return std::tie(a.apiVersion, a.kind) < std::tie(b.apiVersion, b.kind);
  });
  nlohmann::ordered_json kinds = nlohmann::ordered_json::array();
  for (const KindIndexEntry &e : entries)
    kinds.push_back({{"apiVersion", e.apiVersion}, {"kind", e.kind}, {"module", e.module}, {"schema", e.schema}});
  // One entry per line keeps diffs of regenerated indexes readable.
  std::string out = "{\"kinds\": [\n";
  for (size_t i = 0; i < kinds.size(); ++i)
    out += "  " + kinds[i].dump() + (i + 1 < kinds.size() ? ",\n" : "\n");
  return out + "]}\n";
}

} // namespace cairn::importers
