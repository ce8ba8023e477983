#include "lsp/cursor_context_lexer.h"

#include <cctype>

namespace cairn::lsp {
namespace {

bool isNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Two-character operators of the lexer, longest match first.
constexpr llvm::StringLiteral kTwoCharOps[] = {"..", "?.", "??", "->", "=>", "==", "!=",
                                               "<=", ">=", "&&", "||"};

class LenientLexer {
public:
  LenientLexer(llvm::StringRef text, std::vector<std::pair<uint32_t, uint32_t>> *comments)
      : text_(text), comments_(comments) {}

  std::vector<Tok> run() {
    // Each entry is a string mode (true: multi-line) or, for `${`, the brace
    // depth at which the interpolation closes.
    while (pos_ < text_.size()) {
      if (!modes_.empty() && modes_.back().inString)
        lexStringPart();
      else
        lexCode();
    }
    return std::move(tokens_);
  }

private:
  struct Mode {
    bool inString = false;
    bool multiline = false;
    int closeDepth = 0; // for an interpolation: the depth of its `}`
  };

  void add(TokKind kind, size_t begin, size_t end) {
    tokens_.push_back({kind, static_cast<uint32_t>(begin), static_cast<uint32_t>(end),
                       text_.slice(begin, end)});
  }
  char at(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

  void lexCode();
  void lexStringPart();
  bool lexComment();
  void lexPunct();
  bool regexAllowed() const {
    if (tokens_.empty())
      return false;
    const Tok &last = tokens_.back();
    return last.kind == TokKind::Punct && (last.text == "(" || last.text == ",");
  }

  llvm::StringRef text_;
  std::vector<std::pair<uint32_t, uint32_t>> *comments_;
  std::vector<Tok> tokens_;
  std::vector<Mode> modes_;
  size_t pos_ = 0;
  int braceDepth_ = 0;
};

void LenientLexer::lexCode() {
  char c = text_[pos_];
  if (std::isspace(static_cast<unsigned char>(c))) {
    ++pos_;
    return;
  }
  if (c == '/' && lexComment())
    return;
  size_t begin = pos_;
  if (isNameStart(c)) {
    while (pos_ < text_.size() && isNameChar(text_[pos_]))
      ++pos_;
    add(TokKind::Name, begin, pos_);
    return;
  }
  if (std::isdigit(static_cast<unsigned char>(c))) {
    while (pos_ < text_.size() && (isNameChar(text_[pos_]) ||
                                   (text_[pos_] == '.' && std::isdigit(static_cast<unsigned char>(at(pos_ + 1))))))
      ++pos_;
    add(TokKind::Number, begin, pos_);
    return;
  }
  if (c == '"') {
    bool triple = text_.substr(pos_).startswith("\"\"\"");
    pos_ += triple ? 3 : 1;
    add(TokKind::StringOpen, begin, pos_);
    modes_.push_back({true, triple, 0});
    return;
  }
  lexPunct();
}

bool LenientLexer::lexComment() {
  size_t begin = pos_;
  if (at(pos_ + 1) == '/') {
    while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r')
      ++pos_;
  } else if (at(pos_ + 1) == '*') {
    size_t close = text_.find("*/", pos_ + 2);
    pos_ = close == llvm::StringRef::npos ? text_.size() : close + 2;
  } else if (regexAllowed()) {
    size_t i = pos_ + 1;
    while (i < text_.size() && text_[i] != '/' && text_[i] != '\n') {
      if (text_[i] == '\\')
        ++i;
      ++i;
    }
    if (at(i) != '/')
      return false;
    pos_ = i + 1;
    add(TokKind::Regex, begin, pos_);
    return true;
  } else {
    return false;
  }
  if (comments_)
    comments_->push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(pos_)});
  return true;
}

void LenientLexer::lexPunct() {
  size_t begin = pos_;
  llvm::StringRef rest = text_.substr(pos_);
  for (llvm::StringRef op : kTwoCharOps) {
    if (rest.startswith(op)) {
      pos_ += 2;
      add(TokKind::Punct, begin, pos_);
      return;
    }
  }
  char c = text_[pos_++];
  if (c == '{') {
    ++braceDepth_;
  } else if (c == '}') {
    if (!modes_.empty() && !modes_.back().inString && modes_.back().closeDepth == braceDepth_) {
      modes_.pop_back(); // closes `${`: back in the string
      --braceDepth_;
      add(TokKind::Punct, begin, pos_);
      return;
    }
    if (braceDepth_ > 0)
      --braceDepth_;
  }
  bool known = llvm::StringRef("{}[](),.:=?|+-*/%!<>").contains(c);
  add(known ? TokKind::Punct : TokKind::Other, begin, pos_);
}

void LenientLexer::lexStringPart() {
  bool multiline = modes_.back().multiline;
  size_t begin = pos_;
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (!multiline && (c == '\n' || c == '\r')) {
      if (pos_ > begin)
        add(TokKind::StringText, begin, pos_);
      modes_.pop_back(); // an unterminated string ends at the line end
      return;
    }
    if (c == '\\') {
      pos_ += 2;
      continue;
    }
    if (c == '$' && at(pos_ + 1) == '{') {
      if (pos_ > begin)
        add(TokKind::StringText, begin, pos_);
      add(TokKind::InterpOpen, pos_, pos_ + 2);
      pos_ += 2;
      ++braceDepth_;
      modes_.push_back({false, false, braceDepth_});
      return;
    }
    bool closes = multiline ? text_.substr(pos_).startswith("\"\"\"") : c == '"';
    if (closes) {
      if (pos_ > begin)
        add(TokKind::StringText, begin, pos_);
      size_t close = pos_;
      pos_ += multiline ? 3 : 1;
      add(TokKind::StringClose, close, pos_);
      modes_.pop_back();
      return;
    }
    ++pos_;
  }
  if (pos_ > text_.size())
    pos_ = text_.size();
  if (pos_ > begin)
    add(TokKind::StringText, begin, pos_);
  modes_.pop_back();
}

} // namespace

std::vector<Tok> lexLeniently(llvm::StringRef text,
                              std::vector<std::pair<uint32_t, uint32_t>> *commentSpans) {
  return LenientLexer(text, commentSpans).run();
}

} // namespace cairn::lsp
