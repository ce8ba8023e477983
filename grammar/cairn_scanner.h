// A hand-written scanner that produces exactly the tokens of CairnLexer.g4
// (types, channels, code-point indexes, lines, columns), for the compiler's
// parse path. Measured: ANTLR's generated lexer took about 40% of parsing
// the standard library (a DFA lookup under a lock per character, and the
// UTF-8 to UTF-32 copy of the input); this scanner makes lexing several times
// cheaper. CairnLexer.g4 stays the definition of the tokens (the formatter
// lexes with it), and tests/unit/frontend/parse_tokens_test.cpp checks that
// both agree token by token on every source file of the repository.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <antlr4-runtime.h>

namespace cairn::grammar {

// The source text as an ANTLR character stream (code-point indexes), without
// copying it to UTF-32: tokens read their text from it on demand.
class Utf8CharStream : public antlr4::CharStream {
public:
  Utf8CharStream(std::string_view text, std::string name);

  void consume() override;
  size_t LA(ssize_t i) override;
  ssize_t mark() override { return -1; }
  void release(ssize_t) override {}
  size_t index() override { return position_; }
  void seek(size_t index) override { position_ = index < size_ ? index : size_; }
  size_t size() override { return size_; }
  std::string getSourceName() const override { return name_; }
  std::string getText(const antlr4::misc::Interval &interval) override;
  std::string toString() const override { return std::string(text_); }

  // Byte offset of a code-point index (the end of the text past the end).
  size_t byteOffset(size_t codePoint) const;

private:
  std::string_view text_;
  std::string name_;
  std::vector<uint32_t> byteOfCodePoint_; // empty for pure ASCII text
  size_t size_ = 0;                       // in code points
  size_t position_ = 0;
};

class CairnScanner : public antlr4::TokenSource {
public:
  // `text` is valid UTF-8 and outlives the scanner and its tokens. Unlike
  // CairnLexer, a leading byte-order mark counts as code point 0.
  CairnScanner(std::string_view text, std::string name);

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return line_; }
  size_t getCharPositionInLine() override { return column_; }
  antlr4::CharStream *getInputStream() override { return &stream_; }
  std::string getSourceName() override { return stream_.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken> *getTokenFactory() override;

private:
  enum class Mode { Default, String, MultilineString };

  // Each returns the token type of the longest match at `pos_`, and sets
  // `length` to its length in bytes; 0 (with length 0) when nothing matches.
  size_t matchDefault(size_t &length) const;
  size_t matchString(size_t &length) const;
  size_t matchMultiline(size_t &length) const;
  size_t matchSlash(size_t &length) const;
  size_t matchNumber(size_t &length) const;
  size_t matchWord(size_t &length) const;
  size_t matchOperator(size_t &length) const;

  void applyModeAction(size_t type);
  void advance(size_t bytes); // moves pos_, the code-point index, line and column
  char at(size_t offset) const { return pos_ + offset < text_.size() ? text_[pos_ + offset] : '\0'; }
  bool has(size_t offset) const { return pos_ + offset < text_.size(); }
  std::unique_ptr<antlr4::Token> make(size_t type, size_t channel, size_t start, size_t stop, size_t line,
                                      size_t column);

  std::string_view text_;
  Utf8CharStream stream_;
  size_t pos_ = 0;       // byte offset
  size_t codePoint_ = 0; // code-point index of pos_
  size_t line_ = 1;
  size_t column_ = 0;
  Mode mode_ = Mode::Default;
  std::vector<Mode> modeStack_;
  size_t lastSignificantType_ = 0;
  bool hitEof_ = false;
};

} // namespace cairn::grammar
