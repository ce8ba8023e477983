// Where the cursor is, syntactically, read from the token stream alone so
// that it works while the line is being typed and the document does not
// parse: inside which brackets, and in what kind of position (a field name of
// an object body, a value, a member after `.`, a type, an import path...).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lsp/cursor_context_lexer.h"

namespace cairn::lsp {

enum class FrameKind : uint8_t { Object, List, Paren, Interp };

// An open bracket enclosing the cursor.
struct Frame {
  FrameKind kind;
  size_t open; // token index of the bracket
};

enum class CursorKind : uint8_t {
  None,        // a comment, a number, a name being declared: nothing to offer
  TopLevel,    // where a declaration starts
  FieldName,   // an entry of an object body starts: the fields of its type
  FieldPath,   // after `a.b.` at an entry start: the fields of the nested object
  SchemaBody,  // a field declaration of a schema (or policy body) starts
  Member,      // after `expr.` or `expr?.`
  Value,       // an expression starts (after `=`, `(`, `,`, an operator...)
  TypeName,    // a type goes here
  ImportPath,  // inside the string of `import "..."`
  StringValue, // inside another string: the literal values expected there
};

struct CursorContext {
  CursorKind kind = CursorKind::None;
  uint32_t offset = 0;
  // The word (or, in a string, the text) being typed: [wordBegin, offset).
  uint32_t wordBegin = 0;
  std::vector<Tok> tokens;
  size_t firstAfter = 0;       // tokens[0, firstAfter) are before the word being typed
  std::vector<Frame> frames;   // open brackets around the cursor, outermost first
  // Member / FieldPath / TypeName: the names before the last `.`, e.g. {"spec", "template"}.
  std::vector<llvm::StringRef> chain;
  size_t chainStart = 0;       // token index of chain[0]
  size_t stringOpen = 0;       // ImportPath / StringValue: the token index of the opening quote

  const Tok *before(size_t back = 1) const {
    return firstAfter >= back ? &tokens[firstAfter - back] : nullptr;
  }
};

// Analyses `text` around byte `offset`.
CursorContext analyzeCursor(llvm::StringRef text, uint32_t offset);

// Token helpers shared by the features.
// Whether tokens a and b are on different lines of `text`.
bool lineBreakBetween(llvm::StringRef text, const Tok &a, const Tok &b);
bool lineBreakBetween(llvm::StringRef text, uint32_t from, uint32_t to);
// A token that can end an expression (a name, a literal, a closing bracket).
bool endsValue(const Tok &tok);
// The index of the bracket closing the one at `open` (tokens.size() if none).
size_t matchingClose(const std::vector<Tok> &tokens, size_t open);
// Whether the token at `index` starts an entry of the object body opened at
// `open` (after its `{`, a `,`, or a line break after a complete value).
bool startsEntry(llvm::StringRef text, const std::vector<Tok> &tokens, size_t open, size_t index);

} // namespace cairn::lsp
