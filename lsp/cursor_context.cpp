#include "lsp/cursor_context.h"

#include <algorithm>
#include <cctype>

namespace cairn::lsp {
namespace {

bool isOpen(const Tok &t) {
  return t.kind == TokKind::InterpOpen || t.is("{") || t.is("[") || t.is("(");
}
bool isClose(const Tok &t) { return t.is("}") || t.is("]") || t.is(")"); }
bool isDot(const Tok &t) { return t.is(".") || t.is("?."); }

FrameKind frameKindOf(const Tok &t) {
  if (t.kind == TokKind::InterpOpen)
    return FrameKind::Interp;
  if (t.text == "{")
    return FrameKind::Object;
  return t.text == "[" ? FrameKind::List : FrameKind::Paren;
}

// A declaration keyword at the start of a line.
bool startsDeclarationLine(llvm::StringRef text, const Tok &t) {
  static constexpr llvm::StringLiteral kDecls[] = {"import", "param", "let", "fn", "type", "schema", "emit", "policy"};
  if (t.kind != TokKind::Name || (t.begin > 0 && text[t.begin - 1] != '\n'))
    return false;
  return std::find(std::begin(kDecls), std::end(kDecls), t.text) != std::end(kDecls);
}

std::vector<Frame> framesBefore(llvm::StringRef text, const std::vector<Tok> &tokens, size_t end) {
  std::vector<Frame> frames;
  for (size_t i = 0; i < end; ++i) {
    const Tok &t = tokens[i];
    if (!frames.empty() && startsDeclarationLine(text, t))
      frames.clear(); // an unclosed bracket above does not swallow the next declaration
    if (isOpen(t)) {
      frames.push_back({frameKindOf(t), i});
    } else if (t.is("}")) {
      // Closes the innermost object or interpolation, and anything left open inside it.
      while (!frames.empty()) {
        FrameKind k = frames.back().kind;
        frames.pop_back();
        if (k == FrameKind::Object || k == FrameKind::Interp)
          break;
      }
    } else if (t.is("]") || t.is(")")) {
      FrameKind want = t.is("]") ? FrameKind::List : FrameKind::Paren;
      if (!frames.empty() && frames.back().kind == want)
        frames.pop_back();
    }
  }
  return frames;
}

// Tokens after which an expression starts.
bool precedesExpression(const Tok &t) {
  static constexpr llvm::StringLiteral kPunct[] = {"=", "(", "[", "{", ",", ":", "=>", "==", "!=", "<",
                                                   "<=", ">", ">=", "&&", "||", "??", "+", "-", "*",
                                                   "/", "%", "!"};
  static constexpr llvm::StringLiteral kKeywords[] = {"if", "then", "else", "in", "emit", "check", "at"};
  if (t.kind == TokKind::InterpOpen)
    return true;
  if (t.kind == TokKind::Punct)
    return std::find(std::begin(kPunct), std::end(kPunct), t.text) != std::end(kPunct);
  if (t.kind == TokKind::Name)
    return std::find(std::begin(kKeywords), std::end(kKeywords), t.text) != std::end(kKeywords);
  return false;
}

// Keywords after which a name is being declared: nothing to complete.
bool declaresName(const Tok &t) {
  return t.kind == TokKind::Name &&
         (t.text == "let" || t.text == "param" || t.text == "fn" || t.text == "schema" ||
          t.text == "type" || t.text == "as" || t.text == "policy" || t.text == "for");
}

size_t matchingOpen(const std::vector<Tok> &tokens, size_t close) {
  int depth = 0;
  for (size_t i = close + 1; i-- > 0;) {
    if (isClose(tokens[i]))
      ++depth;
    else if (isOpen(tokens[i]) && --depth == 0)
      return i;
  }
  return tokens.size();
}

class Classifier {
public:
  Classifier(llvm::StringRef text, CursorContext &cx) : text_(text), cx_(cx), toks_(cx.tokens) {}

  void classify();
  bool isTypeStart(size_t i) const;
  bool isDeclBody(size_t open) const;

private:
  bool isFnParamParen(size_t open) const;
  // `let (x = e)`: the body of the let starts after this `)`.
  bool endsLetHeader(size_t i) const {
    if (!toks_[i].is(")"))
      return false;
    size_t open = matchingOpen(toks_, i);
    return open < toks_.size() && open > 0 && toks_[open - 1].is("let");
  }
  void classifyDot(size_t dot);

