// The fast block-YAML reader (see block_reader.h for why and what subset).
// Offsets follow yaml-cpp's marks: a block collection starts at its first
// `-` or key, an empty value is a null at the next token (the next content
// character, or the `---` yaml-cpp's input gets appended: see reader.cpp).
#include "manifest/block_reader.h"
#include "manifest/quoted_scalar.h"

#include <string>

#include <llvm/ADT/StringExtras.h>

namespace cairn::manifest {
namespace {

struct Declined {};

[[noreturn]] void decline() { throw Declined{}; }

bool isNullText(llvm::StringRef s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// Characters that cannot start a plain scalar (quotes are read separately).
bool isIndicator(char c) {
  switch (c) {
  case ',': case '[': case ']': case '{': case '}': case '#': case '&': case '*': case '!':
  case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
    return true;
  default:
    return false;
  }
}

struct ScalarToken {
  size_t at = 0; // offset in the piece
  llvm::StringRef text;
  bool quoted = false;
};

class BlockReader {
public:
  BlockReader(llvm::StringRef text, uint32_t base, NodeBuilder &out) : text_(text), base_(base), out_(out) {}

  void read();

private:
  // Cursor helpers.
  char at(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }
  bool blankOrBreakAt(size_t i) const {
    char c = at(i);
    return i >= text_.size() || c == ' ' || c == '\n' || (c == '\r' && at(i + 1) == '\n');
  }
  bool endOfLineAt(size_t i) const {
    return i >= text_.size() || text_[i] == '\n' || (text_[i] == '\r' && at(i + 1) == '\n');
  }
  size_t column() const { return pos_ - lineStart_; }
  bool atEnd() const { return pos_ >= text_.size(); }
  uint32_t offset(size_t i) const { return base_ + static_cast<uint32_t>(i); }
  // yaml-cpp's next token after the end: the `---` of the appended "\n---\n".
  uint32_t nextTokenOffset() const { return atEnd() ? offset(text_.size() + 1) : offset(pos_); }
  bool atSequenceEntry() const { return at(pos_) == '-' && blankOrBreakAt(pos_ + 1); }
  // A `#` starts a comment only after a space.
  bool atComment() const { return at(pos_) == '#' && pos_ > 0 && text_[pos_ - 1] == ' '; }

  void skipToContent();
  void skipSpaces();
  void finishLine();
  void checkByte(size_t i) const;

  bool scanKey(ScalarToken &key);
  bool scanPlain(ScalarToken &token, bool inFlow);
  void scanQuoted(ScalarToken &token);
  void emit(const ScalarToken &token);

  void blockNode();
  void mapping(size_t col, ScalarToken firstKey);
  void mappingValue(size_t col);
  void sequence(size_t col, bool indentless);
  void sequenceItem(size_t col);
  void inlineValue();
  void flowSequence();

  llvm::StringRef text_;
  uint32_t base_;
  NodeBuilder &out_;
  size_t pos_ = 0;
  size_t lineStart_ = 0;
  std::string buffer_; // an unescaped quoted scalar
};

void BlockReader::checkByte(size_t i) const {
  auto c = static_cast<unsigned char>(text_[i]);
  if (c >= 0x20 && c < 0x7F)
    return; // printable ASCII, the usual case
  if (!isPlainByte(text_, i))
    decline();
}

// Past spaces, line breaks and comments to the next content character.
void BlockReader::skipToContent() {
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c == ' ') {
      ++pos_;
    } else if (c == '\n') {
      lineStart_ = ++pos_;
    } else if (c == '\r' && at(pos_ + 1) == '\n') {
      pos_ += 2;
      lineStart_ = pos_;
    } else if (c == '#') {
      while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r')
        ++pos_;
    } else {
      break;
    }
  }
  if (atEnd())
    return;
  checkByte(pos_);
  // Document markers end the document: only the leading `---` is read (in read()).
  if (pos_ == lineStart_ && (text_.substr(pos_).startswith("---") || text_.substr(pos_).startswith("...")) &&
      blankOrBreakAt(pos_ + 3))
    decline();
}

void BlockReader::skipSpaces() {
  while (at(pos_) == ' ')
    ++pos_;
}

// After a value: spaces, an optional comment, the line break.
void BlockReader::finishLine() {
  skipSpaces();
  if (atComment()) {
    while (!endOfLineAt(pos_))
      ++pos_;
  }
  if (!endOfLineAt(pos_))
    decline();
  skipToContent();
}

void BlockReader::emit(const ScalarToken &token) {
  if (!token.quoted && isNullText(token.text))
    out_.addNull(offset(token.at));
  else
    out_.addScalar(offset(token.at), token.text, token.quoted);
}

// A plain scalar on one line. Block context: ends at `: `, ` #` or the line
// end, and true means it ended at `:` (a key). Flow context: also ends at
// `,` `]`; `:`, `?`, `#`, `[`, `{`, `}` inside decline.
bool BlockReader::scanPlain(ScalarToken &token, bool inFlow) {
  char first = at(pos_);
  if (isIndicator(first) || ((first == '-' || first == '?' || first == ':') && blankOrBreakAt(pos_ + 1)) ||
      first == ' ' || endOfLineAt(pos_))
    decline();
  // In flow, yaml-cpp's rules for these differ (`?` never starts a scalar there).
  if (inFlow && (first == '-' || first == '?' || first == ':') && !llvm::isAlnum(at(pos_ + 1)))
    decline();
  token.at = pos_;
  token.quoted = false;
  size_t lastNonSpace = pos_;
  bool isKey = false;
  for (; !endOfLineAt(pos_); ++pos_) {
    char c = text_[pos_];
    if (c == ':' && (blankOrBreakAt(pos_ + 1) || (inFlow && (at(pos_ + 1) == ',' || at(pos_ + 1) == ']')))) {
      isKey = true;
      break;
    }
    if (c == '#' && text_[pos_ - 1] == ' ')
      break;
    if (inFlow && (c == ',' || c == ']'))
      break;
    if (inFlow && (c == '?' || c == '[' || c == '{' || c == '}' || c == '#' || c == ':'))
      decline();
    if (c != ' ') {
      checkByte(pos_);
      lastNonSpace = pos_ + 1;
    }
  }
  token.text = text_.slice(token.at, lastNonSpace);
  return isKey;
}

void BlockReader::scanQuoted(ScalarToken &token) {
  token.at = pos_;
  token.quoted = true;
  if (!readQuotedScalar(text_, pos_, pos_, token.text, buffer_))
    decline();
}

// A mapping key at the cursor, up to and past its `:`. False (cursor kept)
// when the line is not `key: ...`.
bool BlockReader::scanKey(ScalarToken &key) {
  size_t start = pos_;
  char first = at(pos_);
  bool isKey;
  if (first == '"' || first == '\'') {
    scanQuoted(key);
    skipSpaces();
    isKey = at(pos_) == ':' && blankOrBreakAt(pos_ + 1);
  } else {
    if (isIndicator(first) || ((first == '-' || first == '?' || first == ':') && blankOrBreakAt(pos_ + 1)))
      return false;
    isKey = scanPlain(key, false);
  }
  if (!isKey) {
    pos_ = start;
    return false;
  }
  // yaml-cpp (as the YAML spec says) rejects simple keys over 1024
  // characters; the unit test found it. Leave long ones to it.
  if (pos_ - start > 1000)
    decline();
  ++pos_; // the `:`
  return true;
}

// A collection starting at the cursor (at the start of its first line's content).
void BlockReader::blockNode() {
  size_t col = column();
  if (atSequenceEntry()) {
    sequence(col, false);
    return;
  }
  ScalarToken key;
  if (!scanKey(key))
    decline(); // a scalar on its own line: a root scalar or a multi-line value
  mapping(col, key);
}

void BlockReader::mapping(size_t col, ScalarToken key) {
  out_.openMapping(offset(key.at));
  for (;;) {
    emit(key);
    mappingValue(col);
    if (atEnd() || column() < col)
      break;
    if (column() > col || !scanKey(key))
      decline();
  }
  out_.closeMapping();
}

// The value after `key:`; leaves the cursor at the next content.
void BlockReader::mappingValue(size_t col) {
  skipSpaces();
  if (!endOfLineAt(pos_) && !atComment()) {
    inlineValue();
    return;
  }
  skipToContent();
  if (!atEnd() && column() > col)
    blockNode();
  else if (!atEnd() && column() == col && atSequenceEntry())
    sequence(col, true);
  else
    out_.addNull(nextTokenOffset());
}

void BlockReader::sequence(size_t col, bool indentless) {
  out_.openSequence(offset(pos_));
  for (;;) {
    sequenceItem(col);
    if (atEnd() || column() < col)
      break;
    if (column() > col)
      decline();
    if (!atSequenceEntry()) {
      if (indentless)
        break;
      decline();
    }
  }
  out_.closeSequence();
}

// One `- item`; leaves the cursor at the next content.
void BlockReader::sequenceItem(size_t col) {
  ++pos_; // the `-`
  skipSpaces();
  if (endOfLineAt(pos_) || atComment()) {
    skipToContent();
    if (!atEnd() && column() > col)
      blockNode();
    else
      out_.addNull(nextTokenOffset());
    return;
  }
  size_t itemCol = column();
  if (atSequenceEntry()) {
    sequence(itemCol, false);
    return;
  }
  ScalarToken key;
  if (scanKey(key)) {
    mapping(itemCol, key);
    return;
  }
  inlineValue();
}

// A scalar or flow sequence after `key: ` or `- `, then the rest of the line.
void BlockReader::inlineValue() {
  char c = at(pos_);
  ScalarToken token;
  if (c == '[') {
    flowSequence();
  } else if (c == '{') {
    size_t open = pos_++;
    skipSpaces();
    if (at(pos_) != '}')
      decline();
    ++pos_;
    out_.openMapping(offset(open));
    out_.closeMapping();
  } else if (c == '"' || c == '\'') {
    scanQuoted(token);
    emit(token);
  } else {
    if (scanPlain(token, false))
      decline(); // `a: b: c`
    emit(token);
  }
  finishLine();
}

// `[a, "b", 3]` on one line.
void BlockReader::flowSequence() {
  out_.openSequence(offset(pos_));
  ++pos_;
  skipSpaces();
  if (at(pos_) == ']') {
    ++pos_;
    out_.closeSequence();
    return;
  }
  for (;;) {
    ScalarToken token;
    char c = at(pos_);
    if (c == '"' || c == '\'')
      scanQuoted(token);
    else if (scanPlain(token, true))
      decline(); // a flow mapping entry
    emit(token);
    skipSpaces();
    c = at(pos_++);
    if (c == ']')
      break;
    if (c != ',')
      decline();
    skipSpaces();
    if (at(pos_) == ']' || at(pos_) == ',' || endOfLineAt(pos_))
      decline();
  }
  out_.closeSequence();
}

void BlockReader::read() {
  // yaml-cpp reads the one-byte document `-` as empty (found by the
  // differential fuzzer): leave the tiniest pieces to it.
  if (text_.size() < 4 || text_.startswith("\xEF\xBB\xBF"))
    decline();
  // Comment and blank lines, then the optional `---` marker line.
  while (pos_ < text_.size()) {
    size_t eol = text_.find('\n', pos_);
    llvm::StringRef line = text_.slice(pos_, eol == llvm::StringRef::npos ? text_.size() : eol);
    llvm::StringRef trimmed = line.rtrim("\r").ltrim(" ");
    if (!trimmed.empty() && trimmed[0] != '#')
      break;
    pos_ = lineStart_ = eol == llvm::StringRef::npos ? text_.size() : eol + 1;
  }
  if (text_.substr(pos_).startswith("---") && blankOrBreakAt(pos_ + 3)) {
    pos_ += 3;
    finishLine();
  } else {
    skipToContent();
  }
  if (atEnd())
    decline(); // an empty document
  blockNode();
  if (!atEnd())
    decline(); // content left of the root's column (yaml-cpp reports it)
}

} // namespace

bool readBlockYaml(llvm::StringRef text, uint32_t base, NodeBuilder &builder) {
  try {
    BlockReader(text, base, builder).read();
    return true;
  } catch (const Declined &) {
    return false;
  } catch (const NestingTooDeep &) {
    return false; // yaml-cpp's path reports it
  }
}

} // namespace cairn::manifest
