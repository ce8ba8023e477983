// Go RE2 regex syntax -> ECMAScript (std::regex) syntax with the same
// meaning, for the constructs both can express. Matching semantics (where a
// match may start and end) are left to the caller: see crd_pattern.h.
#pragma once

#include <string>
#include <vector>

namespace cairn::importers {

struct Re2Translation {
  std::string regex;                 // ECMAScript; meaningful only without `error`
  std::vector<size_t> topLevelBars;  // offsets in `regex` of `|` outside groups and classes
  std::string error;                 // the first construct without an equivalent
};

Re2Translation translateRe2Syntax(const std::string &re2Pattern);

} // namespace cairn::importers
