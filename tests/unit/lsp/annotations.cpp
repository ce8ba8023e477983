#include "annotations.h"

#include <cctype>

#include <gtest/gtest.h>

namespace cairn::lsp::test {

Annotated::Annotated(const std::string &marked) {
  std::vector<std::pair<std::string, uint32_t>> open; // ranges not yet closed
  for (size_t i = 0; i < marked.size();) {
    std::string name;
    size_t j = i;
    if (marked[i] == '$') {
      j = i + 1;
      while (j < marked.size() && (std::isalnum(static_cast<unsigned char>(marked[j])) || marked[j] == '_'))
        ++j;
      bool marker = j < marked.size() && (marked[j] == '^' || marked.compare(j, 2, "[[") == 0);
      if (!marker) { // a plain `$` of the source
        code += marked[i++];
        continue;
      }
      name = marked.substr(i + 1, j - i - 1);
    }
    if (marked[j] == '^') {
      points[name].push_back(static_cast<uint32_t>(code.size()));
      i = j + 1;
    } else if (marked.compare(j, 2, "[[") == 0) {
      open.emplace_back(name, static_cast<uint32_t>(code.size()));
      i = j + 2;
    } else if (marked.compare(i, 2, "]]") == 0 && !open.empty()) {
      ranges[open.back().first].emplace_back(open.back().second, static_cast<uint32_t>(code.size()));
      open.pop_back();
      i += 2;
    } else {
      code += marked[i++];
    }
  }
  EXPECT_TRUE(open.empty()) << "unclosed [[ in annotated source";
}

uint32_t Annotated::point(const std::string &name) const {
  auto it = points.find(name);
  if (it == points.end() || it->second.size() != 1) {
    ADD_FAILURE() << "expected exactly one point named '" << name << "'";
    return 0;
  }
  return it->second.front();
}

std::pair<uint32_t, uint32_t> Annotated::range(const std::string &name) const {
  auto it = ranges.find(name);
  if (it == ranges.end() || it->second.size() != 1) {
    ADD_FAILURE() << "expected exactly one range named '" << name << "'";
    return {0, 0};
  }
  return it->second.front();
}

std::vector<std::pair<uint32_t, uint32_t>> Annotated::allRanges(const std::string &name) const {
  auto it = ranges.find(name);
  return it == ranges.end() ? std::vector<std::pair<uint32_t, uint32_t>>{} : it->second;
}

} // namespace cairn::lsp::test
