#include "grammar/cairn_scanner.h"

#include "CairnLexer.h"

namespace cairn::grammar {

using L = CairnLexer;

namespace {

bool isContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

size_t utf8Length(unsigned char lead) {
  if (lead < 0x80)
    return 1;
  if ((lead >> 5) == 0x6)
    return 2;
  if ((lead >> 4) == 0xE)
    return 3;
  return 4;
}

uint32_t decodeUtf8(std::string_view text, size_t at) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[at + i]); };
  size_t length = utf8Length(byte(0));
  if (length == 1 || at + length > text.size())
    return byte(0);
  uint32_t value = byte(0) & (0x7F >> length);
  for (size_t i = 1; i < length; ++i)
    value = (value << 6) | (byte(i) & 0x3F);
  return value;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool isWordStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isWord(char c) { return isWordStart(c) || isDigit(c); }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
// Where STR_TEXT (`lineBreaks`) and MSTR_TEXT stop.
bool endsText(char c, bool lineBreaks) {
  return c == '"' || c == '\\' || c == '$' || (lineBreaks && (c == '\r' || c == '\n'));
}

struct Keyword {
  const char *text;
  size_t type;
};

const Keyword kKeywords[] = {
    {"import", L::IMPORT}, {"as", L::AS},         {"param", L::PARAM},   {"let", L::LET},
    {"fn", L::FN},         {"type", L::TYPE},     {"schema", L::SCHEMA}, {"extends", L::EXTENDS},
    {"check", L::CHECK},   {"emit", L::EMIT},     {"if", L::IF},         {"then", L::THEN},
    {"else", L::ELSE},     {"for", L::FOR},       {"in", L::IN},         {"with", L::WITH},
    {"true", L::TRUE},     {"false", L::FALSE},   {"null", L::NULL_},    {"policy", L::POLICY},
};

} // namespace

Utf8CharStream::Utf8CharStream(std::string_view text, std::string name) : text_(text), name_(std::move(name)) {
  bool ascii = true;
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) {
    size_ = text.size();
    return;
  }
  for (size_t i = 0; i < text.size(); ++i)
    if (!isContinuationByte(static_cast<unsigned char>(text[i])))
      byteOfCodePoint_.push_back(static_cast<uint32_t>(i));
  size_ = byteOfCodePoint_.size();
}

size_t Utf8CharStream::byteOffset(size_t codePoint) const {
  if (byteOfCodePoint_.empty())
    return codePoint < text_.size() ? codePoint : text_.size();
  return codePoint < byteOfCodePoint_.size() ? byteOfCodePoint_[codePoint] : text_.size();
}

void Utf8CharStream::consume() {
  if (position_ >= size_)
    throw antlr4::IllegalStateException("cannot consume EOF");
  ++position_;
}

size_t Utf8CharStream::LA(ssize_t i) {
  if (i == 0)
    return 0;
  ssize_t target = i > 0 ? static_cast<ssize_t>(position_) + i - 1 : static_cast<ssize_t>(position_) + i;
  if (target < 0 || static_cast<size_t>(target) >= size_)
    return antlr4::IntStream::EOF;
  return decodeUtf8(text_, byteOffset(static_cast<size_t>(target)));
}

// As ANTLRInputStream::getText: the code points [a, b], clamped to the text.
std::string Utf8CharStream::getText(const antlr4::misc::Interval &interval) {
  size_t start = static_cast<size_t>(interval.a);
  if (interval.a < 0 || start >= size_)
    return "";
  size_t stop = interval.b < 0 ? 0 : static_cast<size_t>(interval.b);
  if (stop >= size_)
    stop = size_ - 1;
  if (stop < start)
    return "";
  size_t begin = byteOffset(start);
  return std::string(text_.substr(begin, byteOffset(stop + 1) - begin));
}

