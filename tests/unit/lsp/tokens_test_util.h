// Decoding LSP's relative semantic-token encoding back into byte ranges, so
// tests compare tokens with marked ranges instead of hand-typed integers.
#pragma once

#include <string>
#include <vector>

#include "lsp/positions.h"
#include "lsp/semantic_tokens.h"

namespace cairn::lsp::test {

struct DecodedToken {
  uint32_t begin, end; // byte offsets
  std::string type;
  uint32_t modifiers;
};

inline std::vector<DecodedToken> decodeTokens(llvm::StringRef text, const std::vector<uint32_t> &data) {
  std::vector<DecodedToken> out;
  LineIndex index(text);
  Position at;
  for (size_t i = 0; i + 4 < data.size(); i += 5) {
    at.character = data[i] == 0 ? at.character + data[i + 1] : data[i + 1];
    at.line += data[i];
    uint32_t begin = index.offsetOf(at);
    uint32_t end = index.offsetOf({at.line, at.character + data[i + 2]});
    out.push_back({begin, end, tokenTypeNames()[data[i + 3]], data[i + 4]});
  }
  return out;
}

// The decoded token at exactly [begin, end), or null.
inline const DecodedToken *tokenAt(const std::vector<DecodedToken> &tokens, std::pair<uint32_t, uint32_t> range) {
  for (const DecodedToken &t : tokens)
    if (t.begin == range.first && t.end == range.second)
      return &t;
  return nullptr;
}

} // namespace cairn::lsp::test
