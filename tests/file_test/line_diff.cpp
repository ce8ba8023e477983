#include "line_diff.h"

#include <algorithm>

#include <fmt/format.h>

namespace cairn::filetest {
namespace {

struct Edit {
  char op;        // ' ', '-', '+'
  size_t oldLine; // 0-based index in expected (for ' ' and '-')
  size_t newLine; // 0-based index in actual (for ' ' and '+')
};

// The edit script from a longest-common-subsequence table. Outputs are small;
// a quadratic table is fine.
std::vector<Edit> editScript(const std::vector<std::string> &a, const std::vector<std::string> &b) {
  size_t n = a.size(), m = b.size();
  std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<Edit> edits;
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      edits.push_back({' ', i++, j++});
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      edits.push_back({'-', i++, j}); // removals first, as diff -u shows them
    } else {
      edits.push_back({'+', i, j++});
    }
  }
  return edits;
}

} // namespace

std::string unifiedDiff(const std::vector<std::string> &expected,
                        const std::vector<std::string> &actual, size_t context) {
  std::vector<Edit> edits = editScript(expected, actual);
  std::string out;
  size_t k = 0;
  while (k < edits.size()) {
    if (edits[k].op == ' ') {
      ++k;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after
    // the last change that is at most 2*context unchanged lines further on.
    size_t begin = k >= context ? k - context : 0;
    size_t end = k;
    size_t unchanged = 0;
    for (size_t e = k; e < edits.size() && unchanged <= 2 * context; ++e) {
      unchanged = edits[e].op == ' ' ? unchanged + 1 : 0;
      if (edits[e].op != ' ')
        end = e + 1;
    }
    end = std::min(edits.size(), end + context);
    size_t oldCount = 0, newCount = 0;
    for (size_t e = begin; e < end; ++e) {
      oldCount += edits[e].op != '+';
      newCount += edits[e].op != '-';
    }
    // As in diff -u, an empty side names the line before the hunk.
    out += fmt::format("@@ -{},{} +{},{} @@\n", edits[begin].oldLine + (oldCount ? 1 : 0), oldCount,
                       edits[begin].newLine + (newCount ? 1 : 0), newCount);
    for (size_t e = begin; e < end; ++e) {
      const std::string &line = edits[e].op == '+' ? actual[edits[e].newLine] : expected[edits[e].oldLine];
      out += edits[e].op;
      out += line;
      out += '\n';
    }
    k = end;
  }
  return out;
}

} // namespace cairn::filetest
