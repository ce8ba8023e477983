// Bounds how deep a parse may nest. ANTLR's parser recurses once per rule, and
// the AST builder, checker and evaluator recurse once per node, so without a
// bound `[[[[...` or a 200,000-term `1 + 1 + ...` overflows the stack. The
// parse-tree depth is counted as the parser's rule nesting (a listener sees
// every rule entry and exit) plus, in left-recursive rules, the operators of
// each chain (`a + b + c` nests one node per operator without recursing).
// Past the bound the parse stops with NestingTooDeep.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <antlr4-runtime.h>

#include "CairnParser.h"
#include "frontend/parse.h"
#include "frontend/stack_guard.h"

namespace cairn {

// Thrown out of the parser; parse.cpp turns it into E0112.
struct NestingTooDeep {
  antlr4::Token *token; // where the bound was passed
};

class NestingGuard : public antlr4::tree::ParseTreeListener {
public:
  static constexpr uint32_t kMaxDepth = kMaxParseNesting;

  explicit NestingGuard(antlr4::Parser &parser) : parser_(parser) {}

  void reset();
  uint32_t deepest() const { return deepest_; }

  // From the parser's left-recursion hooks (GuardedParser).
  void enterRecursion() { chains_.push_back(0); }
  void extendChain();
  void leaveRecursion();

  void enterEveryRule(antlr4::ParserRuleContext *) override;
  void exitEveryRule(antlr4::ParserRuleContext *) override { --rules_; }
  void visitTerminal(antlr4::tree::TerminalNode *) override {}
  void visitErrorNode(antlr4::tree::ErrorNode *) override {}

private:
  void check();

  antlr4::Parser &parser_;
  StackGuard stack_;            // a small thread stack can run out before the bound
  uint32_t rules_ = 0;          // rule invocations active
  uint32_t chainLinks_ = 0;     // operators of the active chains
  std::vector<uint32_t> chains_; // per active left-recursive invocation
  uint32_t deepest_ = 0;
};

// The generated parser with the guard attached.
class GuardedParser : public grammar::CairnParser {
public:
  explicit GuardedParser(antlr4::TokenStream *tokens);
  ~GuardedParser() override;

  NestingGuard &nesting() { return nesting_; }

  using grammar::CairnParser::enterRecursionRule;
  void enterRecursionRule(antlr4::ParserRuleContext *localctx, size_t state, size_t ruleIndex,
                          int precedence) override;
  void pushNewRecursionContext(antlr4::ParserRuleContext *localctx, size_t state, size_t ruleIndex) override;
  void unrollRecursionContexts(antlr4::ParserRuleContext *parentctx) override;

private:
  NestingGuard nesting_;
};

} // namespace cairn
