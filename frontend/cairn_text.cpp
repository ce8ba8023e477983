#include "frontend/cairn_text.h"

#include <cctype>

#include <fmt/format.h>

namespace cairn {

bool isCairnName(llvm::StringRef text) {
  if (text.empty() || !(std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_'))
    return false;
  for (char c : text)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
      return false;
  return true;
}

bool isCairnKeyword(llvm::StringRef text) {
  // Keep in step with the keyword tokens of grammar/CairnLexer.g4.
  static constexpr llvm::StringLiteral kKeywords[] = {
      "import", "as",   "param", "let",  "fn",   "type",  "schema", "extends", "check", "emit",
      "if",     "then", "else",  "for",  "in",   "with",  "true",   "false",   "null",  "policy"};
  for (llvm::StringRef keyword : kKeywords)
    if (text == keyword)
      return true;
  return false;
}

bool isControlByte(unsigned char c) { return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f; }

bool appendCommonEscape(std::string &out, llvm::StringRef text, size_t i) {
  char c = text[i];
  if (c == '\\') {
    out += "\\\\";
    return true;
  }
  if (c == '$' && i + 1 < text.size() && text[i + 1] == '{') {
    out += "\\$";
    return true;
  }
  return false;
}

std::string cairnString(llvm::StringRef text) {
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (appendCommonEscape(out, text, i))
      continue;
    switch (c) {
    case '"': out += "\\\""; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    default:
      if (isControlByte(c))
        out += fmt::format("\\u{{{:x}}}", c);
      else
        out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

std::string clipForMessage(llvm::StringRef text, size_t maxBytes) {
  if (text.size() <= maxBytes)
    return text.str();
  size_t cut = maxBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut; // not inside a UTF-8 sequence
  return text.take_front(cut).str() + "...";
}

} // namespace cairn
