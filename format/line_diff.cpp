// diffEdits: a shortest line diff (Myers' O(ND) algorithm) turned into edits.
#include <algorithm>

#include <llvm/ADT/ArrayRef.h>

#include "format/format.h"

namespace cairn::format {

namespace {

// Lines with their terminators; the offset of line i is the sum of the sizes before it.
std::vector<llvm::StringRef> splitLines(llvm::StringRef text) {
  std::vector<llvm::StringRef> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    end = end == llvm::StringRef::npos ? text.size() : end + 1;
    lines.push_back(text.take_front(end));
    text = text.drop_front(end);
  }
  return lines;
}

// Which lines of `a` and of `b` are kept (in the longest common subsequence
// found by Myers' greedy algorithm). Beyond `maxCost` differences the middle is
// one replacement, which keeps the worst case linear in memory per step.
void commonLines(llvm::ArrayRef<llvm::StringRef> a, llvm::ArrayRef<llvm::StringRef> b,
                 std::vector<bool> &keptA, std::vector<bool> &keptB) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long maxCost = std::min<long>(n + m, 4000);
  const long offset = maxCost + 1;
  std::vector<long> v(2 * offset + 1, 0);
  std::vector<std::vector<long>> trace;
  long found = -1;
  for (long d = 0; d <= maxCost && found < 0; ++d) {
    trace.push_back(v);
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                              : v[offset + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y])
        ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0)
    return; // nothing kept: one replacement
  long x = n, y = m;
  for (long d = found; d > 0; --d) {
    const std::vector<long> &prev = trace[d];
    long k = x - y;
    bool down = k == -d || (k != d && prev[offset + k - 1] < prev[offset + k + 1]);
    long prevK = down ? k + 1 : k - 1;
    long prevX = prev[offset + prevK], prevY = prevX - prevK;
    while (x > prevX && y > prevY)
      keptA[--x] = true, keptB[--y] = true;
    x = prevX, y = prevY;
  }
  while (x > 0 && y > 0)
    keptA[--x] = true, keptB[--y] = true;
}

} // namespace

std::vector<Edit> diffEdits(llvm::StringRef original, llvm::StringRef formatted) {
  std::vector<Edit> edits;
  if (original == formatted)
    return edits;
  std::vector<llvm::StringRef> a = splitLines(original), b = splitLines(formatted);
  // Common head and tail first: the diff then only sees the changed middle.
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head])
    ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  llvm::ArrayRef<llvm::StringRef> midA = llvm::ArrayRef<llvm::StringRef>(a).slice(head, a.size() - head - tail);
  llvm::ArrayRef<llvm::StringRef> midB = llvm::ArrayRef<llvm::StringRef>(b).slice(head, b.size() - head - tail);
  std::vector<bool> keptA(midA.size(), false), keptB(midB.size(), false);
  commonLines(midA, midB, keptA, keptB);

  uint32_t offset = 0;
  for (size_t i = 0; i < head; ++i)
    offset += static_cast<uint32_t>(a[i].size());
  size_t i = 0, j = 0;
  while (i < midA.size() || j < midB.size()) {
    if (i < midA.size() && j < midB.size() && keptA[i] && keptB[j]) {
      offset += static_cast<uint32_t>(midA[i].size());
      ++i, ++j;
      continue;
    }
    size_t deletedEnd = i, insertedEnd = j;
    while (deletedEnd < midA.size() && !keptA[deletedEnd])
      ++deletedEnd;
    while (insertedEnd < midB.size() && !keptB[insertedEnd])
      ++insertedEnd;
    // As many lines in as out: one edit per line, so that range formatting
    // can keep the lines it was asked for.
    bool perLine = deletedEnd - i == insertedEnd - j;
    while (i < deletedEnd || j < insertedEnd) {
      Edit edit;
      edit.begin = offset;
      do
        offset += static_cast<uint32_t>(i < deletedEnd ? midA[i++].size() : 0);
      while (!perLine && i < deletedEnd);
      do
        edit.text += j < insertedEnd ? midB[j++].str() : std::string();
      while (!perLine && j < insertedEnd);
      edit.end = offset;
      edits.push_back(std::move(edit));
    }
  }
  return edits;
}

} // namespace cairn::format