CairnScanner::CairnScanner(std::string_view text, std::string name) : text_(text), stream_(text, std::move(name)) {
  // A byte-order mark is skipped but keeps its place: code point 0, so that
  // token indexes still map to the right bytes. (ANTLRInputStream drops it and
  // counts from after it, which put every span of such a file 3 bytes early.)
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
    pos_ = 3;
    codePoint_ = 1;
    column_ = 1;
  }
}

antlr4::TokenFactory<antlr4::CommonToken> *CairnScanner::getTokenFactory() {
  return antlr4::CommonTokenFactory::DEFAULT.get();
}

void CairnScanner::advance(size_t bytes) {
  for (size_t end = pos_ + bytes; pos_ < end; ++pos_) {
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (isContinuationByte(c))
      continue;
    ++codePoint_;
    if (c == '\n') {
      ++line_;
      column_ = 0;
    } else {
      ++column_;
    }
  }
}

std::unique_ptr<antlr4::Token> CairnScanner::make(size_t type, size_t channel, size_t start, size_t stop,
                                                  size_t line, size_t column) {
  auto token = std::make_unique<antlr4::CommonToken>(
      std::pair<antlr4::TokenSource *, antlr4::CharStream *>(this, &stream_), type, channel, start, stop);
  token->setLine(line);
  token->setCharPositionInLine(column);
  return token;
}

// As antlr4::Lexer::nextToken with CairnLexerBase: the longest match in the
// current mode, its mode action, EOF once the input is used up.
std::unique_ptr<antlr4::Token> CairnScanner::nextToken() {
  while (true) {
    if (hitEof_ || pos_ >= text_.size()) {
      hitEof_ = true;
      lastSignificantType_ = antlr4::Token::EOF;
      return make(antlr4::Token::EOF, antlr4::Token::DEFAULT_CHANNEL, codePoint_, codePoint_ - 1, line_, column_);
    }
    size_t start = codePoint_, line = line_, column = column_;
    size_t length = 0;
    size_t type = mode_ == Mode::Default  ? matchDefault(length)
                  : mode_ == Mode::String ? matchString(length)
                                          : matchMultiline(length);
    if (length == 0) {
      // Only a `\` before a line break or the end of the file gets here. The
      // ANTLR lexer drops the `\` and, like its error recovery, one more character.
      advance(1);
      if (pos_ < text_.size())
        advance(utf8Length(static_cast<unsigned char>(text_[pos_])));
      hitEof_ = pos_ >= text_.size();
      continue;
    }
    advance(length);
    hitEof_ = pos_ >= text_.size();
    applyModeAction(type);
    bool hidden = type == L::WS || type == L::LINE_COMMENT || type == L::DOC_COMMENT ||
                  type == L::BLOCK_COMMENT || type == L::UNTERMINATED_COMMENT;
    if (!hidden)
      lastSignificantType_ = type;
    return make(type, hidden ? antlr4::Token::HIDDEN_CHANNEL : antlr4::Token::DEFAULT_CHANNEL, start,
                codePoint_ - 1, line, column);
  }
}

void CairnScanner::applyModeAction(size_t type) {
  auto push = [&](Mode next) {
    modeStack_.push_back(mode_);
    mode_ = next;
  };
  switch (type) {
  case L::LBRACE:
  case L::STR_INTERP:
  case L::MSTR_INTERP: push(Mode::Default); break;
  case L::STR_OPEN: push(Mode::String); break;
  case L::TRIPLE_OPEN: push(Mode::MultilineString); break;
  case L::RBRACE:
  case L::STR_CLOSE:
  case L::STR_NEWLINE:
  case L::TRIPLE_CLOSE:
    if (!modeStack_.empty()) { // an unbalanced `}` is left to the parser
      mode_ = modeStack_.back();
      modeStack_.pop_back();
    }
    break;
  default: break;
  }
}

