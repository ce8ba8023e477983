// Base class of the generated lexer (grammar/CairnLexer.g4, `superClass`).
// It adds the two things the token rules cannot say by themselves.
#pragma once

#include <antlr4-runtime.h>

namespace cairn::grammar {

class CairnLexerBase : public antlr4::Lexer {
public:
  explicit CairnLexerBase(antlr4::CharStream *input) : antlr4::Lexer(input) {}

  // An unbalanced `}` must be a parse error, not an EmptyStackException.
  size_t popMode() override;

  std::unique_ptr<antlr4::Token> nextToken() override;

protected:
  // `/re/` is a regex only right after `(` or `,`, where `/` cannot divide.
  bool regexAllowed() const;

private:
  size_t lastSignificantType_ = 0;
};

} // namespace cairn::grammar
