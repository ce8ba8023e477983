// Expressions, objects and lists.
#include "format/layout.h"
#include "format/layout_lists.h"

namespace cairn::format {

using antlr4::tree::TerminalNode;

namespace {

template <typename T> bool isPrimary(P::ExprContext *ctx) {
  auto *primary = dynamic_cast<P::PrimaryExprContext *>(ctx);
  return primary != nullptr && dynamic_cast<T *>(primary->primary()) != nullptr;
}

bool isBinary(P::ExprContext *ctx) {
  return dynamic_cast<P::MulExprContext *>(ctx) || dynamic_cast<P::AddExprContext *>(ctx) ||
         dynamic_cast<P::CompareExprContext *>(ctx) || dynamic_cast<P::EqualityExprContext *>(ctx) ||
         dynamic_cast<P::AndExprContext *>(ctx) || dynamic_cast<P::OrExprContext *>(ctx) ||
         dynamic_cast<P::CoalesceExprContext *>(ctx);
}

bool sameLevel(P::ExprContext *a, P::ExprContext *b) { return typeid(*a) == typeid(*b); }

TerminalNode *operatorOf(P::ExprContext *ctx) { return dynamic_cast<TerminalNode *>(ctx->children[1]); }

} // namespace

bool hugsAssignment(P::ExprContext *ctx) {
  return isPrimary<P::ObjectLitContext>(ctx) || isPrimary<P::ListLitContext>(ctx) ||
         isPrimary<P::ListCompContext>(ctx) || isPrimary<P::MapCompContext>(ctx) ||
         isPrimary<P::StringLitContext>(ctx) || dynamic_cast<P::TypedObjectExprContext *>(ctx) ||
         dynamic_cast<P::WithExprContext *>(ctx) || dynamic_cast<P::LambdaExprContext *>(ctx);
}

DocId Layout::expr(P::ExprContext *ctx) {
  DocId space = docs_.text(" ");
  if (auto *e = dynamic_cast<P::PrimaryExprContext *>(ctx))
    return primary(e->primary());
  if (auto *e = dynamic_cast<P::MemberExprContext *>(ctx)) {
    DocId object = expr(e->expr());
    DocId dot = tok(e->DOT());
    return docs_.concat({object, dot, tok(e->name()->getStart())});
  }
  if (auto *e = dynamic_cast<P::OptMemberExprContext *>(ctx)) {
    DocId object = expr(e->expr());
    DocId dot = tok(e->QDOT());
    return docs_.concat({object, dot, tok(e->name()->getStart())});
  }
  if (auto *e = dynamic_cast<P::IndexExprContext *>(ctx)) {
    DocId object = expr(e->expr(0));
    DocId open = tok(e->LBRACK());
    DocId index = expr(e->expr(1));
    return docs_.concat({object, open, index, tok(e->RBRACK())});
  }
  if (auto *e = dynamic_cast<P::CallExprContext *>(ctx)) {
    std::vector<P::ExprContext *> all = e->expr();
    DocId callee = expr(all.front());
    std::vector<P::ExprContext *> args(all.begin() + 1, all.end());
    bool hug = args.size() == 1 && (isPrimary<P::ObjectLitContext>(args[0]) || isPrimary<P::ListLitContext>(args[0]) ||
                                    isPrimary<P::ListCompContext>(args[0]) || isPrimary<P::MapCompContext>(args[0]) ||
                                    dynamic_cast<P::LambdaExprContext *>(args[0]));
    DocId argsDoc = delimited(e->LPAREN(), args, e->RPAREN(), [&](P::ExprContext *a) { return expr(a); }, hug);
    return docs_.concat({callee, argsDoc});
  }
  if (auto *e = dynamic_cast<P::TypedObjectExprContext *>(ctx)) {
    DocId head = expr(e->expr());
    return docs_.concat({head, space, objectBlock(e->LBRACE(), e->objectBody(), e->RBRACE())});
  }
  if (auto *e = dynamic_cast<P::WithExprContext *>(ctx)) {
    DocId head = expr(e->expr());
    DocId with = tok(e->WITH());
    return docs_.concat({head, space, with, space, objectBlock(e->LBRACE(), e->objectBody(), e->RBRACE())});
  }
  if (auto *e = dynamic_cast<P::UnaryExprContext *>(ctx)) {
    DocId op = tok(dynamic_cast<TerminalNode *>(e->children[0]));
    return docs_.concat({op, expr(e->expr())});
  }
  if (isBinary(ctx))
    return binary(ctx);
  if (auto *e = dynamic_cast<P::IfExprContext *>(ctx))
    return ifExpr(e);
  if (auto *e = dynamic_cast<P::LetExprContext *>(ctx))
    return letExpr(e);
  return lambda(static_cast<P::LambdaExprContext *>(ctx));
}

// A chain of operators of one precedence level (`a || b || c`): on one line
// when it fits, otherwise every operator starts an indented line.
DocId Layout::binary(P::ExprContext *ctx) {
  std::vector<std::pair<TerminalNode *, P::ExprContext *>> chain;
  P::ExprContext *first = ctx;
  if (dynamic_cast<P::CoalesceExprContext *>(ctx)) { // right-associative: a ?? (b ?? c)
    first = static_cast<P::ExprContext *>(ctx->children[0]);
    P::ExprContext *current = ctx;
    while (true) {
      auto *right = static_cast<P::ExprContext *>(current->children[2]);
      if (!sameLevel(right, ctx)) {
        chain.push_back({operatorOf(current), right});
        break;
      }
      chain.push_back({operatorOf(current), static_cast<P::ExprContext *>(right->children[0])});
      current = right;
    }
  } else {
    while (sameLevel(first, ctx)) {
      chain.insert(chain.begin(), {operatorOf(first), static_cast<P::ExprContext *>(first->children[2])});
      first = static_cast<P::ExprContext *>(first->children[0]);
    }
  }
  std::vector<DocId> rest;
  DocId head = expr(first);
  for (auto &[op, operand] : chain) {
    rest.push_back(docs_.line());
    rest.push_back(tok(op));
    rest.push_back(docs_.text(" "));
    rest.push_back(expr(operand));
  }
  return docs_.group({head, docs_.indent(rest)});
}

// `if a then b else c`; when it does not fit, every `else` (and `else if`)
// starts a line in the column of the `if`.
DocId Layout::ifExpr(P::IfExprContext *ctx) {
  DocId space = docs_.text(" ");
  std::vector<DocId> parts;
  P::ExprContext *current = ctx;
  while (auto *branch = dynamic_cast<P::IfExprContext *>(current)) {
    if (branch != ctx) {
      parts.push_back(docs_.line());
      parts.push_back(tok(static_cast<P::IfExprContext *>(branch->parent)->ELSE()));
      parts.push_back(space);
    }
    parts.insert(parts.end(), {tok(branch->IF()), space});
    parts.push_back(expr(branch->expr(0)));
    parts.insert(parts.end(), {space, tok(branch->THEN()), space});
    parts.push_back(expr(branch->expr(1)));
    current = branch->expr(2);
  }
  auto *last = static_cast<P::IfExprContext *>(current->parent);
  parts.insert(parts.end(), {docs_.line(), tok(last->ELSE()), space});
  parts.push_back(expr(current));
  return docs_.align({docs_.group(parts)});
}

// `let (x = a)`, then the body on its own line.
DocId Layout::letExpr(P::LetExprContext *ctx) {
  DocId space = docs_.text(" ");
  std::vector<DocId> parts{tok(ctx->LET()), space, tok(ctx->LPAREN()), tok(ctx->IDENT())};
  if (ctx->COLON())
    parts.insert(parts.end(), {tok(ctx->COLON()), space, type(ctx->type())});
  parts.insert(parts.end(), {space, tok(ctx->ASSIGN()), space});
  parts.push_back(expr(ctx->expr(0)));
  parts.push_back(tok(ctx->RPAREN()));
  parts.push_back(docs_.hardLine());
  parts.push_back(expr(ctx->expr(1)));
  return docs_.concat(parts);
}

DocId Layout::lambda(P::LambdaExprContext *ctx) {
  DocId space = docs_.text(" ");
  std::vector<DocId> parts{tok(ctx->FN()), tok(ctx->LPAREN())};
  std::vector<P::LambdaParamContext *> params = ctx->lambdaParam();
  for (size_t i = 0; i < params.size(); ++i) {
    if (i > 0)
      parts.insert(parts.end(), {tok(ctx->COMMA(i - 1)), space});
    parts.push_back(tok(params[i]->IDENT()));
    if (params[i]->COLON())
      parts.insert(parts.end(), {tok(params[i]->COLON()), space, type(params[i]->type())});
  }
  parts.insert(parts.end(), {tok(ctx->RPAREN()), space, tok(ctx->FATARROW())});
  // A `let (...)` body takes several lines: it starts on its own, indented.
  if (dynamic_cast<P::LetExprContext *>(ctx->expr())) {
    DocId body = expr(ctx->expr());
    parts.push_back(docs_.indent({docs_.hardLine(), body}));
  } else {
    parts.push_back(space);
    parts.push_back(expr(ctx->expr()));
  }
  return docs_.concat(parts);
}

DocId Layout::primary(P::PrimaryContext *ctx) {
  if (auto *p = dynamic_cast<P::StringLitContext *>(ctx))
    return verbatim(p->stringLiteral());
  if (auto *p = dynamic_cast<P::ParenExprContext *>(ctx)) {
    DocId open = tok(p->LPAREN());
    DocId inner = expr(p->expr());
    return docs_.concat({open, inner, tok(p->RPAREN())});
  }
  if (auto *p = dynamic_cast<P::ListLitContext *>(ctx)) {
    std::vector<P::ExprContext *> items = p->expr();
    bool hug = items.size() == 1 && isPrimary<P::ObjectLitContext>(items[0]);
    return delimited(p->LBRACK(), items, p->RBRACK(), [&](P::ExprContext *e) { return expr(e); }, hug);
  }
  if (auto *p = dynamic_cast<P::ListCompContext *>(ctx))
    return comprehension(p->LBRACK(), p->forClause(), p->compClause(), p->COLON(),
                         [&] { return expr(p->expr()); }, p->RBRACK());
  if (auto *p = dynamic_cast<P::MapCompContext *>(ctx))
    return comprehension(p->LBRACE(), p->forClause(), p->compClause(), p->COLON(), [&] {
      DocId key = expr(p->expr(0));
      DocId assign = tok(p->ASSIGN());
      return docs_.concat({key, docs_.text(" "), assign, docs_.text(" "), expr(p->expr(1))});
    }, p->RBRACE());
  if (auto *p = dynamic_cast<P::ObjectLitContext *>(ctx))
    return objectBlock(p->LBRACE(), p->objectBody(), p->RBRACE());
  return tok(ctx->getStart()); // literals and names: one token
}

// `[for x in xs if c: body]`; when it does not fit the clauses go inside the
// brackets on their own line, then one clause per line, the body indented.
DocId Layout::comprehension(TerminalNode *open, P::ForClauseContext *first,
                            const std::vector<P::CompClauseContext *> &clauses, TerminalNode *colon,
                            llvm::function_ref<DocId()> body, TerminalNode *close) {
  DocId openDoc = tok(open);
  std::vector<DocId> inner{forClause(first)};
  for (P::CompClauseContext *clause : clauses) {
    inner.push_back(docs_.line());
    if (clause->forClause()) {
      inner.push_back(forClause(clause->forClause()));
    } else {
      DocId keyword = tok(clause->IF());
      inner.push_back(docs_.concat({keyword, docs_.text(" "), expr(clause->expr())}));
    }
  }
  inner.push_back(tok(colon));
  DocId bodyDoc = body();
  inner.push_back(docs_.indent({docs_.line(), bodyDoc}));
  DocId innerDoc = docs_.group(inner);
  DocId closing = leading(close->getSymbol(), false);
  return docs_.group({openDoc, docs_.indent({docs_.softLine(), innerDoc, closing}), docs_.softLine(), tok(close)});
}

DocId Layout::forClause(P::ForClauseContext *ctx) {
  DocId space = docs_.text(" ");
  std::vector<DocId> parts{tok(ctx->FOR()), space, tok(ctx->IDENT(0))};
  if (ctx->COMMA())
    parts.insert(parts.end(), {tok(ctx->COMMA()), space, tok(ctx->IDENT(1))});
  parts.insert(parts.end(), {space, tok(ctx->IN()), space});
  parts.push_back(expr(ctx->expr()));
  return docs_.concat(parts);
}

// `{ a = 1, b = 2 }` when it fits and the author began it on one line;
// otherwise one member per line without commas. An object whose first member
// is on a new line after `{` stays broken (the author's choice, kept).
DocId Layout::objectBlock(TerminalNode *open, P::ObjectBodyContext *body, TerminalNode *close) {
  std::vector<P::MemberContext *> members = body->member();
  bool expanded = newlineAfter(open->getSymbol()) && !members.empty();
  DocId openDoc = tok(open);
  if (members.empty()) {
    bool comments = hasComments(open->getSymbol()->getTokenIndex() + 1, close->getSymbol()->getTokenIndex());
    DocId inside = leading(close->getSymbol(), false);
    return docs_.group({openDoc, docs_.indent({inside}), comments ? docs_.line() : docs_.softLine(), tok(close)});
  }
  std::vector<DocId> inner{docs_.line()};
  for (size_t i = 0; i < members.size(); ++i) {
    inner.push_back(leading(members[i]->getStart(), true));
    bool last = i + 1 == members.size();
    DocId separator = last ? kNoDoc : docs_.ifFlat(",");
    inner.push_back(item(members[i], [&] { return member(members[i]); }, separator));
    inner.push_back(silent(commaAfter(members[i])));
    if (!last)
      inner.push_back(docs_.line());
  }
  inner.push_back(leading(close->getSymbol(), false));
  return docs_.group({openDoc, docs_.indent(inner), docs_.line(), tok(close)}, expanded);
}

DocId Layout::member(P::MemberContext *ctx) {
  DocId key = path(ctx->path());
  if (ctx->ASSIGN())
    return docs_.concat({key, assignment(ctx->ASSIGN(), ctx->expr())});
  return docs_.concat({key, docs_.text(" "), objectBlock(ctx->LBRACE(), ctx->objectBody(), ctx->RBRACE())});
}

DocId Layout::path(P::PathContext *ctx) {
  std::vector<DocId> parts;
  std::vector<P::KeyContext *> keys = ctx->key();
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0)
      parts.push_back(tok(ctx->DOT(i - 1)));
    parts.push_back(keys[i]->stringLiteral() ? verbatim(keys[i]->stringLiteral()) : tok(keys[i]->getStart()));
  }
  return docs_.concat(parts);
}

} // namespace cairn::format
