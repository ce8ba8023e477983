// Semantic tokens: every token of a document with what it is (a schema, a
// field, a parameter, a stdlib function...), from the lexical scan plus the
// checker's bindings, and the LSP relative encoding of them.
#pragma once

#include <cstdint>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>

#include "lsp/snapshot.h"

namespace cairn::lsp {

// The legend's token types, in legend order.
enum class TokenType : uint8_t {
  Namespace, // import aliases
  Type,      // built-in types, aliases
  Class,     // schemas
  EnumMember, // values of literal types (`"dev" | "prod"`)
  Parameter, // fn and lambda parameters
  Variable,  // lets, params, local names
  Property,  // schema fields, object keys, members
  Function,  // fns and builtins
  Keyword,
  Comment,
  String,
  Number,
  Regexp,
  Operator,
};

// Modifier bits, in legend order.
enum TokenModifier : uint32_t {
  kDeclaration = 1u << 0,
  kReadonly = 1u << 1,
  kDefaultLibrary = 1u << 2,
  kDocumentation = 1u << 3,
};

llvm::ArrayRef<const char *> tokenTypeNames();
llvm::ArrayRef<const char *> tokenModifierNames();

struct SemanticToken {
  uint32_t begin, end; // byte offsets in the module's text; may span lines
  TokenType type;
  uint32_t modifiers = 0;
};

// The tokens of `module` in source order that overlap [begin, end).
// Identifiers the checker could not resolve are left out (the editor's
// grammar colours them).
std::vector<SemanticToken> semanticTokens(const Snapshot &snapshot, uint32_t module, uint32_t begin = 0,
                                          uint32_t end = UINT32_MAX);

// LSP's `data` array: 5 integers per token (delta line, delta start in UTF-16
// units, length, type, modifiers). Tokens spanning lines are cut at line ends
// unless `multiline`; only tokens overlapping [rangeBegin, rangeEnd) are kept.
std::vector<uint32_t> encodeSemanticTokens(llvm::StringRef text, llvm::ArrayRef<SemanticToken> tokens,
                                           uint32_t rangeBegin = 0, uint32_t rangeEnd = UINT32_MAX,
                                           bool multiline = false);

} // namespace cairn::lsp
