// formatSource and formatRange: check the text with the front end, lay out its
// parse tree, print the layout.
#include "format/format.h"


#include "format/layout.h"
#include "frontend/parse.h"

namespace cairn::format {

namespace {

// The parse tree of a text the front end accepted. Same two-stage strategy as
// frontend/parse.cpp: fast SLL first, full LL only if SLL gives up.
struct TreeRun {
  explicit TreeRun(llvm::StringRef text)
      : input(text.data(), text.size()), lexer(&input), tokens(&lexer), parser(&tokens) {
    lexer.removeErrorListeners();
    tokens.fill();
    parser.removeErrorListeners();
  }

  P::FileContext *parse() {
    auto *interpreter = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    try {
      return parser.file();
    } catch (antlr4::ParseCancellationException &) {
    } catch (antlr4::RecognitionException &) {
    }
    tokens.seek(0);
    parser.reset();
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    P::FileContext *tree = parser.file();
    return parser.getNumberOfSyntaxErrors() == 0 ? tree : nullptr;
  }

  antlr4::ANTLRInputStream input;
  L lexer;
  antlr4::CommonTokenStream tokens;
  P parser;
};

// A file written with CRLF line ends (and no bare LF) keeps them; the layout
// is printed with LF, and line breaks copied from strings keep their bytes.
std::string keepLineEnds(llvm::StringRef original, std::string formatted) {
  size_t crlf = original.count("\r\n");
  if (crlf == 0 || crlf != original.count('\n'))
    return formatted;
  std::string out;
  out.reserve(formatted.size() + formatted.size() / 16);
  for (size_t i = 0; i < formatted.size(); ++i) {
    if (formatted[i] == '\n' && (i == 0 || formatted[i - 1] != '\r'))
      out += '\r';
    out += formatted[i];
  }
  return out;
}

} // namespace

std::optional<std::string> formatSource(const SourceManager &sources, FileId file, DiagnosticSink &diags,
                                        const FormatOptions &options) {
  size_t errorsBefore = diags.errorCount();
  (void)parseModule(sources, file, diags);
  if (diags.errorCount() > errorsBefore)
    return std::nullopt;
  llvm::StringRef text = sources.file(file).text();
  TreeRun run(text);
  P::FileContext *tree = run.parse();
  if (tree == nullptr)
    return std::nullopt; // the front end accepts exactly what the grammar does
  DocBuilder docs;
  OffsetMap offsets(text);
  Layout layout(text, offsets, run.tokens, docs);
  DocId root = layout.file(tree);
  return keepLineEnds(text, printDoc(docs, root, options.indentWidth, options.maxLineWidth));
}

} // namespace cairn::format
