// Sources with markers instead of hand-typed coordinates (the clangd habit):
//   ^            a point           $name^          a named point
//   [[ ... ]]    a range           $name[[ ... ]]  a named range
// The markers are removed; points and ranges are byte offsets into the clean text.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cairn::lsp::test {

struct Annotated {
  explicit Annotated(const std::string &marked);

  std::string code;
  std::map<std::string, std::vector<uint32_t>> points;                          // "" for unnamed
  std::map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> ranges;  // [begin, end)

  // The one point (or range) with that name; fails the test when there is not exactly one.
  uint32_t point(const std::string &name = "") const;
  std::pair<uint32_t, uint32_t> range(const std::string &name = "") const;
  std::vector<std::pair<uint32_t, uint32_t>> allRanges(const std::string &name = "") const;
};

} // namespace cairn::lsp::test
