#include "frontend/comments.h"

#include <llvm/Support/ConvertUTF.h>

#include "CairnLexer.h"
#include "frontend/ast_builder.h"

namespace cairn {

std::vector<Span> commentSpans(const SourceManager &sources, FileId file) {
  using L = grammar::CairnLexer;
  std::vector<Span> out;
  llvm::StringRef text = sources.file(file).text();
  // ANTLR's input stream throws on malformed UTF-8; such a file has no
  // usable comments (compiling it reports E0706).
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(text.begin());
  if (!llvm::isLegalUTF8String(&begin, reinterpret_cast<const llvm::UTF8 *>(text.end())))
    return out;
  OffsetMap offsets(text);
  AstBuilderSpans spans{file, &offsets};
  antlr4::ANTLRInputStream input(text.data(), text.size());
  L lexer(&input);
  lexer.removeErrorListeners();
  for (auto token = lexer.nextToken(); token->getType() != antlr4::Token::EOF; token = lexer.nextToken()) {
    size_t type = token->getType();
    if (type == L::LINE_COMMENT || type == L::DOC_COMMENT || type == L::BLOCK_COMMENT ||
        type == L::UNTERMINATED_COMMENT)
      out.push_back(spans.of(token.get()));
  }
  return out;
}

} // namespace cairn
