#include "frontend/diagnostic.h"

#include <llvm/ADT/StringRef.h>

namespace cairn {

const std::vector<DiagInfo> &diagCatalogue() {
  static const std::vector<DiagInfo> catalogue = {
#define CAIRN_DIAG(code, name, severity, format) {#code, #name, Severity::severity, format},
#include "frontend/diagnostics.def"
#undef CAIRN_DIAG
  };
  return catalogue;
}

const DiagInfo &diagInfo(DiagKind kind) { return diagCatalogue()[static_cast<size_t>(kind)]; }

const char *severityName(Severity severity) {
  switch (severity) {
  case Severity::Error: return "error";
  case Severity::Warning: return "warning";
  case Severity::Note: return "note";
  }
  return "error";
}

std::string closestMatch(llvm::StringRef name, const std::vector<llvm::StringRef> &candidates) {
  // Allow about one edit per three characters, at least one.
  unsigned best = std::max<unsigned>(1, static_cast<unsigned>(name.size()) / 3) + 1;
  llvm::StringRef bestName;
  for (llvm::StringRef candidate : candidates) {
    unsigned distance = name.edit_distance(candidate, true, best);
    if (distance < best) {
      best = distance;
      bestName = candidate;
    }
  }
  // Two swapped neighbours (`nmae` for `name`) are one typo, not two edits.
  if (bestName.empty())
    for (llvm::StringRef candidate : candidates) {
      if (candidate.size() != name.size() || name.size() < 2)
        continue;
      size_t first = 0;
      while (first < name.size() && name[first] == candidate[first])
        ++first;
      if (first + 1 < name.size() && name[first] == candidate[first + 1] &&
          name[first + 1] == candidate[first] &&
          name.substr(first + 2) == candidate.substr(first + 2))
        return candidate.str();
    }
  // Case-only differences are always plausible.
  if (bestName.empty())
    for (llvm::StringRef candidate : candidates)
      if (candidate.equals_insensitive(name))
        return candidate.str();
  return bestName.str();
}

} // namespace cairn
