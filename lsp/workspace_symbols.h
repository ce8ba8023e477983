// workspace/symbol: the top-level declarations (and schema fields) of the
// user's modules matching a fuzzy query, then the standard library's schemas.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>

#include "lsp/snapshot.h"

namespace cairn::lsp {

inline constexpr size_t kMaxWorkspaceSymbols = 128;

struct WorkspaceSymbolMatch {
  std::string name;
  std::string container; // the module's display path, or the schema of a field
  int kind = 0;          // LSP SymbolKind
  Span span;             // the declaring name
  bool stdlib = false;
  int score = 0;         // higher is better
};

// How well `name` matches `query`: -1 for no match (the query's characters
// must appear in order, ignoring case); more for a whole-name, prefix,
// substring, or word-start match.
int fuzzyScore(llvm::StringRef query, llvm::StringRef name);

// The best matches, at most `limit`: user symbols first, then the standard
// library's; by score, then shorter names, then by name. An empty query lists
// the user symbols only.
std::vector<WorkspaceSymbolMatch> workspaceSymbols(const Snapshot &snapshot, llvm::StringRef query,
                                                   size_t limit = kMaxWorkspaceSymbols,
                                                   const std::atomic<bool> *cancelled = nullptr);

} // namespace cairn::lsp
