#include "eval/yaml_scalar.h"

#include "eval/text_format.h"

namespace cairn::eval {
namespace {

// What one pass over a string finds out about it.
struct StringScan {
  bool needsEscape = false;     // control characters, NEL, LS, PS, BOM or invalid UTF-8
  bool hasNewline = false;
  bool hasTab = false;
  bool hasColonSpace = false;   // ": " starts a mapping value
  bool hasSpaceHash = false;    // " #" starts a comment
  bool lineEndsInSpace = false; // a line (or the text) ends in a space or tab
};

bool isSpecialCodePoint(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
}

StringScan scanString(llvm::StringRef text) {
  StringScan scan;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      CodePoint cp = decodeUtf8(text, i);
      if (cp.length == 0 || isSpecialCodePoint(cp.value)) {
        scan.needsEscape = true;
        return scan; // double quotes whatever else is in there
      }
      i += cp.length;
      continue;
    }
    char next = i + 1 < text.size() ? text[i + 1] : '\n';
    if (c == '\n') {
      scan.hasNewline = true;
    } else if (c == '\t' || c == ' ') {
      scan.hasTab |= c == '\t';
      scan.hasSpaceHash |= next == '#';
      scan.lineEndsInSpace |= next == '\n';
    } else if (c < 0x20 || c == 0x7F) {
      scan.needsEscape = true;
      return scan;
    } else if (c == ':') {
      scan.hasColonSpace |= next == ' ' || next == '\t';
    }
    ++i;
  }
  return scan;
}

// Words some parser reads as null or a boolean, in any case: YAML 1.2 core
// (`null`, `~`, `true`, `false`) and YAML 1.1 (`yes`, `no`, `on`, `off`, `y`, `n`);
// `=` (1.1 value key) and `<<` (merge key).
bool isReservedWord(llvm::StringRef text) {
  static constexpr llvm::StringLiteral kWords[] = {"null", "~", "true", "false", "yes", "no",
                                                   "on",   "off", "y", "n", "=", "<<"};
  if (text.size() > 5)
    return false;
  for (llvm::StringRef word : kWords)
    if (text.equals_insensitive(word))
      return true;
  return false;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// `2001-12-14...`: a YAML 1.1 timestamp starts like this.
bool startsLikeDate(llvm::StringRef text) {
  return text.size() >= 8 && isDigit(text[0]) && isDigit(text[1]) && isDigit(text[2]) && isDigit(text[3]) &&
         text[4] == '-' && isDigit(text[5]);
}

// A superset of what YAML 1.1 and 1.2 parsers read as a number or timestamp:
// after an optional sign, a digit or `.` followed only by characters that
// occur in ints of any base, floats and sexagesimal numbers (`0x1F`, `1_000`,
// `1e3`, `1:20`, `.5`); dates; and YAML infinity / not-a-number. Quantities
// such as `500m`, `1Gi` and `10s` stay plain.
bool looksLikeNumber(llvm::StringRef text) {
  static constexpr llvm::StringLiteral kSpecial[] = {".inf", "+.inf", "-.inf", ".nan"};
  char first = text[0];
  if (!isDigit(first) && first != '.' && first != '+' && first != '-')
    return false;
  for (llvm::StringRef special : kSpecial)
    if (text.equals_insensitive(special))
      return true;
  llvm::StringRef unsigned_ = text.startswith("+") || text.startswith("-") ? text.drop_front() : text;
  if (unsigned_.empty() || !(isDigit(unsigned_[0]) || unsigned_[0] == '.'))
    return false;
  return startsLikeDate(unsigned_) ||
         unsigned_.find_first_not_of("0123456789abcdefABCDEFxXoO_.:+-") == std::string::npos;
}

// First characters that are YAML indicators (or whitespace) in a plain scalar.
bool startsWithIndicator(llvm::StringRef text) {
  char first = text[0];
  if (first == '-') // `-x` and `--flag` are fine; `- x`, `-` and `---` are not
    return text.size() == 1 || text[1] == ' ' || text.startswith("---");
  return llvm::StringRef("?:,[]{}#&*!|>'\"%@` \t").contains(first);
}

bool isPlainSafe(llvm::StringRef text, const StringScan &scan) {
  return !scan.needsEscape && !scan.hasNewline && !scan.hasTab && !scan.hasColonSpace &&
         !scan.hasSpaceHash && !scan.lineEndsInSpace && !startsWithIndicator(text) &&
         text.back() != ':' && !looksLikeNumber(text) && !isReservedWord(text);
}

// A literal block reproduces the text exactly only if it has a content line,
// no line ends in whitespace (parsers and editors strip it), and the first
// content line does not start with a space (it would set the indentation).
bool isLiteralSafe(llvm::StringRef text, const StringScan &scan) {
  if (!scan.hasNewline || scan.needsEscape || scan.lineEndsInSpace)
    return false;
  llvm::StringRef body = text.ltrim('\n');
  return !body.empty() && body[0] != ' ' && body[0] != '\t';
}

void appendYamlEscape(std::string &out, uint32_t cp) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  switch (cp) {
  case '"': out += "\\\""; return;
  case '\\': out += "\\\\"; return;
  case '\n': out += "\\n"; return;
  case '\t': out += "\\t"; return;
  case '\r': out += "\\r"; return;
  case 0: out += "\\0"; return;
  default: break;
  }
  if (cp <= 0xFF) {
    out += "\\x";
    out += kHex[cp >> 4];
    out += kHex[cp & 15];
    return;
  }
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4)
    out += kHex[(cp >> shift) & 15];
}

} // namespace

YamlStringStyle yamlValueStyle(llvm::StringRef text) {
  if (text.empty())
    return YamlStringStyle::DoubleQuoted;
  StringScan scan = scanString(text);
  if (isPlainSafe(text, scan))
    return YamlStringStyle::Plain;
  return isLiteralSafe(text, scan) ? YamlStringStyle::Literal : YamlStringStyle::DoubleQuoted;
}

YamlStringStyle yamlKeyStyle(llvm::StringRef text) {
  if (text.empty())
    return YamlStringStyle::DoubleQuoted;
  return isPlainSafe(text, scanString(text)) ? YamlStringStyle::Plain : YamlStringStyle::DoubleQuoted;
}

void appendYamlDoubleQuoted(std::string &out, llvm::StringRef text) {
  out += '"';
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (c < 0x80) {
      appendYamlEscape(out, c);
      ++i;
      continue;
    }
    CodePoint cp = decodeUtf8(text, i);
    if (cp.length == 0) {
      out += "\xEF\xBF\xBD"; // U+FFFD for a byte that is not valid UTF-8
      ++i;
    } else if (isSpecialCodePoint(cp.value)) {
      appendYamlEscape(out, cp.value);
      i += cp.length;
    } else {
      out.append(text.data() + i, cp.length);
      i += cp.length;
    }
  }
  out += '"';
}

void appendYamlLiteral(std::string &out, llvm::StringRef text, unsigned indent) {
  llvm::StringRef body = text.rtrim('\n');
  size_t trailing = text.size() - body.size();
  out += trailing == 0 ? "|-\n" : trailing == 1 ? "|\n" : "|+\n";
  while (true) {
    auto [line, rest] = body.split('\n');
    if (!line.empty()) {
      out.append(indent, ' ');
      out.append(line.data(), line.size());
    }
    out += '\n';
    if (line.size() == body.size())
      break;
    body = rest;
  }
  for (size_t i = 1; i < trailing; ++i) // kept by `|+`
    out += '\n';
}

} // namespace cairn::eval