size_t CairnScanner::matchDefault(size_t &length) const {
  char c = at(0);
  if (isSpace(c)) {
    length = 1;
    while (has(length) && isSpace(at(length)))
      ++length;
    return L::WS;
  }
  if (isWordStart(c))
    return matchWord(length);
  if (isDigit(c))
    return matchNumber(length);
  if (c == '"') {
    length = at(1) == '"' && at(2) == '"' ? 3 : 1;
    return length == 3 ? L::TRIPLE_OPEN : L::STR_OPEN;
  }
  if (c == '/')
    return matchSlash(length);
  if (size_t type = matchOperator(length))
    return type;
  length = utf8Length(static_cast<unsigned char>(c));
  return L::BAD_CHAR;
}

size_t CairnScanner::matchWord(size_t &length) const {
  length = 1;
  while (has(length) && isWord(at(length)))
    ++length;
  std::string_view word = text_.substr(pos_, length);
  for (const Keyword &keyword : kKeywords)
    if (word == keyword.text)
      return keyword.type;
  return L::IDENT;
}

size_t CairnScanner::matchNumber(size_t &length) const {
  // DIGITS : [0-9]+ ('_' [0-9]+)*; returns the end, or `from` if no digit.
  auto digits = [&](size_t from) {
    size_t end = from;
    while (isDigit(at(end)) && has(end))
      ++end;
    while (end > from && at(end) == '_' && isDigit(at(end + 1)) && has(end + 1)) {
      end += 1;
      while (isDigit(at(end)) && has(end))
        ++end;
    }
    return end;
  };
  // EXPONENT : [eE] [+-]? [0-9]+; returns the end, or `from` if none.
  auto exponent = [&](size_t from) {
    if (at(from) != 'e' && at(from) != 'E')
      return from;
    size_t end = from + 1;
    if (at(end) == '+' || at(end) == '-')
      ++end;
    if (!isDigit(at(end)) || !has(end))
      return from;
    while (isDigit(at(end)) && has(end))
      ++end;
    return end;
  };
  if (at(0) == '0' && at(1) == 'x' && isHex(at(2)) && has(2)) {
    size_t end = 2;
    while (true) {
      while (isHex(at(end)) && has(end))
        ++end;
      if (at(end) == '_' && isHex(at(end + 1)) && has(end + 1))
        ++end;
      else
        break;
    }
    length = end;
    return L::INT;
  }
  size_t integer = digits(0);
  size_t end = integer;
  if (at(integer) == '.' && isDigit(at(integer + 1)) && has(integer + 1))
    end = exponent(digits(integer + 1));
  else
    end = exponent(integer);
  length = end;
  return end > integer ? L::FLOAT : L::INT;
}

size_t CairnScanner::matchSlash(size_t &length) const {
  auto restOfLine = [&](size_t from) {
    size_t end = from;
    while (has(end) && at(end) != '\r' && at(end) != '\n')
      ++end;
    return end;
  };
  if (at(1) == '/') {
    bool doc = at(2) == '/' && has(2);
    length = restOfLine(2);
    return doc ? L::DOC_COMMENT : L::LINE_COMMENT;
  }
  if (at(1) == '*' && has(1)) {
    size_t close = text_.find("*/", pos_ + 2);
    if (close == std::string_view::npos) {
      length = text_.size() - pos_;
      return L::UNTERMINATED_COMMENT;
    }
    length = close + 2 - pos_;
    return L::BLOCK_COMMENT;
  }
  length = 1;
  if (lastSignificantType_ != L::LPAREN && lastSignificantType_ != L::COMMA)
    return L::SLASH;
  // REGEX : '/' (~[/*\\\r\n] | '\\' ~[\r\n]) (~[/\\\r\n] | '\\' ~[\r\n])* '/'
  for (size_t i = 1; has(i); ++i) {
    char c = at(i);
    if (c == '\r' || c == '\n' || (i == 1 && c == '*'))
      return L::SLASH;
    if (c == '/') {
      if (i == 1)
        return L::SLASH;
      length = i + 1;
      return L::REGEX;
    }
    if (c == '\\') {
      if (!has(i + 1) || at(i + 1) == '\r' || at(i + 1) == '\n')
        return L::SLASH;
      ++i; // a continuation byte of an escaped character is an ordinary body byte
    }
  }
  return L::SLASH;
}

