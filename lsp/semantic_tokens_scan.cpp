#include "lsp/semantic_tokens_scan.h"

#include <cctype>

#include "frontend/cairn_text.h"

namespace cairn::lsp {
namespace {

enum class Mode : uint8_t { Code, String, TripleString };

struct ModeEntry {
  Mode mode;
  uint32_t pieceStart = 0; // where the current literal piece of a string began
};

bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

class Scanner {
public:
  explicit Scanner(llvm::StringRef text) : text_(text) {}

  std::vector<LexToken> run() {
    modes_.push_back({Mode::Code});
    while (i_ < text_.size()) {
      if (modes_.back().mode == Mode::Code)
        code();
      else
        string(modes_.back().mode == Mode::TripleString);
    }
    if (modes_.back().mode != Mode::Code) // unterminated at the end of the text
      emit(LexKind::String, modes_.back().pieceStart, i_);
    return std::move(out_);
  }

private:
  char at(size_t k) const { return k < text_.size() ? text_[k] : '\0'; }
  void emit(LexKind kind, uint32_t begin, uint32_t end) {
    if (end > begin)
      out_.push_back({kind, begin, end});
  }
  uint32_t pos() const { return static_cast<uint32_t>(i_); }
  void toLineEnd() {
    while (i_ < text_.size() && text_[i_] != '\n' && text_[i_] != '\r')
      ++i_;
  }

  void string(bool triple) {
    ModeEntry &entry = modes_.back();
    char c = text_[i_];
    if (c == '\\') {
      i_ += (!triple && (at(i_ + 1) == '\n' || at(i_ + 1) == '\r')) ? 1 : 2;
    } else if (c == '$' && at(i_ + 1) == '{') {
      emit(LexKind::String, entry.pieceStart, pos());
      i_ += 2;
      modes_.push_back({Mode::Code});
      lastSignificant_ = '{';
    } else if (triple && text_.substr(i_).startswith("\"\"\"")) {
      i_ += 3;
      emit(LexKind::String, entry.pieceStart, pos());
      modes_.pop_back();
      lastSignificant_ = '"';
    } else if (!triple && c == '"') {
      ++i_;
      emit(LexKind::String, entry.pieceStart, pos());
      modes_.pop_back();
      lastSignificant_ = '"';
    } else if (!triple && (c == '\n' || c == '\r')) { // unterminated one-line string
      emit(LexKind::String, entry.pieceStart, pos());
      modes_.pop_back();
    } else {
      ++i_;
    }
  }

  void code() {
    char c = text_[i_];
    uint32_t begin = pos();
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i_;
    } else if (c == '/' && at(i_ + 1) == '/') {
      toLineEnd();
      emit(at(begin + 2) == '/' ? LexKind::DocComment : LexKind::Comment, begin, pos());
    } else if (c == '/' && at(i_ + 1) == '*') {
      size_t close = text_.find("*/", i_ + 2);
      i_ = close == llvm::StringRef::npos ? text_.size() : close + 2;
      emit(LexKind::Comment, begin, pos());
    } else if (c == '/' && (lastSignificant_ == '(' || lastSignificant_ == ',') && regex()) {
      emit(LexKind::Regex, begin, pos());
      lastSignificant_ = 'r';
    } else if (isDigit(c)) {
      number();
      emit(LexKind::Number, begin, pos());
      lastSignificant_ = '0';
    } else if (isIdentStart(c)) {
      while (i_ < text_.size() && isIdentChar(text_[i_]))
        ++i_;
      bool keyword = isCairnKeyword(text_.slice(begin, i_));
      emit(keyword ? LexKind::Keyword : LexKind::Identifier, begin, pos());
      lastSignificant_ = 'a';
    } else if (c == '"') {
      bool triple = text_.substr(i_).startswith("\"\"\"");
      i_ += triple ? 3 : 1;
      modes_.push_back({triple ? Mode::TripleString : Mode::String, begin});
    } else {
      punctuation(c);
    }
  }

  // After `/` where a regex may start: consumes it when it is one (same rule as the lexer).
  bool regex() {
    size_t k = i_ + 1;
    char first = at(k);
    if (first == '\0' || first == '/' || first == '*' || first == '\n' || first == '\r')
      return false;
    for (; k < text_.size(); ++k) {
      char c = text_[k];
      if (c == '\n' || c == '\r')
        return false;
      if (c == '\\') {
        if (at(k + 1) == '\n' || at(k + 1) == '\r' || at(k + 1) == '\0')
          return false;
        ++k;
      } else if (c == '/') {
        i_ = k + 1;
        return true;
      }
    }
    return false;
  }

  void number() {
    if (text_[i_] == '0' && (at(i_ + 1) == 'x') && isHex(at(i_ + 2))) {
      i_ += 2;
      while (isHex(at(i_)) || (at(i_) == '_' && isHex(at(i_ + 1))))
        ++i_;
      return;
    }
    auto digits = [&] {
      while (isDigit(at(i_)) || (at(i_) == '_' && isDigit(at(i_ + 1))))
        ++i_;
    };
    digits();
    if (at(i_) == '.' && isDigit(at(i_ + 1))) {
      ++i_;
      digits();
    }
    size_t e = i_;
    if (at(e) == 'e' || at(e) == 'E') {
      ++e;
      if (at(e) == '+' || at(e) == '-')
        ++e;
      if (isDigit(at(e))) {
        i_ = e;
        digits();
      }
    }
  }

  void punctuation(char c) {
    static constexpr llvm::StringLiteral twoChar[] = {"..", "?.", "??", "->", "=>", "==", "!=",
                                                      "<=", ">=", "&&", "||"};
    uint32_t begin = pos();
    for (llvm::StringRef op : twoChar)
      if (text_.substr(i_).startswith(op)) {
        i_ += 2;
        emit(LexKind::Operator, begin, pos());
        lastSignificant_ = 'o';
        return;
      }
    ++i_;
    lastSignificant_ = c;
    if (c == '{') {
      modes_.push_back({Mode::Code});
    } else if (c == '}') {
      if (modes_.size() > 1) // an unbalanced `}` is ignored, as in the lexer
        modes_.pop_back();
      if (modes_.back().mode != Mode::Code)
        modes_.back().pieceStart = pos();
    } else if (llvm::StringRef(".:<>=?|+-*%!/").contains(c)) {
      emit(LexKind::Operator, begin, pos());
    }
  }

  llvm::StringRef text_;
  size_t i_ = 0;
  char lastSignificant_ = '\0';
  std::vector<ModeEntry> modes_;
  std::vector<LexToken> out_;
};

} // namespace

std::vector<LexToken> scanTokens(llvm::StringRef text) { return Scanner(text).run(); }

} // namespace cairn::lsp
