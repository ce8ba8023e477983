// Text -> tokens -> parse tree -> AST. Parsing tries ANTLR's fast SLL mode
// first and falls back to full LL only when SLL fails (the grammar is written
// to be SLL-clean, so the fallback runs only on real syntax errors).
#include "frontend/parse.h"

#include <ctime>

#include <llvm/Support/ConvertUTF.h>

#include "CairnLexer.h"
#include "CairnParser.h"
#include "grammar/cairn_scanner.h"
#include "frontend/ast_builder.h"
#include "frontend/nesting_guard.h"
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

// The tokens come from the hand-written CairnScanner (the same tokens as the
// CairnLexer that ANTLR generates, several times faster: see its header).
struct ParseRun {
  ParseRun(const SourceManager &sources, FileId file, DiagnosticSink &diags)
      : text(sources.file(file).text()), offsets(text), spans{file, &offsets},
        scanner(std::string_view(text.data(), text.size()), sources.file(file).path()), tokens(&scanner),
        parser(&tokens), listener(spans, parser, diags) {
    tokens.fill();
    listener.scanTokens(tokens);
  }

  llvm::StringRef text;
  OffsetMap offsets;
  AstBuilderSpans spans;
  grammar::CairnScanner scanner;
  antlr4::CommonTokenStream tokens;
  GuardedParser parser;
  SyntaxErrorListener listener;
};

template <typename Rule> Rule *parseTwoStage(ParseRun &run, Rule *(P::*rule)()) {
  P &parser = run.parser;
  auto *interpreter = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.removeErrorListeners();
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    return (parser.*rule)();
  } catch (antlr4::ParseCancellationException &) {
  } catch (antlr4::RecognitionException &) {
  }
  run.tokens.seek(0);
  parser.reset();
  run.parser.nesting().reset();
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
  parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
  parser.addErrorListener(&run.listener);
  return (parser.*rule)();
}

// E0113 for a file with more tokens than the parser takes: its parse tree
// would need about 1 KiB per token (measured on dense input such as `1,1,...`).
// Only tokens the parser sees count, not spaces and comments.
bool tooManyTokens(ParseRun &run, const SourceManager &sources, FileId file, DiagnosticSink &diags) {
  if (run.tokens.size() <= kMaxParseTokens)
    return false;
  antlr4::Token *first = nullptr;
  size_t seen = 0;
  for (antlr4::Token *token : run.tokens.getTokens())
    if (token->getChannel() == antlr4::Token::DEFAULT_CHANNEL && ++seen > kMaxParseTokens) {
      first = token;
      break;
    }
  if (first == nullptr)
    return false;
  diags.report(DiagKind::TooManyTokens, run.spans.of(first), sources.file(file).path(), kMaxParseTokens)
      .withHint("split it into several modules and import them");
  return true;
}

// E0112 at the token where the parse went too deep.
void reportNestingTooDeep(const ParseRun &run, const NestingTooDeep &error, DiagnosticSink &diags) {
  Span at = error.token != nullptr ? run.spans.of(error.token) : Span{run.spans.file, 0, 0};
  diags.report(DiagKind::NestingTooDeep, at, NestingGuard::kMaxDepth)
      .note("a bracket nests two levels, a block or object field about four, each operator of a chain one")
      .withHint("give inner parts a name with `let`, or split the chain into several bindings");
}

// Installs ANTLR's profiling simulator (it shares the DFA cache and replaces,
// and frees, the plain one) in full LL mode, so that every prediction SLL
// could not decide alone is counted as an LL fallback.
void startProfiling(P &parser) {
  parser.setProfile(true);
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::LL);
}

std::vector<ParseDecisionProfile> decisionProfiles(P &parser) {
  std::vector<ParseDecisionProfile> out;
  const antlr4::atn::ATN &atn = parser.getATN();
  for (const antlr4::atn::DecisionInfo &info : parser.getParseInfo().getDecisionInfo()) {
    if (info.invocations == 0)
      continue;
    ParseDecisionProfile d;
    d.decision = info.decision;
    d.rule = parser.getRuleNames()[atn.decisionToState[info.decision]->ruleIndex];
    d.invocations = info.invocations;
    d.timeNs = info.timeInPrediction;
    d.sllLookahead = info.SLL_TotalLook;
    d.llFallbacks = info.LL_Fallback;
    d.llLookahead = info.LL_TotalLook;
    d.ambiguities = static_cast<long long>(info.ambiguities.size());
    out.push_back(std::move(d));
  }
  return out;
}

