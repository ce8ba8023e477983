#include "frontend/lexer_base.h"

#include "CairnLexer.h"

namespace cairn::grammar {

size_t CairnLexerBase::popMode() {
  if (modeStack.empty())
    return mode;
  return antlr4::Lexer::popMode();
}

std::unique_ptr<antlr4::Token> CairnLexerBase::nextToken() {
  auto token = antlr4::Lexer::nextToken();
  if (token->getChannel() == antlr4::Token::DEFAULT_CHANNEL)
    lastSignificantType_ = token->getType();
  return token;
}

bool CairnLexerBase::regexAllowed() const {
  return lastSignificantType_ == CairnLexer::LPAREN ||
         lastSignificantType_ == CairnLexer::COMMA;
}

} // namespace cairn::grammar
