// Shared by the completion tests: complete at the `^` of an annotated
// source (in main.cairn, with optional extra files), items sorted as an
// editor shows them (by sortText).
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "annotations.h"
#include "lsp/completion.h"
#include "test_workspace.h"

namespace cairn::lsp::test {

struct Completed {
  std::vector<CompletionItem> items;

  const CompletionItem *find(const std::string &label) const {
    for (const CompletionItem &item : items)
      if (item.label == label)
        return &item;
    return nullptr;
  }
  bool has(const std::string &label) const { return find(label) != nullptr; }
  // Position in the sorted list (items.size() when absent).
  size_t rank(const std::string &label) const {
    for (size_t i = 0; i < items.size(); ++i)
      if (items[i].label == label)
        return i;
    return items.size();
  }
  std::string labels() const {
    std::string out;
    for (const CompletionItem &item : items)
      out += item.label + " ";
    return out;
  }
};

inline Completed completeAt(const std::string &marked,
                            const std::vector<std::pair<std::string, std::string>> &extraFiles = {},
                            CompletionOptions options = {}) {
  Annotated a(marked);
  TestWorkspace ws;
  ws.add("main.cairn", a.code);
  for (const auto &[name, text] : extraFiles)
    ws.add(name, text);
  auto snap = ws.analyze();
  uint32_t module = TestWorkspace::module(*snap, "main.cairn");
  Completed result{complete(*snap, module, a.point(), options).items};
  std::stable_sort(result.items.begin(), result.items.end(),
                   [](const CompletionItem &x, const CompletionItem &y) { return x.sortText < y.sortText; });
  return result;
}

} // namespace cairn::lsp::test
