// LSP positions are (line, UTF-16 code unit) pairs; everything inside cairn
// uses byte offsets. This is the only place that converts between them.
// Out-of-range positions are clamped, never trusted: a line past the end maps
// to the end of the text, a character past the end of its line to the line end,
// and a position inside a surrogate pair or a multi-byte character to the
// start of that character.
#pragma once

#include <cstdint>
#include <vector>

#include <llvm/ADT/StringRef.h>

namespace cairn::lsp {

struct Position {
  uint32_t line = 0;      // 0-based
  uint32_t character = 0; // 0-based, in UTF-16 code units
  friend bool operator==(Position a, Position b) { return a.line == b.line && a.character == b.character; }
};

struct Range {
  Position start, end;
  friend bool operator==(Range a, Range b) { return a.start == b.start && a.end == b.end; }
};

// Line starts of one text, for repeated conversions. The text must outlive it.
class LineIndex {
public:
  explicit LineIndex(llvm::StringRef text);

  uint32_t offsetOf(Position position) const;
  Position positionOf(uint32_t offset) const;
  Range rangeOf(uint32_t begin, uint32_t end) const { return {positionOf(begin), positionOf(end)}; }
  uint32_t lineCount() const { return static_cast<uint32_t>(lineStarts_.size()); }
  llvm::StringRef text() const { return text_; }

private:
  llvm::StringRef text_;
  std::vector<uint32_t> lineStarts_; // "\n", "\r\n" and a lone "\r" end a line, as in LSP
};

// The byte offset of `position` in `text`, clamped as LineIndex::offsetOf
// does, scanning only the lines up to it (one edit of a large document).
uint32_t offsetInText(llvm::StringRef text, Position position);

// UTF-16 code units of UTF-8 `text` (invalid bytes count as one unit each).
uint32_t utf16Length(llvm::StringRef text);

} // namespace cairn::lsp