size_t CairnScanner::matchOperator(size_t &length) const {
  char c = at(0), next = has(1) ? at(1) : '\0';
  length = 1;
  // The two-character token `type` if the next character is `second`, else `single`.
  auto two = [&](char second, size_t type, size_t single) -> size_t {
    if (next != second)
      return single;
    length = 2;
    return type;
  };
  switch (c) {
  case '{': return L::LBRACE;
  case '}': return L::RBRACE;
  case '[': return L::LBRACK;
  case ']': return L::RBRACK;
  case '(': return L::LPAREN;
  case ')': return L::RPAREN;
  case ',': return L::COMMA;
  case ':': return L::COLON;
  case '+': return L::PLUS;
  case '*': return L::STAR;
  case '%': return L::PERCENT;
  case '.': return two('.', L::DOTDOT, L::DOT);
  case '?': return two('.', L::QDOT, two('?', L::QQ, L::QUESTION));
  case '-': return two('>', L::ARROW, L::MINUS);
  case '=': return two('>', L::FATARROW, two('=', L::EQEQ, L::ASSIGN));
  case '!': return two('=', L::NEQ, L::BANG);
  case '<': return two('=', L::LE, L::LT);
  case '>': return two('=', L::GE, L::GT);
  case '|': return two('|', L::OROR, L::PIPE);
  case '&':
    if (next == '&')
      return two('&', L::ANDAND, 0);
    break;
  default: break;
  }
  length = 0;
  return 0;
}

// `\u{hex}` or `\` and one character (`anyCharacter`: also a line break).
static size_t escapeLength(std::string_view rest, bool anyCharacter) {
  if (rest.size() < 2)
    return 0;
  if (rest[1] == 'u' && rest.size() > 3 && rest[2] == '{' && isHex(rest[3])) {
    size_t end = 3;
    while (end < rest.size() && isHex(rest[end]))
      ++end;
    if (end < rest.size() && rest[end] == '}')
      return end + 1;
  }
  if (!anyCharacter && (rest[1] == '\r' || rest[1] == '\n'))
    return 0;
  return 1 + utf8Length(static_cast<unsigned char>(rest[1]));
}

size_t CairnScanner::matchString(size_t &length) const {
  char c = at(0);
  length = 1;
  switch (c) {
  case '"': return L::STR_CLOSE;
  case '\r':
  case '\n': return L::STR_NEWLINE;
  case '$':
    if (at(1) == '{' && has(1))
      return length = 2, L::STR_INTERP;
    return L::STR_TEXT;
  case '\\': length = escapeLength(text_.substr(pos_), false); return length ? L::STR_ESCAPE : 0;
  default: break;
  }
  while (has(length) && !endsText(at(length), true))
    ++length;
  return L::STR_TEXT;
}

size_t CairnScanner::matchMultiline(size_t &length) const {
  char c = at(0);
  length = 1;
  switch (c) {
  case '"':
    if (at(1) == '"' && has(1)) {
      length = at(2) == '"' && has(2) ? 3 : 2;
      return length == 3 ? L::TRIPLE_CLOSE : L::MSTR_TEXT;
    }
    return L::MSTR_TEXT;
  case '$':
    if (at(1) == '{' && has(1))
      return length = 2, L::MSTR_INTERP;
    return L::MSTR_TEXT;
  case '\\': length = escapeLength(text_.substr(pos_), true); return length ? L::MSTR_ESCAPE : 0;
  default: break;
  }
  while (has(length) && !endsText(at(length), false))
    ++length;
  return L::MSTR_TEXT;
}

} // namespace cairn::grammar
