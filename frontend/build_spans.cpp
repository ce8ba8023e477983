// Spans and names from parse-tree nodes.
#include "frontend/ast_builder.h"

#include <llvm/Support/ConvertUTF.h>

namespace cairn {

OffsetMap::OffsetMap(llvm::StringRef text) {
  bool ascii = true;
  for (unsigned char c : text)
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii)
    return;
  for (uint32_t i = 0; i < text.size();) {
    byteOfCodePoint_.push_back(i);
    unsigned char c = static_cast<unsigned char>(text[i]);
    unsigned length = llvm::getNumBytesForUTF8(c);
    i += length == 0 ? 1 : length;
  }
  byteOfCodePoint_.push_back(static_cast<uint32_t>(text.size()));
}

bool AstBuilder::missing(antlr4::tree::TerminalNode *node) {
  return node == nullptr || node->getSymbol() == nullptr ||
         node->getSymbol()->getStartIndex() == INVALID_INDEX ||
         node->getSymbol()->getType() == antlr4::Token::EOF;
}

Span AstBuilderSpans::of(antlr4::Token *token) const {
  if (token == nullptr || token->getStartIndex() == INVALID_INDEX)
    return {file, 0, 0};
  uint32_t begin = offsets->byteOffset(token->getStartIndex());
  if (token->getType() == antlr4::Token::EOF)
    return {file, begin, begin};
  return {file, begin, offsets->byteOffset(token->getStopIndex() + 1)};
}

Span AstBuilder::span(antlr4::Token *token) const {
  return AstBuilderSpans{module_.file(), &offsets_}.of(token);
}

Span AstBuilder::span(antlr4::tree::TerminalNode *node) const {
  return node ? span(node->getSymbol()) : Span{module_.file(), 0, 0};
}

Span AstBuilder::span(antlr4::ParserRuleContext *ctx, Span fallback) const {
  if (ctx == nullptr || ctx->getStart() == nullptr)
    return fallback.valid() ? fallback : Span{module_.file(), 0, 0};
  Span first = span(ctx->getStart());
  antlr4::Token *stop = ctx->getStop();
  if (stop == nullptr || stop->getStartIndex() == INVALID_INDEX ||
      stop->getTokenIndex() < ctx->getStart()->getTokenIndex())
    return first;
  return first.to(span(stop));
}

ast::Name AstBuilder::name(antlr4::tree::TerminalNode *node) const {
  if (missing(node))
    return {{}, node ? span(node) : Span{module_.file(), 0, 0}};
  Span s = span(node);
  return {text(s), s};
}

// `name` and `fieldName` hold one token.
ast::Name AstBuilder::name(P::NameContext *ctx) const { return tokenName(ctx); }
ast::Name AstBuilder::name(P::FieldNameContext *ctx) const { return tokenName(ctx); }

ast::Name AstBuilder::tokenName(antlr4::ParserRuleContext *ctx) const {
  if (ctx == nullptr || ctx->getStart() == nullptr || ctx->children.empty())
    return {{}, span(ctx)};
  return name(dynamic_cast<antlr4::tree::TerminalNode *>(ctx->children[0]));
}

} // namespace cairn
