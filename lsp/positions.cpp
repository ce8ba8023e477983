#include "lsp/positions.h"

#include <algorithm>
#include <cstring>

namespace cairn::lsp {
namespace {

// Bytes of the UTF-8 sequence starting with `lead`; 1 for invalid lead bytes
// so that broken text still advances.
unsigned sequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

// The byte offset of UTF-16 unit `character` in the line text[begin, end)
// (without its terminator), clamped to the line end.
uint32_t offsetInLine(llvm::StringRef text, uint32_t begin, uint32_t end, uint32_t character) {
  uint32_t offset = begin, units = 0;
  while (offset < end) {
    unsigned length = sequenceLength(static_cast<unsigned char>(text[offset]));
    if (offset + length > end)
      length = 1;
    unsigned width = length == 4 ? 2 : 1;
    if (units + width > character)
      break;
    units += width;
    offset += length;
  }
  return offset;
}

// The end of the line starting at `begin` (its terminator's offset, or the
// text's end), looking no further than that line.
size_t lineEndFrom(llvm::StringRef text, size_t begin) {
  const char *start = text.data() + begin;
  size_t rest = text.size() - begin;
  const void *newline = std::memchr(start, '\n', rest);
  size_t end = newline ? static_cast<const char *>(newline) - text.data() : text.size();
  const void *cr = std::memchr(start, '\r', end - begin);
  return cr ? static_cast<size_t>(static_cast<const char *>(cr) - text.data()) : end;
}

} // namespace

uint32_t offsetInText(llvm::StringRef text, Position position) {
  size_t begin = 0;
  for (uint32_t line = 0; line < position.line; ++line) {
    size_t end = lineEndFrom(text, begin);
    if (end == text.size())
      return static_cast<uint32_t>(text.size());
    begin = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
  }
  return offsetInLine(text, static_cast<uint32_t>(begin), static_cast<uint32_t>(lineEndFrom(text, begin)),
                      position.character);
}

uint32_t utf16Length(llvm::StringRef text) {
  uint32_t units = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned length = sequenceLength(static_cast<unsigned char>(text[i]));
    if (i + length > text.size())
      length = 1;
    units += length == 4 ? 2 : 1; // astral characters are a surrogate pair
    i += length;
  }
  return units;
}

LineIndex::LineIndex(llvm::StringRef text) : text_(text) {
  lineStarts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      lineStarts_.push_back(static_cast<uint32_t>(i + 1));
  }
}

uint32_t LineIndex::offsetOf(Position position) const {
  if (position.line >= lineStarts_.size())
    return static_cast<uint32_t>(text_.size());
  uint32_t offset = lineStarts_[position.line];
  uint32_t lineEnd = position.line + 1 < lineStarts_.size() ? lineStarts_[position.line + 1]
                                                             : static_cast<uint32_t>(text_.size());
  // The terminator is not part of the line.
  while (lineEnd > offset && (text_[lineEnd - 1] == '\n' || text_[lineEnd - 1] == '\r'))
    --lineEnd;
  return offsetInLine(text_, offset, lineEnd, position.character);
}

Position LineIndex::positionOf(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - lineStarts_.begin()) - 1;
  uint32_t start = lineStarts_[line];
  // An offset inside a multi-byte character counts from that character's start.
  uint32_t end = offset;
  while (end > start && end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80)
    --end;
  return {line, utf16Length(text_.substr(start, end - start))};
}

} // namespace cairn::lsp
