// Tokens and the comments around them.
#include "format/layout.h"

#include <algorithm>

namespace cairn::format {

bool isComment(size_t type) {
  return type == L::LINE_COMMENT || type == L::DOC_COMMENT || type == L::BLOCK_COMMENT ||
         type == L::UNTERMINATED_COMMENT;
}

namespace {

bool isLineComment(size_t type) { return type == L::LINE_COMMENT || type == L::DOC_COMMENT; }

bool isOpening(size_t type) { return type == L::LBRACE || type == L::LBRACK || type == L::LPAREN; }

} // namespace

unsigned Layout::newlinesBetween(size_t endOffset, size_t beginOffset) const {
  if (beginOffset <= endOffset)
    return 0;
  return static_cast<unsigned>(text_.slice(endOffset, beginOffset).count('\n'));
}

bool Layout::hasComments(size_t fromIndex, size_t toIndex) const {
  for (size_t i = fromIndex; i < toIndex && i < tokens_.size(); ++i)
    if (isComment(tokens_.get(i)->getType()))
      return true;
  return false;
}

uint32_t Layout::startOf(antlr4::Token *token) const { return offsets_.byteOffset(token->getStartIndex()); }
uint32_t Layout::endOf(antlr4::Token *token) const { return offsets_.byteOffset(token->getStopIndex() + 1); }

DocId Layout::tok(antlr4::tree::TerminalNode *node) { return tok(node->getSymbol()); }

DocId Layout::tok(antlr4::Token *token) {
  DocId before = leading(token, false);
  if (token->getType() == antlr4::Token::EOF) {
    placed_ = static_cast<long>(token->getTokenIndex());
    return before;
  }
  llvm::StringRef text = text_.slice(startOf(token), endOf(token));
  DocId self = docs_.text(text);
  placed_ = static_cast<long>(token->getTokenIndex());
  if (isItemEnd(token))
    return docs_.concat({before, self});
  return docs_.concat({before, self, trailing(token)});
}

DocId Layout::silent(antlr4::Token *token) {
  if (token == nullptr)
    return docs_.empty();
  DocId before = leading(token, false);
  placed_ = static_cast<long>(token->getTokenIndex());
  return docs_.concat({before, trailing(token)});
}

DocId Layout::leading(antlr4::Token *next, bool itemStart) {
  std::vector<DocId> parts;
  size_t nextIndex = next->getTokenIndex();
  // The previous placed token: where blank lines are measured from.
  antlr4::Token *previous = nullptr;
  for (long i = placed_; i >= 0 && previous == nullptr; --i)
    if (tokens_.get(static_cast<size_t>(i))->getType() != L::WS)
      previous = tokens_.get(static_cast<size_t>(i));
  auto blankAllowed = [&] { return previous != nullptr && !isOpening(previous->getType()); };
  antlr4::Token *lastComment = nullptr;
  for (size_t i = static_cast<size_t>(placed_ + 1); i < nextIndex; ++i) {
    antlr4::Token *hidden = tokens_.get(i);
    if (!isComment(hidden->getType()))
      continue;
    if (previous != nullptr) { // nothing before a comment that starts the file
      unsigned newlines = newlinesBetween(endOf(previous), startOf(hidden));
      if (newlines == 0)
        parts.push_back(docs_.text(" "));
      else if (newlines >= 2 && (blankAllowed() || lastComment != nullptr))
        parts.push_back(docs_.blankLine());
      else
        parts.push_back(docs_.hardLine());
    }
    llvm::StringRef comment = text_.slice(startOf(hidden), endOf(hidden));
    if (isLineComment(hidden->getType()))
      comment = comment.rtrim(" \t\r");
    parts.push_back(docs_.text(comment));
    bool breakAfter = isLineComment(hidden->getType()) ||
                      newlinesBetween(endOf(hidden), startOf(next)) > 0;
    parts.push_back(breakAfter ? docs_.hardLine() : docs_.text(" "));
    previous = lastComment = hidden;
  }
  if (itemStart && previous != nullptr && (lastComment != nullptr || blankAllowed()) &&
      newlinesBetween(endOf(previous), startOf(next)) >= 2)
    parts.push_back(docs_.blankLine());
  if (nextIndex > 0)
    placed_ = std::max(placed_, static_cast<long>(nextIndex) - 1);
  return docs_.concat(parts);
}

DocId Layout::trailing(antlr4::Token *token) {
  std::vector<DocId> parts;
  for (size_t i = token->getTokenIndex() + 1; i < tokens_.size(); ++i) {
    antlr4::Token *hidden = tokens_.get(i);
    if (hidden->getChannel() != antlr4::Token::HIDDEN_CHANNEL)
      break;
    if (!isComment(hidden->getType())) {
      if (text_.slice(startOf(hidden), endOf(hidden)).contains('\n'))
        break;
      continue;
    }
    llvm::StringRef comment = text_.slice(startOf(hidden), endOf(hidden));
    parts.push_back(docs_.text(" "));
    if (isLineComment(hidden->getType())) {
      parts.push_back(docs_.text(comment.rtrim(" \t\r")));
      parts.push_back(docs_.hardLine());
    } else {
      parts.push_back(docs_.text(comment));
      if (comment.contains('\n'))
        parts.push_back(docs_.hardLine());
    }
    placed_ = static_cast<long>(i);
    if (isLineComment(hidden->getType()))
      break;
  }
  return docs_.concat(parts);
}

DocId Layout::verbatim(antlr4::ParserRuleContext *ctx) {
  antlr4::Token *start = ctx->getStart();
  antlr4::Token *stop = ctx->getStop();
  DocId before = leading(start, false);
  DocId self = docs_.text(text_.slice(startOf(start), endOf(stop)));
  placed_ = static_cast<long>(stop->getTokenIndex());
  if (isItemEnd(stop))
    return docs_.concat({before, self});
  return docs_.concat({before, self, trailing(stop)});
}

bool Layout::isItemEnd(antlr4::Token *token) const {
  return std::find(itemEnds_.begin(), itemEnds_.end(), token->getTokenIndex()) != itemEnds_.end();
}

DocId Layout::item(antlr4::ParserRuleContext *ctx, llvm::function_ref<DocId()> build, DocId separator) {
  antlr4::Token *stop = ctx->getStop();
  itemEnds_.push_back(stop->getTokenIndex());
  DocId self = build();
  itemEnds_.pop_back();
  // The comments after the item's last token, outside the item's groups (an
  // end-of-line comment does not break the item itself) and after its comma.
  if (separator == kNoDoc)
    return docs_.concat({self, trailing(stop)});
  return docs_.concat({self, separator, trailing(stop)});
}

antlr4::Token *Layout::commaAfter(antlr4::ParserRuleContext *ctx) const {
  for (size_t i = ctx->getStop()->getTokenIndex() + 1; i < tokens_.size(); ++i) {
    antlr4::Token *token = tokens_.get(i);
    if (token->getChannel() == antlr4::Token::HIDDEN_CHANNEL)
      continue;
    return token->getType() == L::COMMA ? token : nullptr;
  }
  return nullptr;
}

bool Layout::newlineAfter(antlr4::Token *token) const {
  for (size_t i = token->getTokenIndex() + 1; i < tokens_.size(); ++i) {
    antlr4::Token *next = tokens_.get(i);
    if (next->getChannel() != antlr4::Token::HIDDEN_CHANNEL)
      return newlinesBetween(endOf(token), startOf(next)) > 0;
  }
  return false;
}

} // namespace cairn::format
