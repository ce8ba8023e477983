#include "eval/text_format.h"

#include <charconv>

namespace cairn::eval {

void appendInt(std::string &out, int64_t value) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void appendFiniteFloat(std::string &out, double value) {
  char buffer[40];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value); // shortest round-trip
  llvm::StringRef text(buffer, static_cast<size_t>(result.ptr - buffer));
  size_t exponent = text.find('e');
  llvm::StringRef mantissa = text.substr(0, exponent);
  out.append(mantissa.data(), mantissa.size());
  if (mantissa.find('.') == std::string::npos)
    out += ".0";
  if (exponent != std::string::npos)
    out.append(text.data() + exponent, text.size() - exponent);
}

CodePoint decodeUtf8(llvm::StringRef text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80)
    return {lead, 1};
  unsigned length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || i + length > text.size())
    return {0, 0};
  uint32_t value = lead & (0x7F >> length);
  for (unsigned k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80)
      return {0, 0};
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMinimum[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return {0, 0};
  return {value, length};
}

namespace {

void appendJsonEscape(std::string &out, unsigned char c) {
  switch (c) {
  case '"': out += "\\\""; return;
  case '\\': out += "\\\\"; return;
  case '\n': out += "\\n"; return;
  case '\t': out += "\\t"; return;
  case '\r': out += "\\r"; return;
  case '\b': out += "\\b"; return;
  case '\f': out += "\\f"; return;
  default: {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\u00";
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  }
}

} // namespace

void appendJsonString(std::string &out, llvm::StringRef text) {
  out += '"';
  size_t i = 0;
  while (i < text.size()) {
    // Copy the longest run that needs no escaping in one go.
    size_t run = i;
    while (run < text.size()) {
      unsigned char c = static_cast<unsigned char>(text[run]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80)
        break;
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size())
      break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      appendJsonEscape(out, c);
      ++i;
      continue;
    }
    CodePoint cp = decodeUtf8(text, i);
    if (cp.length == 0) {
      out += "\xEF\xBF\xBD"; // U+FFFD for a byte that is not valid UTF-8
      ++i;
    } else {
      out.append(text.data() + i, cp.length);
      i += cp.length;
    }
  }
  out += '"';
}

} // namespace cairn::eval
