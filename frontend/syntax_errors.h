// Turns ANTLR's lexer and parser errors into Cairn diagnostics that read like
// a person wrote them ("unexpected `}`; expected an expression"), and keeps
// one typo from producing a cascade.
#pragma once

#include <set>

#include "CairnLexer.h"
#include "frontend/ast_builder.h"

namespace cairn {

class SyntaxErrorListener : public antlr4::BaseErrorListener {
public:
  SyntaxErrorListener(const AstBuilderSpans &spans, antlr4::Parser &parser, DiagnosticSink &diags)
      : spans_(spans), parser_(parser), diags_(diags) {}

  // Reports lexical errors (bad characters, unterminated strings and comments)
  // before parsing, and remembers where the parser must stay quiet about them.
  void scanTokens(antlr4::CommonTokenStream &tokens);

  void syntaxError(antlr4::Recognizer *recognizer, antlr4::Token *offending, size_t line,
                   size_t column, const std::string &message, std::exception_ptr error) override;

private:
  bool reportUnclosedDelimiter();
  Span errorSpan(antlr4::Token *offending) const;
  antlr4::Token *previousToken(antlr4::Token *token) const;
  size_t significantIndex(antlr4::Token *token) const;
  bool insideMisreadKeyword() const;

  const AstBuilderSpans &spans_;
  antlr4::Parser &parser_;
  DiagnosticSink &diags_;
  antlr4::CommonTokenStream *tokens_ = nullptr;
  std::set<size_t> quietTokens_;  // token indexes already explained by a lexical error
  bool quietAtEof_ = false;
  size_t lastErrorLine_ = 0;
  size_t lastErrorIndex_ = 0;
  size_t misreadKeyword_ = INVALID_INDEX; // token index of a `let`/`fn` reported as misplaced
  unsigned reported_ = 0;
};

// "an expression", "`}`", "`,` or `]`": what the parser wanted, for people.
std::string describeExpected(const antlr4::misc::IntervalSet &expected, const antlr4::dfa::Vocabulary &vocabulary);
// "name `foo`", "end of file", "`}`".
std::string describeToken(antlr4::Token *token);

} // namespace cairn
