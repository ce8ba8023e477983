// Object bodies: `key = value`, `a.b.c = value` and blocks `key { ... }`.
#include "frontend/ast_builder.h"

namespace cairn {

using P = grammar::CairnParser;

ast::ExprId AstBuilder::buildObject(ast::ExprId typeRef, P::ObjectBodyContext *body,
                                    antlr4::tree::TerminalNode *open,
                                    antlr4::tree::TerminalNode *close, Span fallback) {
  ast::ObjectLit object;
  object.typeRef = typeRef;
  Span openSpan = missing(open) ? fallback : span(open);
  object.bodySpan = missing(close) ? openSpan.to(span(body, openSpan)) : openSpan.to(span(close));
  if (body)
    for (P::MemberContext *member : body->member())
      object.fields.push_back(buildMember(member));
  Span whole = typeRef.valid() ? module_.expr(typeRef).span.to(object.bodySpan) : object.bodySpan;
  return module_.addExpr(whole, std::move(object));
}

ast::Name AstBuilder::buildKey(P::KeyContext *ctx) {
  if (ctx == nullptr)
    return {};
  if (ctx->fieldName())
    return name(ctx->fieldName());
  if (ctx->WITH())
    return name(ctx->WITH());
  if (P::StringLiteralContext *str = ctx->stringLiteral()) {
    Span s = span(str);
    ast::StringLit lit = buildStringParts(str);
    if (!lit.isConstant()) {
      diags_.report(DiagKind::InterpolatedKey, s);
      return {{}, s};
    }
    // An empty key stays an invalid name: the checker reports it as unknown.
    return {module_.save(lit.constantText()), s};
  }
  return {{}, span(ctx)};
}

ast::FieldInit AstBuilder::buildMember(P::MemberContext *ctx) {
  ast::FieldInit field;
  field.span = span(ctx);
  P::PathContext *path = ctx->path();
  if (antlr4::tree::TerminalNode *open = tokenChild(ctx, P::LBRACE)) {
    field.block = true;
    field.value = buildObject({}, ctx->objectBody(), open, tokenChild(ctx, P::RBRACE), field.span);
  } else {
    field.value = buildExpr(ctx->expr(), field.span);
  }
  if (path)
    for (P::KeyContext *key : path->key())
      field.path.push_back(buildKey(key));
  if (field.path.empty())
    field.path.push_back({{}, field.span});
  return field;
}

} // namespace cairn
