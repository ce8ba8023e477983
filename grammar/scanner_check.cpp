#include "grammar/scanner_check.h"

#include "CairnLexer.h"
#include "grammar/cairn_scanner.h"

namespace cairn::grammar {

namespace {

std::string describe(antlr4::Token &token) {
  return "type " + std::to_string(static_cast<long long>(token.getType())) + " channel " +
         std::to_string(token.getChannel()) + " at " + std::to_string(token.getLine()) + ":" +
         std::to_string(token.getCharPositionInLine()) + " [" + std::to_string(token.getStartIndex()) + ", " +
         std::to_string(static_cast<long long>(token.getStopIndex())) + "] `" + token.getText() + "`";
}

} // namespace

std::string compareScannerWithGeneratedLexer(std::string_view text) {
  antlr4::ANTLRInputStream input(text.data(), text.size());
  CairnLexer lexer(&input);
  lexer.removeErrorListeners();
  CairnScanner scanner(text, "text");
  for (size_t index = 0;; ++index) {
    std::unique_ptr<antlr4::Token> expected = lexer.nextToken();
    std::unique_ptr<antlr4::Token> actual = scanner.nextToken();
    std::string want = describe(*expected), got = describe(*actual);
    if (want != got)
      return "token " + std::to_string(index) + ": CairnLexer gives " + want + ", CairnScanner " + got;
    if (expected->getType() == antlr4::Token::EOF)
      return "";
  }
}

} // namespace cairn::grammar
