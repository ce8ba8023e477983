// Parse tree + token stream -> layout document. Every token of the file goes
// through `tok`, in source order, which also places the comments (hidden
// channel tokens) found before and after it, so no comment can be lost:
// comments on their own line stay on their own line (with at most one blank
// line kept before them), comments after code on the same line stay there.
// Internal to format/.
#pragma once

#include <cstddef>
#include <vector>

#include <llvm/ADT/STLFunctionalExtras.h>

#include "CairnLexer.h"
#include "CairnParser.h"
#include "format/doc.h"
#include "frontend/ast_builder.h"

namespace cairn::format {

using P = grammar::CairnParser;
using L = grammar::CairnLexer;

inline constexpr DocId kNoDoc = ~DocId(0);

class Layout {
public:
  Layout(llvm::StringRef text, const OffsetMap &offsets, antlr4::CommonTokenStream &tokens, DocBuilder &docs)
      : text_(text), offsets_(offsets), tokens_(tokens), docs_(docs) {}

  DocId file(P::FileContext *ctx);

private:
  // ---- tokens and comments (layout_tokens.cpp)
  DocId tok(antlr4::tree::TerminalNode *node);
  DocId tok(antlr4::Token *token);
  // The comments before `next` (not yet placed), each on its own line or
  // inline as in the source. `itemStart`: `next` starts a declaration or a
  // member, so a blank line before it (or before its comments) is kept.
  DocId leading(antlr4::Token *next, bool itemStart);
  // Comments on the same line right after `token` (already placed).
  DocId trailing(antlr4::Token *token);
  // A separator token that is not printed (a comma between items): its
  // comments are placed, the comma itself is left to the layout.
  DocId silent(antlr4::Token *token);
  // Builds one declaration, member or list item; its end-of-line comments
  // are placed after it rather than inside its groups.
  // `separator` (a comma) goes between the item and those comments.
  DocId item(antlr4::ParserRuleContext *ctx, llvm::function_ref<DocId()> build, DocId separator = kNoDoc);
  bool isItemEnd(antlr4::Token *token) const;
  // Byte offsets of a token (the token stream counts code points).
  uint32_t startOf(antlr4::Token *token) const;
  uint32_t endOf(antlr4::Token *token) const;
  // The source text of a rule, byte for byte (string literals).
  DocId verbatim(antlr4::ParserRuleContext *ctx);
  // The comma right after `ctx`, or null.
  antlr4::Token *commaAfter(antlr4::ParserRuleContext *ctx) const;
  bool newlineAfter(antlr4::Token *token) const;
  bool hasComments(size_t fromIndex, size_t toIndex) const;
  unsigned newlinesBetween(size_t endOffset, size_t beginOffset) const;

  // ---- declarations and types (layout_decls.cpp)
  DocId decl(P::DeclContext *ctx);
  DocId fnDecl(P::FnDeclContext *ctx);
  DocId schemaDecl(P::SchemaDeclContext *ctx);
  DocId schemaMember(P::SchemaMemberContext *ctx);
  DocId policyDecl(P::PolicyDeclContext *ctx);
  DocId policyMember(P::PolicyMemberContext *ctx);
  DocId check(antlr4::tree::TerminalNode *keyword, P::ExprContext *cond, antlr4::tree::TerminalNode *comma,
              P::ExprContext *message, antlr4::tree::TerminalNode *at, P::ExprContext *location);
  // `{ members }` of a schema or a policy: always one member per line.
  template <typename Member, typename Build>
  DocId memberBlock(antlr4::tree::TerminalNode *open, const std::vector<Member *> &members,
                    antlr4::tree::TerminalNode *close, Build build);
  DocId type(P::TypeContext *ctx);
  DocId typeTokens(antlr4::ParserRuleContext *ctx);
  // ` = value` after a declaration head, a field, a setting or a member.
  DocId assignment(antlr4::tree::TerminalNode *assign, P::ExprContext *value);

  // ---- expressions (layout_exprs.cpp)
  DocId expr(P::ExprContext *ctx);
  DocId binary(P::ExprContext *ctx);
  DocId ifExpr(P::IfExprContext *ctx);
  DocId letExpr(P::LetExprContext *ctx);
  DocId lambda(P::LambdaExprContext *ctx);
  DocId primary(P::PrimaryContext *ctx);
  DocId comprehension(antlr4::tree::TerminalNode *open, P::ForClauseContext *first,
                      const std::vector<P::CompClauseContext *> &clauses, antlr4::tree::TerminalNode *colon,
                      llvm::function_ref<DocId()> body, antlr4::tree::TerminalNode *close);
  DocId forClause(P::ForClauseContext *ctx);
  DocId objectBlock(antlr4::tree::TerminalNode *open, P::ObjectBodyContext *body,
                    antlr4::tree::TerminalNode *close);
  DocId member(P::MemberContext *ctx);
  DocId path(P::PathContext *ctx);
  // `(a, b)` / `[a, b]`: flat when it fits, else one item per line with a
  // trailing comma. A sole object/list argument hugs the brackets.
  template <typename Item, typename Build>
  DocId delimited(antlr4::tree::TerminalNode *open, const std::vector<Item *> &items,
                  antlr4::tree::TerminalNode *close, Build build, bool hug = false);

  llvm::StringRef text_;
  const OffsetMap &offsets_;
  antlr4::CommonTokenStream &tokens_;
  DocBuilder &docs_;
  // Index of the last token whose comments have been placed.
  long placed_ = -1;
  // Last tokens of the items being built (innermost last).
  std::vector<size_t> itemEnds_;
};

bool isComment(size_t tokenType);
// Expressions that keep their first line on the line of the `=` before them
// and break inside their own brackets.
bool hugsAssignment(P::ExprContext *ctx);

} // namespace cairn::format
