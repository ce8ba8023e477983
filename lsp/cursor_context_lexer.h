// A forgiving tokenizer for editor features that must understand text the
// parser rejects (the line being typed). It follows grammar/CairnLexer.g4
// closely enough to find names, punctuation, brackets and strings, but never
// fails: unknown bytes become Other tokens, and an unterminated string or
// comment simply runs to the end of its line (or of the text).
#pragma once

#include <cstdint>
#include <vector>

#include <llvm/ADT/StringRef.h>

namespace cairn::lsp {

enum class TokKind : uint8_t {
  Name,        // identifiers and keywords
  Number,
  Punct,       // operators and brackets, `text` holds the spelling
  StringOpen,  // `"` or `"""` starting a string
  StringText,  // literal text (and escapes) inside a string
  StringClose, // the closing quote(s)
  InterpOpen,  // `${` inside a string (closed by a Punct `}`)
  Regex,       // `/re/`
  Other,
};

struct Tok {
  TokKind kind;
  uint32_t begin = 0, end = 0;
  llvm::StringRef text;
  bool is(llvm::StringRef spelling) const {
    return (kind == TokKind::Punct || kind == TokKind::Name) && text == spelling;
  }
};

// Comments and white space are skipped; `commentSpans` (if given) receives
// the [begin, end) of each comment so callers can tell the cursor is in one.
std::vector<Tok> lexLeniently(llvm::StringRef text,
                              std::vector<std::pair<uint32_t, uint32_t>> *commentSpans = nullptr);

} // namespace cairn::lsp
