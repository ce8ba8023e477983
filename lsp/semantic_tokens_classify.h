// The AST half of semantic tokens: what each name of a module is, keyed by
// the byte offset where the name starts (declarations, references through
// the checker's bindings, local names through their lexical scope).
#pragma once

#include <vector>

#include <llvm/ADT/DenseMap.h>

#include "lsp/semantic_tokens.h"

namespace cairn::lsp {

struct NameClass {
  TokenType type;
  uint32_t modifiers = 0;
};

struct Classification {
  llvm::DenseMap<uint32_t, NameClass> names; // by start offset
  std::vector<Span> policies;                // where `on` and `at` are keywords
};

// Only the declarations overlapping [begin, end) are classified.
Classification classifyNames(const Snapshot &snapshot, uint32_t module, uint32_t begin = 0,
                             uint32_t end = UINT32_MAX);

} // namespace cairn::lsp
