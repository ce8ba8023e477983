#include "importers/crd_kinds_index.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace cairn::importers {
namespace {

std::string readEntries(const std::string &text, std::vector<KindIndexEntry> &out) {
  nlohmann::json document = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded())
    return "it is not valid JSON";
  if (!document.is_object() || !document.contains("kinds") || !document["kinds"].is_array())
    return "it has no `kinds` list";
  for (const nlohmann::json &entry : document["kinds"]) {
    KindIndexEntry e;
    for (auto [key, target] : {std::pair{"apiVersion", &e.apiVersion}, std::pair{"kind", &e.kind},
                               std::pair{"module", &e.module}, std::pair{"schema", &e.schema}}) {
      if (!entry.is_object() || !entry.contains(key) || !entry[key].is_string())
        return fmt::format("an entry of `kinds` has no string `{}`", key);
      *target = entry[key].get<std::string>();
    }
    out.push_back(std::move(e));
  }
  return {};
}

} // namespace

MergedKinds mergeKindsIndex(const std::optional<std::string> &existing, const std::vector<KindIndexEntry> &added,
                            const std::vector<std::string> &writtenModules) {
  MergedKinds merged;
  std::vector<KindIndexEntry> old;
  if (existing) {
    merged.error = readEntries(*existing, old);
    if (!merged.error.empty())
      return merged;
  }
  for (KindIndexEntry &entry : old)
    if (std::find(writtenModules.begin(), writtenModules.end(), entry.module) == writtenModules.end())
      merged.entries.push_back(std::move(entry));
  merged.entries.insert(merged.entries.end(), added.begin(), added.end());
  return merged;
}

} // namespace cairn::importers
