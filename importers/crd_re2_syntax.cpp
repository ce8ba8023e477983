#include "importers/crd_re2_syntax.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

namespace cairn::importers {
namespace {

// One pass over an RE2 pattern, writing the ECMAScript equivalent. Stops at
// the first construct without an equivalent (error set). The RE2 flags `i`
// (case-insensitive) and `s` (`.` matches a line break) are applied by
// rewriting: letters become `[aA]`, `.` becomes `[\s\S]`.
class Re2Translator {
public:
  explicit Re2Translator(const std::string &in) : in_(in) {}

  bool run() {
    while (i_ < in_.size() && error_.empty())
      step();
    return error_.empty();
  }
  const std::string &output() const { return out_; }
  const std::string &error() const { return error_; }
  // Offsets in output() of the `|` characters outside groups and classes.
  const std::vector<size_t> &topLevelBars() const { return topLevelBars_; }

private:
  struct Flags {
    bool caseInsensitive = false;
    bool dotAll = false;
  };

  const std::string &in_;
  size_t i_ = 0;
  std::string out_;
  std::string error_;
  std::vector<Flags> enclosing_; // the flags outside each open group
  Flags flags_;
  std::vector<size_t> topLevelBars_;

  char peek(size_t ahead = 0) const { return i_ + ahead < in_.size() ? in_[i_ + ahead] : '\0'; }
  static bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
  static char otherCase(char c) { return static_cast<char>(c ^ 0x20); }

  void step() {
    char c = in_[i_];
    switch (c) {
    case '\\': escape(/*inClass=*/false); return;
    case '[': charClass(); return;
    case '(': group(); return;
    case ')':
      if (!enclosing_.empty()) {
        flags_ = enclosing_.back();
        enclosing_.pop_back();
      }
      out_ += c; ++i_;
      return;
    case '|':
      if (enclosing_.empty())
        topLevelBars_.push_back(out_.size());
      out_ += c; ++i_;
      return;
    case '{': brace(); return;
    case '}': out_ += "\\}"; ++i_; return; // a lone `}` is a literal in RE2
    case '.': out_ += flags_.dotAll ? "[\\s\\S]" : "."; ++i_; return;
    default: literal(c); ++i_; return;
    }
  }

  void literal(char c) {
    if (flags_.caseInsensitive && isLetter(c))
      out_ += fmt::format("[{}{}]", c, otherCase(c));
    else
      out_ += c;
  }

  // `{2}`, `{2,}`, `{2,5}` repeat; any other `{` is a literal in RE2 but an
  // error in std::regex.
  void brace() {
    size_t j = i_ + 1;
    auto digits = [&] {
      size_t start = j;
      while (j < in_.size() && std::isdigit(static_cast<unsigned char>(in_[j])))
        ++j;
      return j > start;
    };
    bool repeat = digits();
    if (repeat && j < in_.size() && in_[j] == ',') {
      ++j;
      digits();
    }
    repeat = repeat && j < in_.size() && in_[j] == '}';
    if (!repeat) {
      out_ += "\\{";
      ++i_;
      return;
    }
    out_.append(in_, i_, j + 1 - i_);
    i_ = j + 1;
  }

  void group() {
    ++i_;
    enclosing_.push_back(flags_);
    if (peek() != '?') {
      out_ += '(';
      return;
    }
    if (peek(1) == ':') {
      out_ += "(?:";
      i_ += 2;
      return;
    }
    // Named groups: `(?P<name>` and `(?<name>`; names are not used by a whole-string match.
    size_t nameStart = peek(1) == 'P' && peek(2) == '<' ? 3 : (peek(1) == '<' ? 2 : 0);
    if (nameStart != 0) {
      size_t close = in_.find('>', i_ + nameStart);
      if (close == std::string::npos) {
        error_ = "a named group is not closed";
        return;
      }
      out_ += "(?:";
      i_ = close + 1;
      return;
    }
    flagGroup();
  }

  // `(?i)` changes the flags for the rest of the enclosing group, `(?i:...)`
  // only inside; `-` turns the flags after it off.
  void flagGroup() {
    Flags changed = flags_;
    bool on = true;
    size_t j = i_ + 1;
    for (; j < in_.size() && in_[j] != ')' && in_[j] != ':'; ++j) {
      char f = in_[j];
      if (f == '-')
        on = false;
      else if (f == 'i')
        changed.caseInsensitive = on;
      else if (f == 's')
        changed.dotAll = on;
      else {
        size_t close = std::min(in_.find_first_of("):", j), in_.size() - 1);
        error_ = fmt::format("the inline flag `{}` in `{}` has no equivalent in a Cairn regex", f,
                             in_.substr(i_ - 1, close - i_ + 2));
        return;
      }
    }
    if (j >= in_.size()) {
      error_ = "a `(?` group is not closed";
      return;
    }
    if (in_[j] == ')') {
      enclosing_.pop_back(); // not a group: nothing to close
      flags_ = changed;
    } else {
      out_ += "(?:";
      flags_ = changed;
    }
    i_ = j + 1;
  }

  void charClass() {
    out_ += '[';
    ++i_;
    if (peek() == '^') {
      out_ += '^';
      ++i_;
    }
    std::string folded; // the other case of the letters in the class, when case-insensitive
    for (bool first = true; i_ < in_.size() && error_.empty() && (in_[i_] != ']' || first); first = false) {
      char c = in_[i_];
      if (c == '\\') {
        escape(/*inClass=*/true);
      } else if (c == '[' && peek(1) == ':') {
        posixClass();
      } else if (c == '-' && !first && peek(1) != ']') {
        out_ += c; // a range between an escape and what follows: `\x00-\x1f`
        ++i_;
      } else {
        classMember(c, folded);
      }
    }
    if (error_.empty() && i_ >= in_.size())
      error_ = "a character class `[` is not closed";
    if (!error_.empty())
      return;
    out_ += folded + "]";
    ++i_;
  }