// CPU seconds of this thread between laps, only when someone measures: CPU
// time rather than wall time, so that a busy machine does not distort it.
class Laps {
public:
  explicit Laps(bool active) : active_(active) {
    if (active_)
      last_ = now();
  }
  void lap(double &seconds) {
    if (!active_)
      return;
    double current = now();
    seconds = current - last_;
    last_ = current;
  }

private:
  static double now() {
    timespec time{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
    return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_nsec) * 1e-9;
  }

  bool active_;
  double last_ = 0;
};

// ANTLR's input stream throws on malformed UTF-8: reject it first.
bool acceptText(const SourceManager &sources, FileId file, DiagnosticSink &diags) {
  if (isValidUtf8(sources.file(file).text()))
    return true;
  diags.report(DiagKind::InputNotUtf8, Span{file, 0, 0}, sources.file(file).path());
  return false;
}

ast::Module parseMeasured(const SourceManager &sources, FileId file, DiagnosticSink &diags,
                          ParseMeasurement *measurement) {
  ast::Module module(file);
  if (!acceptText(sources, file, diags))
    return module;
  Laps laps(measurement != nullptr);
  ParseRun run(sources, file, diags);
  if (tooManyTokens(run, sources, file, diags))
    return module;
  bool profile = measurement != nullptr && measurement->profile;
  if (measurement) {
    laps.lap(measurement->lexSeconds);
    measurement->tokens = run.tokens.size();
  }
  P::FileContext *tree = nullptr;
  try {
    if (profile) {
      startProfiling(run.parser);
      run.parser.removeErrorListeners();
      run.parser.addErrorListener(&run.listener);
      tree = run.parser.file();
    } else {
      tree = parseTwoStage(run, &P::file);
    }
  } catch (const NestingTooDeep &error) {
    reportNestingTooDeep(run, error, diags);
    return module;
  }
  if (measurement) {
    laps.lap(measurement->parseSeconds);
    measurement->deepestNesting = run.parser.nesting().deepest();
    measurement->reparsedWithLL = !profile && run.parser.getInterpreter<antlr4::atn::ParserATNSimulator>()
                                                      ->getPredictionMode() == antlr4::atn::PredictionMode::LL;
  }
  AstBuilder builder(module, sources, run.offsets, run.tokens, diags);
  builder.buildFile(tree);
  collectComments(run.tokens, run.spans, module);
  if (measurement) {
    laps.lap(measurement->buildSeconds);
    if (profile)
      measurement->decisions = decisionProfiles(run.parser);
  }
  return module;
}

} // namespace

ast::Module parseModule(const SourceManager &sources, FileId file, DiagnosticSink &diags) {
  return parseMeasured(sources, file, diags, nullptr);
}

ast::Module parseModule(const SourceManager &sources, FileId file, DiagnosticSink &diags,
                        ParseMeasurement &measurement) {
  return parseMeasured(sources, file, diags, &measurement);
}

ast::Module parseExpressionModule(const SourceManager &sources, FileId file, llvm::StringRef letName,
                                  DiagnosticSink &diags) {
  ast::Module module(file);
  if (!acceptText(sources, file, diags))
    return module;
  llvm::StringRef text = sources.file(file).text();
  ParseRun run(sources, file, diags);
  if (tooManyTokens(run, sources, file, diags))
    return module;
  P::ExpressionInputContext *tree = nullptr;
  try {
    tree = parseTwoStage(run, &P::expressionInput);
  } catch (const NestingTooDeep &error) {
    reportNestingTooDeep(run, error, diags);
    return module;
  }
  AstBuilder builder(module, sources, run.offsets, run.tokens, diags);
  Span whole{file, 0, static_cast<uint32_t>(text.size())};
  ast::ExprId value = builder.buildExpr(tree->expr(), whole);
  module.addDecl(whole, ast::LetDecl{{module.save(letName), Span{file, 0, 0}}, {}, value});
  return module;
}

} // namespace cairn
