// Writing Cairn source text: whether a word can be a name, the keywords, and
// string literals with every escape the lexer needs. Shared by everything
// that prints Cairn (type display, importers, editor features) so that all
// of them agree with grammar/CairnLexer.g4.
#pragma once

#include <string>

#include <llvm/ADT/StringRef.h>

namespace cairn {

// `[A-Za-z_][A-Za-z0-9_]*`: usable as a field name, after `.`, or (unless a
// keyword) as the name of a declaration or an import.
bool isCairnName(llvm::StringRef text);
// A keyword of the language: never a declaration or import name.
bool isCairnKeyword(llvm::StringRef text);

// `text` as a one-line string literal: `"a \"b\" \${c}\n"`; control bytes
// as `\u{..}`.
std::string cairnString(llvm::StringRef text);

// Appends the escape for the byte at `text[i]` when both string forms need
// one there (a backslash, or `$` starting `${`); false otherwise.
bool appendCommonEscape(std::string &out, llvm::StringRef text, size_t i);
// Bytes below 0x20 (and DEL) other than newline and tab.
bool isControlByte(unsigned char c);

// Source text quoted in a message, cut to at most about `maxBytes` (at a
// character boundary, with "..." after): a 1 MB literal must not be echoed
// into a diagnostic whole.
std::string clipForMessage(llvm::StringRef text, size_t maxBytes = 48);

} // namespace cairn