  // One character or `a-z` range; literal `]`, `[`, `-` and `^` are escaped
  // so that members added after them cannot change their meaning.
  void classMember(char lo, std::string &folded) {
    auto text = [](char c) { return std::strchr("]-[^", c) ? std::string("\\") + c : std::string(1, c); };
    ++i_;
    char hi = lo;
    if (peek() == '-' && peek(1) != ']' && peek(1) != '\0' && peek(1) != '\\' && peek(1) != '[') {
      hi = peek(1);
      i_ += 2;
      if (hi < lo) {
        error_ = fmt::format("the range `{}-{}` is out of order", lo, hi);
        return;
      }
      out_ += text(lo) + "-" + text(hi);
    } else {
      out_ += text(lo);
    }
    if (!flags_.caseInsensitive)
      return;
    auto addRange = [&](int a, int b) {
      if (a <= b)
        folded += a == b ? std::string(1, char(a)) : fmt::format("{}-{}", char(a), char(b));
    };
    addRange(std::max<int>(lo, 'A') + 32, std::min<int>(hi, 'Z') + 32);
    addRange(std::max<int>(lo, 'a') - 32, std::min<int>(hi, 'z') - 32);
  }

  void posixClass() {
    size_t close = in_.find(":]", i_ + 2);
    if (close == std::string::npos) {
      out_ += "\\[";
      ++i_;
      return;
    }
    if (peek(2) == '^') {
      error_ = "negated POSIX classes such as `[:^alpha:]` have no equivalent in a Cairn regex";
      return;
    }
    std::string name = in_.substr(i_ + 2, close - i_ - 2);
    if (flags_.caseInsensitive && (name == "lower" || name == "upper"))
      name = "alpha";
    out_ += "[:" + name + ":]";
    i_ = close + 2;
  }

  void escape(bool inClass) {
    char c = peek(1);
    if (c == '\0') {
      error_ = "the pattern ends with a lone `\\`";
      return;
    }
    i_ += 2;
    if (std::strchr("dDsSwWfnrtv", c) != nullptr) {
      out_ += '\\';
      out_ += c;
    } else if (!inClass && (c == 'b' || c == 'B')) {
      out_ += '\\';
      out_ += c;
    } else if (!inClass && c == 'A') {
      out_ += '^';
    } else if (!inClass && c == 'z') {
      out_ += '$';
    } else if (c == 'a') {
      out_ += "\\x07";
    } else if (c == 'Q') {
      quoted(inClass);
    } else if (c == 'x') {
      hexEscape();
    } else if (c >= '0' && c <= '7') {
      octalEscape(c);
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      error_ = c == 'p' || c == 'P'
                   ? "Unicode classes (`\\p`) have no equivalent in a Cairn regex"
                   : fmt::format("the escape `\\{}` has no equivalent in a Cairn regex", c);
    } else {
      out_ += '\\'; // punctuation: a literal in both dialects
      out_ += c;
    }
  }

  // `\Q...\E`: everything in between is literal.
  void quoted(bool inClass) {
    size_t end = in_.find("\\E", i_);
    std::string text = in_.substr(i_, end == std::string::npos ? std::string::npos : end - i_);
    for (char c : text) {
      if (isLetter(c) && !inClass)
        literal(c);
      else if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
        out_ += c;
      else
        out_ += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    }
    i_ = end == std::string::npos ? in_.size() : end + 2;
  }

  void appendCodePoint(unsigned long value, const std::string &spelling) {
    // std::regex compares bytes: only ASCII code points mean the same thing.
    if (value > 0x7f) {
      error_ = fmt::format("the non-ASCII escape `{}` has no equivalent in a Cairn regex", spelling);
      return;
    }
    out_ += fmt::format("\\x{:02x}", value);
  }

  void hexEscape() {
    size_t start = i_;
    std::string digits;
    if (peek() == '{') {
      size_t close = in_.find('}', i_);
      if (close == std::string::npos) {
        error_ = "a `\\x{` escape is not closed";
        return;
      }
      digits = in_.substr(i_ + 1, close - i_ - 1);
      i_ = close + 1;
    } else {
      digits = in_.substr(i_, 2);
      i_ = std::min(i_ + 2, in_.size());
    }
    bool valid = !digits.empty() && digits.size() <= 6 &&
                 digits.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
    if (!valid) {
      error_ = "an invalid `\\x` escape";
      return;
    }
    appendCodePoint(std::stoul(digits, nullptr, 16), "\\x" + in_.substr(start, i_ - start));
  }

  // RE2 reads `\1`..`\7` (up to three octal digits) as a character code;
  // ECMAScript would read a back-reference.
  void octalEscape(char first) {
    std::string digits(1, first);
    while (digits.size() < 3 && peek() >= '0' && peek() <= '7')
      digits += in_[i_++];
    appendCodePoint(std::stoul(digits, nullptr, 8), "\\" + digits);
  }
};

} // namespace

Re2Translation translateRe2Syntax(const std::string &re2Pattern) {
  Re2Translator translator(re2Pattern);
  translator.run();
  return {translator.output(), translator.topLevelBars(), translator.error()};
}

} // namespace cairn::importers
