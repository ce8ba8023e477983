#include "frontend/syntax_errors.h"

#include <algorithm>

#include "frontend/cairn_text.h"

namespace cairn {

using L = grammar::CairnLexer;

namespace {

constexpr unsigned kMaxSyntaxErrors = 20;
constexpr const char *kDeclarationWords =
    "a declaration (`let`, `fn`, `schema`, `type`, `param`, `import`, `emit` or `policy`)";

bool isKeyword(size_t type) { return type >= L::IMPORT && type <= L::POLICY; }

std::string tokenDisplayName(size_t type, const antlr4::dfa::Vocabulary &vocabulary) {
  switch (type) {
  case antlr4::Token::EOF: return "end of file";
  case L::IDENT: return "a name";
  case L::INT: return "an integer";
  case L::FLOAT: return "a number";
  case L::STR_OPEN:
  case L::TRIPLE_OPEN: return "a string";
  case L::REGEX: return "a regular expression `/.../`";
  case L::STR_CLOSE: return "`\"`";
  case L::TRIPLE_CLOSE: return "`\"\"\"`";
  case L::STR_INTERP:
  case L::MSTR_INTERP: return "`${`";
  default: break;
  }
  std::string literal = vocabulary.getLiteralName(type);
  if (literal.size() >= 2 && literal.front() == '\'')
    return "`" + literal.substr(1, literal.size() - 2) + "`";
  return vocabulary.getDisplayName(type);
}

bool removeAll(std::vector<size_t> &types, std::initializer_list<size_t> group, bool requireAll) {
  auto has = [&](size_t t) { return std::find(types.begin(), types.end(), t) != types.end(); };
  bool all = std::all_of(group.begin(), group.end(), has);
  if (requireAll && !all)
    return false;
  types.erase(std::remove_if(types.begin(), types.end(),
                             [&](size_t t) { return std::find(group.begin(), group.end(), t) != group.end(); }),
              types.end());
  return true;
}

} // namespace

std::string describeExpected(const antlr4::misc::IntervalSet &expected,
                             const antlr4::dfa::Vocabulary &vocabulary) {
  std::vector<size_t> types;
  for (ssize_t t : expected.toList())
    types.push_back(static_cast<size_t>(t));
  std::vector<std::string> words;
  auto has = [&](size_t t) { return std::find(types.begin(), types.end(), t) != types.end(); };
  if (has(L::IDENT) && has(L::INT) && has(L::LPAREN) && has(L::LBRACK)) {
    removeAll(types, {L::INT, L::FLOAT, L::TRUE, L::FALSE, L::NULL_, L::STR_OPEN, L::TRIPLE_OPEN,
                      L::IDENT, L::LPAREN, L::LBRACK, L::LBRACE, L::MINUS, L::BANG, L::IF, L::LET, L::FN},
              false);
    words.push_back("an expression");
  }
  // Field names include `true`; the declarations' set (which has IDENT for
  // `secret param`) does not.
  if (has(L::IDENT) && has(L::POLICY) && has(L::IMPORT) && has(L::TRUE)) {
    std::vector<size_t> keywords;
    for (size_t t = L::IMPORT; t <= L::POLICY; ++t)
      keywords.push_back(t);
    types.erase(std::remove_if(types.begin(), types.end(),
                               [](size_t t) { return t == L::IDENT || isKeyword(t); }),
                types.end());
    words.push_back("a name");
  }
  if (has(L::SCHEMA) && has(L::EMIT) && has(L::PARAM)) {
    removeAll(types, {L::IMPORT, L::PARAM, L::LET, L::FN, L::TYPE, L::SCHEMA, L::EMIT, L::POLICY, L::IDENT}, false);
    words.push_back(kDeclarationWords);
  }
  for (size_t t : types)
    words.push_back(tokenDisplayName(t, vocabulary));
  if (words.empty())
    return "something else";
  if (words.size() > 6) {
    words.resize(6);
    words.push_back("...");
  }
  std::string text = words[0];
  for (size_t i = 1; i < words.size(); ++i)
    text += (i + 1 == words.size() ? " or " : ", ") + words[i];
  return text;
}

std::string describeToken(antlr4::Token *token) {
  size_t type = token->getType();
  std::string text = clipForMessage(token->getText());
  if (type == antlr4::Token::EOF)
    return "end of file";
  if (type == L::IDENT)
    return "name `" + text + "`";
  if (isKeyword(type))
    return "keyword `" + text + "`";
  if (type == L::INT || type == L::FLOAT)
    return "number `" + text + "`";
  if (type == L::STR_OPEN || type == L::TRIPLE_OPEN)
    return "a string";
  if (type == L::STR_NEWLINE)
    return "end of line";
  return "`" + text + "`";
}

void SyntaxErrorListener::scanTokens(antlr4::CommonTokenStream &tokens) {
  tokens_ = &tokens;
  std::vector<antlr4::Token *> openStrings;
  for (antlr4::Token *token : tokens.getTokens()) {
    switch (token->getType()) {
    case L::STR_OPEN:
    case L::TRIPLE_OPEN: openStrings.push_back(token); break;
    case L::STR_CLOSE:
    case L::TRIPLE_CLOSE:
      if (!openStrings.empty())
        openStrings.pop_back();
      break;
    case L::STR_NEWLINE: {
      Span start = openStrings.empty() ? spans_.of(token) : spans_.of(openStrings.back());
      diags_.report(DiagKind::UnterminatedString, start.to(Span{start.file, spans_.of(token).begin, spans_.of(token).begin}))
          .withHint("close the string with `\"` on the same line, or use `\"\"\"` for a multi-line string");
      if (!openStrings.empty())
        openStrings.pop_back();
      quietTokens_.insert(token->getTokenIndex());
      quietTokens_.insert(token->getTokenIndex() + 1);
      break;
    }
    case L::UNTERMINATED_COMMENT:
      diags_.report(DiagKind::UnterminatedComment, Span{spans_.file, spans_.of(token).begin, spans_.of(token).begin + 2})
          .withHint("end the comment with `*/`");
      quietAtEof_ = true;
      break;
    case L::BAD_CHAR:
      diags_.report(DiagKind::UnexpectedCharacter, spans_.of(token), clipForMessage(token->getText()));
      quietTokens_.insert(token->getTokenIndex());
      break;
    default: break;
    }
  }
  if (!openStrings.empty()) {
    diags_.report(DiagKind::UnterminatedString, spans_.of(openStrings.back()))
        .withHint("the string runs to the end of the file; close it with `\"`");
    quietAtEof_ = true;
  }
}

// The position of a token among the default-channel tokens, so that
// comments and white space do not count as distance between errors.
size_t SyntaxErrorListener::significantIndex(antlr4::Token *token) const {
  if (tokens_ == nullptr || token->getTokenIndex() == INVALID_INDEX)
    return INVALID_INDEX;
  size_t count = 0;
  for (size_t i = 0; i < token->getTokenIndex(); ++i)
    if (tokens_->get(i)->getChannel() == antlr4::Token::DEFAULT_CHANNEL)
      ++count;
  return count;
}

// After a `let`/`fn` that the parser took for the start of an expression was
// reported, errors inside that expression are consequences of the same mistake.
bool SyntaxErrorListener::insideMisreadKeyword() const {
  if (misreadKeyword_ == INVALID_INDEX)
    return false;
  for (antlr4::RuleContext *ctx = parser_.getContext(); ctx != nullptr;
       ctx = dynamic_cast<antlr4::RuleContext *>(ctx->parent)) {
    auto *rule = dynamic_cast<antlr4::ParserRuleContext *>(ctx);
    if (rule && rule->getStart() && rule->getStart()->getTokenIndex() == misreadKeyword_)
      return true;
  }
  return false;
}

antlr4::Token *SyntaxErrorListener::previousToken(antlr4::Token *token) const {
  if (tokens_ == nullptr || token->getTokenIndex() == INVALID_INDEX)
    return nullptr;
  for (size_t i = token->getTokenIndex(); i-- > 0;)
    if (tokens_->get(i)->getChannel() == antlr4::Token::DEFAULT_CHANNEL)
      return tokens_->get(i);
  return nullptr;
}

Span SyntaxErrorListener::errorSpan(antlr4::Token *offending) const {
  Span here = spans_.of(offending);
  // When the problem is at the start of a new line, point just after the
  // previous token: that is where something is missing.
  if (tokens_ == nullptr || offending->getTokenIndex() == INVALID_INDEX)
    return here;
  for (size_t i = offending->getTokenIndex(); i-- > 0;) {
    antlr4::Token *previous = tokens_->get(i);
    if (previous->getChannel() != antlr4::Token::DEFAULT_CHANNEL)
      continue;
    if (previous->getLine() < offending->getLine()) {
      Span after = spans_.of(previous);
      return {after.file, after.end, after.end};
    }
    break;
  }
  return here;
}

bool SyntaxErrorListener::reportUnclosedDelimiter() {
  std::vector<antlr4::Token *> open;
  for (antlr4::Token *token : tokens_->getTokens()) {
    switch (token->getType()) {
    case L::LBRACE:
    case L::LBRACK:
    case L::LPAREN:
    case L::STR_INTERP:
    case L::MSTR_INTERP: open.push_back(token); break;
    case L::RBRACE:
    case L::RBRACK:
    case L::RPAREN:
      if (!open.empty())
        open.pop_back();
      break;
    default: break;
    }
  }
  if (open.empty())
    return false;
  antlr4::Token *opener = open.back();
  diags_.report(DiagKind::UnclosedDelimiter, spans_.of(opener), opener->getText())
      .withHint("add the matching closing delimiter");
  return true;
}

void SyntaxErrorListener::syntaxError(antlr4::Recognizer *, antlr4::Token *offending, size_t line,
                                      size_t, const std::string &, std::exception_ptr) {
  if (offending == nullptr || reported_ >= kMaxSyntaxErrors)
    return;
  if (quietTokens_.count(offending->getTokenIndex()))
    return;
  bool atEof = offending->getType() == antlr4::Token::EOF;
  if (atEof && quietAtEof_)
    return;
  if (reported_ > 0 && line == lastErrorLine_)
    return; // one error per line: the rest are usually consequences
  size_t index = significantIndex(offending);
  if (reported_ > 0 && index != INVALID_INDEX && index <= lastErrorIndex_ + 3)
    return; // so close to the last error that it is a consequence of it
  if (insideMisreadKeyword())
    return;
  lastErrorLine_ = line;
  lastErrorIndex_ = index;
  ++reported_;
  if (atEof && reportUnclosedDelimiter()) {
    quietAtEof_ = true;
    return;
  }
  // `let x =` with the value missing, then `let y = 1` on the next line: the
  // parser took the second `let` for a `let (...)` expression. Say what a
  // person sees: the value is missing.
  if (antlr4::Token *keyword = previousToken(offending)) {
    antlr4::Token *before = previousToken(keyword);
    if ((keyword->getType() == L::LET || keyword->getType() == L::FN) && before &&
        before->getLine() < keyword->getLine()) {
      diags_.report(DiagKind::UnexpectedToken, errorSpan(keyword), describeToken(keyword), "an expression");
      misreadKeyword_ = keyword->getTokenIndex();
      return;
    }
  }
  // `foo = 1` at the top level: the parser took `foo` for the `secret` of a
  // `secret param`. Say what a person sees: a name where a declaration goes.
  // (A misspelt `secret` before `param` parses, and is E0114.)
  if (auto *param = dynamic_cast<grammar::CairnParser::ParamDeclContext *>(parser_.getContext());
      param && param->secretMark() && !param->PARAM() && param->secretMark()->getText() != "secret") {
    antlr4::Token *mark = param->secretMark()->getStart();
    diags_.report(DiagKind::UnexpectedToken, spans_.of(mark), describeToken(mark), kDeclarationWords);
    return;
  }
  std::string expected = "something else";
  try {
    expected = describeExpected(parser_.getExpectedTokens(), parser_.getVocabulary());
  } catch (...) {
    // The parser's state can be unusable after some errors; keep the generic text.
  }
  diags_.report(DiagKind::UnexpectedToken, errorSpan(offending), describeToken(offending), expected);
}

} // namespace cairn
