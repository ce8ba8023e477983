#include "manifest/stream_split.h"

#include <cstring>

namespace cairn::manifest {
namespace {

bool isDocumentStart(llvm::StringRef line) {
  return line.startswith("---") &&
         (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
}

bool isDocumentEnd(llvm::StringRef line) {
  return line.startswith("...") &&
         (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
}

// Blank or a comment: no content of its own.
bool isEmptyLine(llvm::StringRef line) {
  llvm::StringRef trimmed = line.ltrim(" \t\r");
  return trimmed.empty() || trimmed[0] == '#';
}

} // namespace

std::vector<StreamPiece> splitStream(llvm::StringRef text) {
  std::vector<StreamPiece> pieces;
  StreamPiece current;
  bool sawMarker = false; // the current piece holds a `---` line
  auto cut = [&](uint32_t at) {
    current.end = at;
    if (current.end > current.begin)
      pieces.push_back(current);
    current = StreamPiece{at, at, false};
    sawMarker = false;
  };
  uint32_t size = static_cast<uint32_t>(text.size());
  for (uint32_t pos = 0; pos < size;) {
    size_t eol = text.find('\n', pos);
    uint32_t next = eol == llvm::StringRef::npos ? size : static_cast<uint32_t>(eol + 1);
    llvm::StringRef line = text.slice(pos, eol == llvm::StringRef::npos ? size : eol);
    if (isDocumentStart(line)) {
      // Comments and directives before the marker belong to its document.
      if (current.hasContent || sawMarker)
        cut(pos);
      sawMarker = true;
      // `--- value` carries content on the marker line itself.
      if (!isEmptyLine(line.drop_front(3)))
        current.hasContent = true;
    } else if (!line.empty() && line[0] == '%') {
      if (current.hasContent || sawMarker)
        cut(pos);
    } else if (!isEmptyLine(line) && !isDocumentEnd(line)) {
      current.hasContent = true;
    }
    pos = next;
  }
  cut(size);
  return pieces;
}

size_t findInvalidByte(llvm::StringRef text, bool &isNul) {
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  size_t n = text.size();
  isNul = false;
  for (size_t i = 0; i < n;) {
    // Eight ASCII bytes without a NUL at a time: most manifests are ASCII.
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      bool ascii = (word & 0x8080808080808080ULL) == 0;
      bool hasNul = ((word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL) != 0;
      if (ascii && !hasNul) {
        i += 8;
        continue;
      }
    }
    unsigned char c = s[i];
    if (c < 0x80) {
      if (c == 0) {
        isNul = true;
        return i;
      }
      ++i;
      continue;
    }
    size_t length;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF)
      length = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
      length = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
      length = 4, cp = c & 0x07;
    else
      return i;
    if (i + length > n)
      return i;
    for (size_t k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80)
        return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += length;
  }
  return SIZE_MAX;
}

} // namespace cairn::manifest
