// The lexical layer of semantic tokens: Cairn text cut into the tokens an
// editor colours by themselves (keywords, numbers, string pieces, regexes,
// comments, operators) and the identifiers the AST then classifies. It follows
// grammar/CairnLexer.g4 (the ANTLR lexer is private to frontend/): string and
// interpolation modes, regexes only after `(` or `,`, unterminated strings and
// comments. Never fails: unknown bytes are skipped.
#pragma once

#include <cstdint>
#include <vector>

#include <llvm/ADT/StringRef.h>

namespace cairn::lsp {

enum class LexKind : uint8_t { Keyword, Identifier, Number, String, Regex, Comment, DocComment, Operator };

struct LexToken {
  LexKind kind;
  uint32_t begin, end; // byte offsets; strings and block comments may span lines
};

// Tokens in source order, non-overlapping. A string with interpolations is
// cut into its literal pieces; the interpolated code is lexed as code.
std::vector<LexToken> scanTokens(llvm::StringRef text);

} // namespace cairn::lsp
