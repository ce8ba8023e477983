#include "frontend/nesting_guard.h"

#include <algorithm>

namespace cairn {

void NestingGuard::reset() {
  rules_ = 0;
  chainLinks_ = 0;
  chains_.clear();
}

void NestingGuard::check() {
  uint32_t depth = rules_ + chainLinks_;
  deepest_ = std::max(deepest_, depth);
  if (depth > kMaxDepth || stack_.exhausted())
    throw NestingTooDeep{parser_.getCurrentToken()};
}

void NestingGuard::enterEveryRule(antlr4::ParserRuleContext *) {
  ++rules_;
  check();
}

void NestingGuard::extendChain() {
  if (chains_.empty())
    return;
  ++chains_.back();
  ++chainLinks_;
  check();
}

void NestingGuard::leaveRecursion() {
  if (chains_.empty())
    return;
  chainLinks_ -= chains_.back();
  chains_.pop_back();
}

GuardedParser::GuardedParser(antlr4::TokenStream *tokens) : grammar::CairnParser(tokens), nesting_(*this) {
  addParseListener(&nesting_);
}

GuardedParser::~GuardedParser() { removeParseListener(&nesting_); }

void GuardedParser::enterRecursionRule(antlr4::ParserRuleContext *localctx, size_t state, size_t ruleIndex,
                                       int precedence) {
  nesting_.enterRecursion();
  grammar::CairnParser::enterRecursionRule(localctx, state, ruleIndex, precedence);
}

void GuardedParser::pushNewRecursionContext(antlr4::ParserRuleContext *localctx, size_t state, size_t ruleIndex) {
  grammar::CairnParser::pushNewRecursionContext(localctx, state, ruleIndex);
  nesting_.extendChain();
}

void GuardedParser::unrollRecursionContexts(antlr4::ParserRuleContext *parentctx) {
  nesting_.leaveRecursion();
  grammar::CairnParser::unrollRecursionContexts(parentctx);
}

} // namespace cairn
