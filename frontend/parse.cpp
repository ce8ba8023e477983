// Text -> tokens -> parse tree -> AST. Parsing tries ANTLR's fast SLL mode
// first and falls back to full LL only when SLL fails (the grammar is written
// to be SLL-clean, so the fallback runs only on real syntax errors).
#include "frontend/parse.h"

#include <llvm/Support/ConvertUTF.h>

#include "CairnLexer.h"
#include "CairnParser.h"
#include "frontend/ast_builder.h"
#include "frontend/syntax_errors.h"

namespace cairn {

using L = grammar::CairnLexer;
using P = grammar::CairnParser;

namespace {

bool isValidUtf8(llvm::StringRef text) {
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(text.begin());
  const auto *end = reinterpret_cast<const llvm::UTF8 *>(text.end());
  return llvm::isLegalUTF8String(&begin, end);
}

void collectComments(antlr4::CommonTokenStream &tokens, const AstBuilderSpans &spans,
                     ast::Module &module) {
  for (antlr4::Token *token : tokens.getTokens()) {
    size_t type = token->getType();
    if (type == L::LINE_COMMENT || type == L::DOC_COMMENT || type == L::BLOCK_COMMENT ||
        type == L::UNTERMINATED_COMMENT)
      module.comments.push_back(spans.of(token));
  }
}

template <typename Rule>
Rule *parseTwoStage(P &parser, antlr4::CommonTokenStream &tokens, SyntaxErrorListener &listener,
                    Rule *(P::*rule)()) {
  auto *interpreter = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.removeErrorListeners();
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    return (parser.*rule)();
  } catch (antlr4::ParseCancellationException &) {
  } catch (antlr4::RecognitionException &) {
  }
  tokens.seek(0);
  parser.reset();
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
  parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
  parser.addErrorListener(&listener);
  return (parser.*rule)();
}

struct ParseRun {
  ParseRun(const SourceManager &sources, FileId file, DiagnosticSink &diags)
      : text(sources.file(file).text()), offsets(text), spans{file, &offsets},
        input(text.data(), text.size()), lexer(&input), tokens(&lexer),
        parser(&tokens), listener(spans, parser, diags) {
    lexer.removeErrorListeners();
    tokens.fill();
    listener.scanTokens(tokens, lexer);
  }

  llvm::StringRef text;
  OffsetMap offsets;
  AstBuilderSpans spans;
  antlr4::ANTLRInputStream input;
  L lexer;
  antlr4::CommonTokenStream tokens;
  P parser;
  SyntaxErrorListener listener;
};

// ANTLR's input stream throws on malformed UTF-8: reject it first.
bool acceptText(const SourceManager &sources, FileId file, DiagnosticSink &diags) {
  if (isValidUtf8(sources.file(file).text()))
    return true;
  diags.report(DiagKind::InputNotUtf8, Span{file, 0, 0}, sources.file(file).path());
  return false;
}

} // namespace

ast::Module parseModule(const SourceManager &sources, FileId file, DiagnosticSink &diags) {
  ast::Module module(file);
  if (!acceptText(sources, file, diags))
    return module;
  ParseRun run(sources, file, diags);
  P::FileContext *tree = parseTwoStage(run.parser, run.tokens, run.listener, &P::file);
  AstBuilder builder(module, sources, run.offsets, run.tokens, diags);
  builder.buildFile(tree);
  collectComments(run.tokens, run.spans, module);
  return module;
}

ast::Module parseExpressionModule(const SourceManager &sources, FileId file, llvm::StringRef letName,
                                  DiagnosticSink &diags) {
  ast::Module module(file);
  if (!acceptText(sources, file, diags))
    return module;
  llvm::StringRef text = sources.file(file).text();
  ParseRun run(sources, file, diags);
  P::ExpressionInputContext *tree =
      parseTwoStage(run.parser, run.tokens, run.listener, &P::expressionInput);
  AstBuilder builder(module, sources, run.offsets, run.tokens, diags);
  Span whole{file, 0, static_cast<uint32_t>(text.size())};
  ast::ExprId value = builder.buildExpr(tree->expr(), whole);
  module.addDecl(whole, ast::LetDecl{{module.save(letName), Span{file, 0, 0}}, {}, value});
  return module;
}

} // namespace cairn
