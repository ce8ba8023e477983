#include "manifest/quoted_scalar.h"

namespace cairn::manifest {
namespace {

bool endOfLineAt(llvm::StringRef text, size_t i) {
  return i >= text.size() || text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n');
}

// Appends code point `cp` as UTF-8, as yaml-cpp's Escape does.
void appendUtf8(std::string &out, uint32_t cp) {
  if (cp <= 0x7F) {
    out += static_cast<char>(cp);
  } else if (cp <= 0x7FF) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp <= 0xFFFF) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The one-character escapes; 1 (never a result) for the others.
char simpleEscape(char c) {
  switch (c) {
  case '0': return '\0';
  case 'a': return '\a';
  case 'b': return '\b';
  case 't': return '\t';
  case 'n': return '\n';
  case 'v': return '\v';
  case 'f': return '\f';
  case 'r': return '\r';
  case 'e': return '\x1B';
  case ' ': return ' ';
  case '"': return '"';
  case '\'': return '\'';
  case '\\': return '\\';
  case '/': return '/';
  default: return 1;
  }
}

int hexValue(char h) {
  if (h >= '0' && h <= '9')
    return h - '0';
  if (h >= 'a' && h <= 'f')
    return h - 'a' + 10;
  if (h >= 'A' && h <= 'F')
    return h - 'A' + 10;
  return -1;
}

// `\xXX`, `\uXXXX`, `\UXXXXXXXX` at text[i] (the backslash); advances `i`.
bool appendCodePointEscape(llvm::StringRef text, size_t &i, std::string &out) {
  char e = i + 1 < text.size() ? text[i + 1] : '\0';
  size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
  if (digits == 0 || i + 2 + digits > text.size())
    return false;
  uint32_t cp = 0;
  for (size_t k = 0; k < digits; ++k) {
    int v = hexValue(text[i + 2 + k]);
    if (v < 0)
      return false;
    cp = cp * 16 + static_cast<uint32_t>(v);
  }
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return false; // yaml-cpp reports these
  appendUtf8(out, cp);
  i += 2 + digits;
  return true;
}

bool readSingleQuoted(llvm::StringRef text, size_t open, size_t &end, llvm::StringRef &value, std::string &buffer) {
  size_t close = open + 1;
  bool escaped = false; // `''` stands for a quote
  for (;; ++close) {
    if (endOfLineAt(text, close) || !isPlainByte(text, close))
      return false;
    if (text[close] == '\'') {
      if (close + 1 >= text.size() || text[close + 1] != '\'')
        break;
      escaped = true;
      ++close;
    }
  }
  if (!escaped) {
    value = text.slice(open + 1, close);
  } else {
    buffer.clear();
    for (size_t i = open + 1; i < close; ++i) {
      buffer += text[i];
      if (text[i] == '\'')
        ++i;
    }
    value = buffer;
  }
  end = close + 1;
  return true;
}

bool readDoubleQuoted(llvm::StringRef text, size_t open, size_t &end, llvm::StringRef &value, std::string &buffer) {
  size_t i = open + 1;
  while (!endOfLineAt(text, i) && text[i] != '"' && text[i] != '\\') {
    if (!isPlainByte(text, i))
      return false;
    ++i;
  }
  if (!endOfLineAt(text, i) && text[i] == '"') { // no escapes: the text itself
    value = text.slice(open + 1, i);
    end = i + 1;
    return true;
  }
  buffer.assign(text.data() + open + 1, i - open - 1);
  while (!endOfLineAt(text, i) && text[i] != '"') {
    char c = text[i];
    if (c != '\\') {
      if (!isPlainByte(text, i))
        return false;
      buffer += c;
      ++i;
    } else if (char simple = simpleEscape(i + 1 < text.size() ? text[i + 1] : '\0'); simple != 1) {
      buffer += simple;
      i += 2;
    } else if (!appendCodePointEscape(text, i, buffer)) {
      return false;
    }
  }
  if (endOfLineAt(text, i))
    return false; // multi-line (or unclosed): yaml-cpp folds or reports it
  value = buffer;
  end = i + 1;
  return true;
}

} // namespace

bool isPlainByte(llvm::StringRef text, size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x20 || c == 0x7F)
    return false;
  if (c < 0x80)
    return true;
  llvm::StringRef rest = text.substr(i);
  return !(rest.startswith("\xC2\x85") || rest.startswith("\xE2\x80\xA8") || rest.startswith("\xE2\x80\xA9") ||
           rest.startswith("\xEF\xBB\xBF"));
}

bool readQuotedScalar(llvm::StringRef text, size_t open, size_t &end, llvm::StringRef &value, std::string &buffer) {
  if (text[open] == '"')
    return readDoubleQuoted(text, open, end, value, buffer);
  return readSingleQuoted(text, open, end, value, buffer);
}

} // namespace cairn::manifest
