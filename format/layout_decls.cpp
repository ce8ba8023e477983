// Declarations, schema and policy members, and types.
#include "format/layout.h"
#include "format/layout_lists.h"

namespace cairn::format {

using antlr4::tree::TerminalNode;

DocId Layout::file(P::FileContext *ctx) {
  std::vector<DocId> parts;
  for (P::DeclContext *decl : ctx->decl()) {
    parts.push_back(docs_.hardLine());
    parts.push_back(leading(decl->getStart(), true));
    parts.push_back(item(decl, [&] { return this->decl(decl); }));
  }
  parts.push_back(docs_.hardLine());
  parts.push_back(tok(ctx->EOF()));
  return docs_.concat(parts);
}

DocId Layout::decl(P::DeclContext *ctx) {
  DocId space = docs_.text(" ");
  if (auto *d = ctx->importDecl()) {
    std::vector<DocId> parts{tok(d->IMPORT()), space, verbatim(d->stringLiteral())};
    if (d->AS())
      parts.insert(parts.end(), {space, tok(d->AS()), space, tok(d->IDENT())});
    return docs_.concat(parts);
  }
  if (auto *d = ctx->paramDecl()) {
    std::vector<DocId> parts;
    if (P::SecretMarkContext *mark = d->secretMark())
      parts.insert(parts.end(), {tok(mark->IDENT()), space});
    parts.insert(parts.end(), {tok(d->PARAM()), space, tok(d->IDENT()), tok(d->COLON()), space, type(d->type())});
    if (d->ASSIGN())
      parts.push_back(assignment(d->ASSIGN(), d->expr()));
    return docs_.concat(parts);
  }
  if (auto *d = ctx->letDecl()) {
    std::vector<DocId> parts{tok(d->LET()), space, tok(d->IDENT())};
    if (d->COLON())
      parts.insert(parts.end(), {tok(d->COLON()), space, type(d->type())});
    parts.push_back(assignment(d->ASSIGN(), d->expr()));
    return docs_.concat(parts);
  }
  if (auto *d = ctx->fnDecl())
    return fnDecl(d);
  if (auto *d = ctx->typeDecl())
    return docs_.concat({tok(d->TYPE()), space, tok(d->IDENT()), space, tok(d->ASSIGN()), space, type(d->type())});
  if (auto *d = ctx->schemaDecl())
    return schemaDecl(d);
  if (auto *d = ctx->emitDecl())
    return docs_.concat({tok(d->EMIT()), space, expr(d->expr())});
  return policyDecl(ctx->policyDecl());
}

DocId Layout::fnDecl(P::FnDeclContext *ctx) {
  DocId space = docs_.text(" ");
  std::vector<DocId> parts{tok(ctx->FN()), space, tok(ctx->IDENT())};
  parts.push_back(delimited(ctx->LPAREN(), ctx->fnParam(), ctx->RPAREN(), [&](P::FnParamContext *param) {
    return docs_.concat({tok(param->IDENT()), tok(param->COLON()), docs_.text(" "), type(param->type())});
  }));
  if (ctx->COLON())
    parts.insert(parts.end(), {tok(ctx->COLON()), space, type(ctx->type())});
  parts.push_back(assignment(ctx->ASSIGN(), ctx->expr()));
  return docs_.concat(parts);
}

DocId Layout::assignment(TerminalNode *assign, P::ExprContext *value) {
  DocId space = docs_.text(" ");
  DocId op = tok(assign);
  // A comment between `=` and the value puts the value on its own lines.
  bool comments = hasComments(assign->getSymbol()->getTokenIndex() + 1, value->getStart()->getTokenIndex());
  if (hugsAssignment(value) && !comments)
    return docs_.concat({space, op, space, expr(value)});
  if (dynamic_cast<P::CallExprContext *>(value))
    return docs_.concat({space, op, docs_.assignedValue(expr(value))});
  DocId valueDoc = expr(value);
  return docs_.concat({space, op, docs_.group({docs_.indent({docs_.line(), valueDoc})})});
}

DocId Layout::schemaDecl(P::SchemaDeclContext *ctx) {
  DocId space = docs_.text(" ");
  std::vector<DocId> parts{tok(ctx->SCHEMA()), space, tok(ctx->IDENT())};
  if (ctx->EXTENDS())
    parts.insert(parts.end(), {space, tok(ctx->EXTENDS()), space, typeTokens(ctx->qualifiedName())});
  parts.push_back(space);
  parts.push_back(memberBlock(ctx->LBRACE(), ctx->schemaMember(), ctx->RBRACE(),
                              [&](P::SchemaMemberContext *m) { return schemaMember(m); }));
  return docs_.concat(parts);
}

DocId Layout::schemaMember(P::SchemaMemberContext *ctx) {
  if (auto *check = dynamic_cast<P::SchemaCheckContext *>(ctx))
    return this->check(check->CHECK(), check->expr(0), check->COMMA(), check->COMMA() ? check->expr(1) : nullptr,
                       nullptr, nullptr);
  auto *field = static_cast<P::SchemaFieldContext *>(ctx);
  P::KeyContext *key = field->key();
  std::vector<DocId> parts{key->stringLiteral() ? verbatim(key->stringLiteral()) : tok(key->getStart())};
  if (field->QUESTION())
    parts.push_back(tok(field->QUESTION()));
  parts.insert(parts.end(), {tok(field->COLON()), docs_.text(" "), type(field->type())});
  if (field->ASSIGN())
    parts.push_back(assignment(field->ASSIGN(), field->expr()));
  return docs_.concat(parts);
}

DocId Layout::policyDecl(P::PolicyDeclContext *ctx) {
  DocId space = docs_.text(" ");
  return docs_.concat({tok(ctx->POLICY()), space, verbatim(ctx->stringLiteral()), space, tok(ctx->IDENT()), space,
                       type(ctx->type()), space,
                       memberBlock(ctx->LBRACE(), ctx->policyMember(), ctx->RBRACE(),
                                   [&](P::PolicyMemberContext *m) { return policyMember(m); })});
}

DocId Layout::policyMember(P::PolicyMemberContext *ctx) {
  DocId space = docs_.text(" ");
  if (auto *param = dynamic_cast<P::PolicyParamContext *>(ctx)) {
    std::vector<DocId> parts{tok(param->PARAM()), space, tok(param->IDENT()), tok(param->COLON()), space,
                             type(param->type())};
    if (param->ASSIGN())
      parts.push_back(assignment(param->ASSIGN(), param->expr()));
    return docs_.concat(parts);
  }
  if (auto *setting = dynamic_cast<P::PolicySettingContext *>(ctx))
    return docs_.concat({tok(setting->IDENT()), assignment(setting->ASSIGN(), setting->expr())});
  auto *check = static_cast<P::PolicyCheckContext *>(ctx);
  std::vector<P::ExprContext *> exprs = check->expr();
  P::ExprContext *message = check->COMMA() ? exprs[1] : nullptr;
  P::ExprContext *location = check->IDENT() ? exprs.back() : nullptr;
  return this->check(check->CHECK(), exprs[0], check->COMMA(), message, check->IDENT(), location);
}

// `check cond, message at location`: on one line when it fits, otherwise the
// message and the location each on their own line, indented.
DocId Layout::check(TerminalNode *keyword, P::ExprContext *cond, TerminalNode *comma, P::ExprContext *message,
                    TerminalNode *at, P::ExprContext *location) {
  std::vector<DocId> parts{tok(keyword), docs_.text(" "), expr(cond)};
  if (comma) {
    DocId commaDoc = tok(comma);
    parts.push_back(commaDoc);
    parts.push_back(docs_.indent({docs_.line(), expr(message)}));
  }
  if (at) {
    DocId atDoc = tok(at);
    parts.push_back(docs_.indent({docs_.line(), atDoc, docs_.text(" "), expr(location)}));
  }
  return docs_.group(parts);
}

// A union that does not fit goes one alternative per line, each after `| `.
DocId Layout::type(P::TypeContext *ctx) {
  std::vector<P::TypeTermContext *> terms = ctx->typeTerm();
  if (terms.size() == 1)
    return typeTokens(terms.front());
  std::vector<DocId> rest;
  DocId first = typeTokens(terms.front());
  for (size_t i = 1; i < terms.size(); ++i) {
    rest.push_back(docs_.line());
    rest.push_back(tok(ctx->PIPE(i - 1)));
    rest.push_back(docs_.text(" "));
    rest.push_back(typeTokens(terms[i]));
  }
  return docs_.group({first, docs_.indent(rest)});
}

namespace {

bool spaceBefore(size_t type) { return type == L::PIPE || type == L::ARROW; }
bool spaceAfter(size_t type) {
  return type == L::PIPE || type == L::ARROW || type == L::COMMA || type == L::COLON;
}

} // namespace

// Types are printed token by token: spaces around `|` and `->`, after `,`
// and `:`, nowhere else; string literal types byte for byte.
DocId Layout::typeTokens(antlr4::ParserRuleContext *ctx) {
  std::vector<DocId> parts;
  size_t previous = 0;
  std::vector<antlr4::tree::ParseTree *> pending{ctx};
  while (!pending.empty()) {
    antlr4::tree::ParseTree *node = pending.back();
    pending.pop_back();
    if (auto *terminal = dynamic_cast<TerminalNode *>(node)) {
      size_t type = terminal->getSymbol()->getType();
      if (previous != 0 && (spaceBefore(type) || spaceAfter(previous)))
        parts.push_back(docs_.text(" "));
      parts.push_back(tok(terminal));
      previous = type;
      continue;
    }
    if (auto *string = dynamic_cast<P::StringLiteralContext *>(node)) {
      if (previous != 0 && spaceAfter(previous))
        parts.push_back(docs_.text(" "));
      parts.push_back(verbatim(string));
      previous = L::STR_CLOSE;
      continue;
    }
    for (auto it = node->children.rbegin(); it != node->children.rend(); ++it)
      pending.push_back(*it);
  }
  return docs_.concat(parts);
}

} // namespace cairn::format
