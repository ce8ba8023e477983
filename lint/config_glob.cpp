// `--ignore-path` / `ignorePaths` globs over '/'-separated relative paths.
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>

#include "lint/config.h"

namespace cairn::lint {
namespace {

using Parts = llvm::SmallVector<llvm::StringRef, 8>;

// `./a//b/` -> a, b: empty and `.` components carry no meaning.
Parts components(llvm::StringRef path) {
  Parts raw, out;
  path.split(raw, '/');
  for (llvm::StringRef part : raw)
    if (!part.empty() && part != ".")
      out.push_back(part);
  return out;
}

// One component against one glob component: `*` any run of characters, `?`
// one character (a byte; paths are compared as bytes). Iterative with one
// backtrack point, so it is linear in practice and never exponential.
bool componentMatches(llvm::StringRef glob, llvm::StringRef name) {
  size_t g = 0, n = 0, starG = llvm::StringRef::npos, starN = 0;
  while (n < name.size()) {
    if (g < glob.size() && (glob[g] == '?' || glob[g] == name[n])) {
      ++g;
      ++n;
    } else if (g < glob.size() && glob[g] == '*') {
      starG = g++;
      starN = n;
    } else if (starG != llvm::StringRef::npos) {
      g = starG + 1;
      n = ++starN;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*')
    ++g;
  return g == glob.size();
}

// Whether glob components [gi..] match path components [pi..] exactly.
// `**` takes zero or more whole components. Memoised on (gi, pi) so that
// many `**` cannot make it exponential.
class ComponentMatcher {
public:
  ComponentMatcher(const Parts &glob, const Parts &path)
      : glob_(glob), path_(path), memo_((glob.size() + 1) * (path.size() + 1), Unknown) {}

  bool matches(size_t gi, size_t pi) {
    uint8_t &slot = memo_[gi * (path_.size() + 1) + pi];
    if (slot != Unknown)
      return slot == Yes;
    bool result;
    if (gi == glob_.size())
      result = pi == path_.size();
    else if (glob_[gi] == "**")
      result = matches(gi + 1, pi) || (pi < path_.size() && matches(gi, pi + 1));
    else
      result = pi < path_.size() && componentMatches(glob_[gi], path_[pi]) && matches(gi + 1, pi + 1);
    slot = result ? Yes : No;
    return result;
  }

private:
  enum : uint8_t { Unknown, Yes, No };
  const Parts &glob_;
  const Parts &path_;
  std::vector<uint8_t> memo_;
};

bool globMatches(llvm::StringRef globText, const Parts &path) {
  Parts glob = components(globText);
  if (glob.empty())
    return false;
  // Matching a leading run of the path's components means matching a
  // directory that holds the file.
  for (size_t length = 1; length <= path.size(); ++length) {
    Parts prefix(path.begin(), path.begin() + length);
    if (ComponentMatcher(glob, prefix).matches(0, 0))
      return true;
  }
  return false;
}

} // namespace

bool pathIgnored(const std::string &relativePath, const std::vector<std::string> &globs) {
  Parts path = components(relativePath);
  if (path.empty())
    return false;
  for (const std::string &glob : globs)
    if (globMatches(glob, path))
      return true;
  return false;
}

} // namespace cairn::lint