  llvm::StringRef text_;
  CursorContext &cx_;
  const std::vector<Tok> &toks_;
};

bool Classifier::isFnParamParen(size_t open) const {
  if (open == 0)
    return false;
  const Tok &p = toks_[open - 1];
  if (p.is("fn") || p.is("let"))
    return true; // a lambda's parameters, `let (x: T = ...)`
  return p.kind == TokKind::Name && open >= 2 && toks_[open - 2].is("fn");
}

// Whether a type starts right after token `i`.
bool Classifier::isTypeStart(size_t i) const {
  if (i >= toks_.size())
    return false;
  const Tok &t = toks_[i];
  if (t.is("->") || t.is("extends"))
    return true;
  if (t.is("on"))
    return i > 0 && toks_[i - 1].kind == TokKind::StringClose;
  if (t.is("=") )
    return i >= 2 && toks_[i - 1].kind == TokKind::Name && toks_[i - 2].is("type");
  if (t.is("[") || t.is("|"))
    return i > 0 && (isTypeStart(i - 1) || (t.is("|") && [&] {
             size_t j = i;
             while (j > 0 && (toks_[j - 1].kind == TokKind::Name || toks_[j - 1].kind == TokKind::Number ||
                              toks_[j - 1].kind == TokKind::StringOpen || toks_[j - 1].kind == TokKind::StringText ||
                              toks_[j - 1].kind == TokKind::StringClose || toks_[j - 1].is(".") ||
                              toks_[j - 1].is("?") || toks_[j - 1].is("|")))
               --j;
             return j > 0 && isTypeStart(j - 1);
           }()));
  if (!t.is(":") || i == 0)
    return false;
  const Tok &p = toks_[i - 1];
  if (p.is(")")) { // `fn f(...): R`
    size_t open = matchingOpen(toks_, i - 1);
    return open < toks_.size() && isFnParamParen(open);
  }
  std::vector<Frame> frames = framesBefore(text_, toks_, i);
  if (frames.empty())
    return i >= 2 && (toks_[i - 2].is("let") || toks_[i - 2].is("param"));
  const Frame &f = frames.back();
  if (f.kind == FrameKind::Paren)
    return isFnParamParen(f.open) && (toks_[i - 2].is("(") || toks_[i - 2].is(","));
  if (f.kind == FrameKind::Object && isDeclBody(f.open))
    return true; // `name: T`, `name?: T`, `param name: T`
  return false;
}

bool Classifier::isDeclBody(size_t open) const {
  size_t j = open;
  while (j > 0) {
    const Tok &t = toks_[j - 1];
    if (t.is("schema") || t.is("policy"))
      return j < 2 || !toks_[j - 2].is(".");
    bool header = t.kind == TokKind::Name || t.kind == TokKind::StringOpen || t.kind == TokKind::StringText ||
                  t.kind == TokKind::StringClose || t.is(".") || t.is("|") || t.is("?");
    if (!header)
      return false;
    --j;
  }
  return false;
}

void Classifier::classifyDot(size_t dot) {
  size_t j = dot;
  std::vector<llvm::StringRef> chain;
  while (j > 0 && toks_[j - 1].kind == TokKind::Name) {
    chain.push_back(toks_[j - 1].text);
    --j;
    if (j > 0 && isDot(toks_[j - 1]))
      --j;
    else
      break;
  }
  if (j < dot && isDot(toks_[j]))
    ++j; // the chain started after a complex expression: `f(x).`
  std::reverse(chain.begin(), chain.end());
  cx_.chain = std::move(chain);
  cx_.chainStart = j;
  if (j > 0 && isTypeStart(j - 1)) {
    cx_.kind = CursorKind::TypeName;
    return;
  }
  if (!cx_.frames.empty() && cx_.frames.back().kind == FrameKind::Object && toks_[dot].is(".") &&
      !cx_.chain.empty() && !isDeclBody(cx_.frames.back().open) &&
      startsEntry(text_, toks_, cx_.frames.back().open, j)) {
    cx_.kind = CursorKind::FieldPath;
    return;
  }
  cx_.kind = CursorKind::Member;
}

void Classifier::classify() {
  const Tok *prev = cx_.before();
  if (!prev) {
    cx_.kind = CursorKind::TopLevel;
    return;
  }
  size_t p = cx_.firstAfter;
  if (isDot(*prev)) {
    classifyDot(p - 1);
    return;
  }
  if (!cx_.frames.empty() && cx_.frames.back().kind == FrameKind::Object &&
      startsEntry(text_, toks_, cx_.frames.back().open, p)) {
    cx_.kind = isDeclBody(cx_.frames.back().open) ? CursorKind::SchemaBody : CursorKind::FieldName;
    return;
  }
  if (isTypeStart(p - 1)) {
    cx_.kind = CursorKind::TypeName;
    return;
  }
  if (cx_.frames.empty() && endsValue(*prev) && lineBreakBetween(text_, prev->end, cx_.wordBegin)) {
    cx_.kind = CursorKind::TopLevel;
    return;
  }
  if (declaresName(*prev) || prev->kind == TokKind::Number)
    return;
  if (precedesExpression(*prev) || endsLetHeader(p - 1))
    cx_.kind = CursorKind::Value;
}

} // namespace

bool lineBreakBetween(llvm::StringRef text, uint32_t from, uint32_t to) {
  if (from >= to || from >= text.size())
    return false;
  llvm::StringRef between = text.slice(from, std::min<size_t>(to, text.size()));
  return between.find_first_of("\r\n") != llvm::StringRef::npos;
}

bool lineBreakBetween(llvm::StringRef text, const Tok &a, const Tok &b) {
  return lineBreakBetween(text, a.end, b.begin);
}

bool endsValue(const Tok &tok) {
  if (tok.kind == TokKind::Number || tok.kind == TokKind::StringClose || tok.kind == TokKind::Regex)
    return true;
  if (tok.kind == TokKind::Name)
    return true;
  return tok.is("}") || tok.is("]") || tok.is(")") || tok.is("?");
}

size_t matchingClose(const std::vector<Tok> &tokens, size_t open) {
  int depth = 0;
  for (size_t i = open; i < tokens.size(); ++i) {
    if (isOpen(tokens[i]))
      ++depth;
    else if (isClose(tokens[i]) && --depth == 0)
      return i;
  }
  return tokens.size();
}

bool startsEntry(llvm::StringRef text, const std::vector<Tok> &tokens, size_t open, size_t index) {
  if (index == 0 || index > tokens.size())
    return false;
  if (index - 1 == open)
    return true;
  const Tok &prev = tokens[index - 1];
  if (prev.is(","))
    return true;
  uint32_t at = index < tokens.size() ? tokens[index].begin : static_cast<uint32_t>(text.size());
  return endsValue(prev) && lineBreakBetween(text, prev.end, at);
}

// Whether the line starting at `at` starts with a declaration keyword.
static bool declarationLineAt(llvm::StringRef text, size_t at) {
  static constexpr llvm::StringLiteral kDecls[] = {"import", "param", "let", "fn", "type", "schema", "emit", "policy"};
  llvm::StringRef rest = text.substr(at, 8);
  for (llvm::StringRef kw : kDecls)
    if (rest.startswith(kw) && (rest.size() == kw.size() || !(std::isalnum(static_cast<unsigned char>(rest[kw.size()])) ||
                                                              rest[kw.size()] == '_')))
      return true;
  return false;
}

// The lines of the declaration around `offset`: from the last line starting
// with a declaration keyword at or before it to the next one after it. The
// cursor's context never reaches past them (framesBefore resets there too),
// so a keystroke costs the declaration, not the file.
static std::pair<uint32_t, uint32_t> declarationWindow(llvm::StringRef text, uint32_t offset) {
  // StringRef::rfind(c, i) looks strictly before i.
  size_t newline = text.rfind('\n', offset);
  size_t from = newline == llvm::StringRef::npos ? 0 : newline + 1;
  while (from > 0 && !declarationLineAt(text, from)) {
    size_t previous = text.rfind('\n', from - 1);
    from = previous == llvm::StringRef::npos ? 0 : previous + 1;
  }
  size_t to = text.find('\n', offset);
  while (to != llvm::StringRef::npos && !declarationLineAt(text, to + 1))
    to = text.find('\n', to + 1);
  return {static_cast<uint32_t>(from), static_cast<uint32_t>(to == llvm::StringRef::npos ? text.size() : to + 1)};
}

CursorContext analyzeCursor(llvm::StringRef text, uint32_t offset) {
  CursorContext cx;
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  cx.offset = offset;
  cx.wordBegin = offset;
  std::vector<std::pair<uint32_t, uint32_t>> comments;
  auto [from, to] = declarationWindow(text, offset);
  cx.tokens = lexLeniently(text.slice(from, to), &comments);
  for (Tok &tok : cx.tokens) {
    tok.begin += from;
    tok.end += from;
  }
  for (auto &comment : comments) {
    comment.first += from;
    comment.second += from;
  }
  for (auto [begin, end] : comments) {
    // A line comment holds its line end; a closed block comment ends before `*/`'s end.
    bool closedBlock = text.substr(begin, 2) == "/*" && end - begin >= 4 && text.slice(0, end).endswith("*/");
    if (begin < offset && (offset < end || (offset == end && !closedBlock)))
      return cx;
  }
  const std::vector<Tok> &toks = cx.tokens;
  auto firstAtOrAfter = std::partition_point(toks.begin(), toks.end(),
                                             [&](const Tok &t) { return t.begin < offset; });
  size_t p = static_cast<size_t>(firstAtOrAfter - toks.begin());
  if (p > 0) {
    const Tok &last = toks[p - 1];
    bool inText = (last.kind == TokKind::StringText && offset <= last.end) ||
                  (last.kind == TokKind::StringOpen && offset >= last.end);
    if (inText) {
      size_t open = p - 1;
      while (open > 0 && toks[open].kind == TokKind::StringText)
        --open;
      if (toks[open].kind != TokKind::StringOpen)
        return cx; // after an interpolation: no completion inside
      cx.stringOpen = open;
      cx.firstAfter = open;
      cx.wordBegin = toks[open].end;
      cx.frames = framesBefore(text, toks, open);
      bool isImport = open > 0 && toks[open - 1].is("import");
      cx.kind = isImport ? CursorKind::ImportPath : CursorKind::StringValue;
      return cx;
    }
    if ((last.kind == TokKind::Name || last.kind == TokKind::Number) && offset <= last.end) {
      if (last.kind == TokKind::Number)
        return cx;
      --p;
      cx.wordBegin = last.begin;
    }
  }
  cx.firstAfter = p;
  cx.frames = framesBefore(text, toks, p);
  Classifier(text, cx).classify();
  return cx;
}

} // namespace cairn::lsp
