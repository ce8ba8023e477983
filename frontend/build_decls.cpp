// Declarations: import, param, let, fn, type, schema, emit, policy.
#include "frontend/ast_builder.h"

#include "CairnLexer.h"

namespace cairn {

using P = grammar::CairnParser;

void AstBuilder::buildFile(P::FileContext *ctx) {
  for (P::DeclContext *decl : ctx->decl())
    buildDecl(decl);
}

llvm::StringRef AstBuilder::docCommentBefore(antlr4::ParserRuleContext *ctx) {
  if (ctx == nullptr || ctx->getStart() == nullptr || ctx->getStart()->getTokenIndex() == INVALID_INDEX)
    return {};
  std::vector<antlr4::Token *> hidden = tokens_.getHiddenTokensToLeft(ctx->getStart()->getTokenIndex());
  std::string doc;
  for (antlr4::Token *token : hidden) {
    if (token->getType() != grammar::CairnLexer::DOC_COMMENT)
      continue;
    llvm::StringRef line = text(span(token)).drop_front(3);
    if (line.startswith(" "))
      line = line.drop_front(1);
    doc += line.str();
    doc += '\n';
  }
  if (doc.empty())
    return {};
  doc.pop_back();
  return module_.save(doc);
}

void AstBuilder::buildDecl(P::DeclContext *ctx) {
  Span s = span(ctx);
  llvm::StringRef doc = docCommentBefore(ctx);
  if (auto *c = ctx->importDecl()) {
    module_.addDecl(s, buildImport(c), doc);
  } else if (auto *c = ctx->paramDecl()) {
    ast::ParamDecl d{name(c->IDENT()), buildType(c->type(), s), {}, {}};
    if (P::SecretMarkContext *markCtx = c->secretMark()) {
      ast::Name mark = name(markCtx->IDENT());
      // Without `param` the name was a stray one, reported as a syntax error.
      if (mark.valid() && mark.text != "secret" && !missing(c->PARAM()))
        diags_.report(DiagKind::ExpectedSecretMark, mark.span, mark.text.str());
      else
        d.secretMark = mark.span;
    }
    if (c->expr())
      d.defaultValue = buildExpr(c->expr(), s);
    module_.addDecl(s, std::move(d), doc);
  } else if (auto *c = ctx->letDecl()) {
    ast::LetDecl d{name(c->IDENT()), {}, buildExpr(c->expr(), s)};
    if (c->type())
      d.type = buildType(c->type(), s);
    module_.addDecl(s, std::move(d), doc);
  } else if (auto *c = ctx->fnDecl()) {
    module_.addDecl(s, buildFn(c), doc);
  } else if (auto *c = ctx->typeDecl()) {
    module_.addDecl(s, ast::TypeAliasDecl{name(c->IDENT()), buildType(c->type(), s)}, doc);
  } else if (auto *c = ctx->schemaDecl()) {
    module_.addDecl(s, buildSchema(c), doc);
  } else if (auto *c = ctx->emitDecl()) {
    module_.addDecl(s, ast::EmitDecl{buildExpr(c->expr(), s)}, doc);
  } else if (auto *c = ctx->policyDecl()) {
    module_.addDecl(s, buildPolicy(c), doc);
  }
  // Anything else failed to parse; the syntax error was already reported.
}

ast::ImportDecl AstBuilder::buildImport(P::ImportDeclContext *ctx) {
  ast::ImportDecl d;
  if (P::StringLiteralContext *path = ctx->stringLiteral()) {
    d.pathSpan = span(path);
    ast::StringLit lit = buildStringParts(path);
    if (lit.isConstant())
      d.path = module_.save(lit.constantText());
    else
      diags_.report(DiagKind::InterpolatedImportPath, d.pathSpan);
  } else {
    d.pathSpan = span(ctx);
  }
  if (ctx->AS())
    d.alias = name(ctx->IDENT());
  return d;
}

ast::FnDecl AstBuilder::buildFn(P::FnDeclContext *ctx) {
  Span s = span(ctx);
  ast::FnDecl d;
  d.name = name(ctx->IDENT());
  for (P::FnParamContext *param : ctx->fnParam())
    d.params.push_back({name(param->IDENT()), buildType(param->type(), span(param, s))});
  if (ctx->type())
    d.result = buildType(ctx->type(), s);
  d.body = buildExpr(ctx->expr(), s);
  return d;
}

ast::SchemaDecl AstBuilder::buildSchema(P::SchemaDeclContext *ctx) {
  Span s = span(ctx);
  ast::SchemaDecl d;
  d.name = name(ctx->IDENT());
  if (P::QualifiedNameContext *parent = ctx->qualifiedName()) {
    std::vector<antlr4::tree::TerminalNode *> parts = parent->IDENT();
    if (parts.size() == 2) {
      d.parentQualifier = name(parts[0]);
      d.parent = name(parts[1]);
    } else if (parts.size() == 1) {
      d.parent = name(parts[0]);
    }
  }
  for (P::SchemaMemberContext *member : ctx->schemaMember()) {
    Span ms = span(member, s);
    ParseNodeKind kind = parseNodeKind(member);
    if (kind == ParseNodeKind::SchemaField) {
      auto *field = static_cast<P::SchemaFieldContext *>(member);
      ast::SchemaField f;
      // A quoted name (`"$ref"?: string`) is for fields that are not identifiers.
      f.name = buildKey(field->key());
      f.optional = field->QUESTION() != nullptr;
      f.type = buildType(field->type(), ms);
      if (field->expr())
        f.defaultValue = buildExpr(field->expr(), ms);
      f.span = ms;
      f.docComment = docCommentBefore(member);
      d.fields.push_back(std::move(f));
    } else if (kind == ParseNodeKind::SchemaCheck) {
      auto *check = static_cast<P::SchemaCheckContext *>(member);
      std::vector<P::ExprContext *> exprs = check->expr();
      ast::SchemaCheck c;
      c.cond = buildExpr(exprs.empty() ? nullptr : exprs[0], ms);
      if (exprs.size() > 1)
        c.message = buildExpr(exprs[1], ms);
      c.span = ms;
      d.checks.push_back(c);
    }
  }
  return d;
}

ast::PolicyDecl AstBuilder::buildPolicy(P::PolicyDeclContext *ctx) {
  Span s = span(ctx);
  ast::PolicyDecl d;
  if (P::StringLiteralContext *nameLit = ctx->stringLiteral()) {
    d.nameSpan = span(nameLit, s);
    ast::StringLit lit = buildStringParts(nameLit);
    if (lit.isConstant())
      d.name = module_.save(lit.constantText());
    else
      diags_.report(DiagKind::PolicyNameNotConstant, d.nameSpan);
  }
  ast::Name on = name(ctx->IDENT());
  if (on.valid() && on.text != "on")
    diags_.report(DiagKind::ExpectedPolicyOn, on.span, on.text.str());
  d.target = buildType(ctx->type(), s);
  for (P::PolicyMemberContext *member : ctx->policyMember()) {
    Span ms = span(member, s);
    ParseNodeKind kind = parseNodeKind(member);
    if (kind == ParseNodeKind::PolicyParam) {
      auto *param = static_cast<P::PolicyParamContext *>(member);
      ast::PolicyParam p{name(param->IDENT()), buildType(param->type(), ms), {}, ms};
      if (param->expr())
        p.defaultValue = buildExpr(param->expr(), ms);
      d.params.push_back(p);
    } else if (kind == ParseNodeKind::PolicyCheck) {
      auto *check = static_cast<P::PolicyCheckContext *>(member);
      std::vector<P::ExprContext *> exprs = check->expr();
      ast::PolicyCheck c;
      c.span = ms;
      c.cond = buildExpr(exprs.empty() ? nullptr : exprs[0], ms);
      // `check c at x` has two expressions and an `at`; `check c, "m" at x` three.
      bool hasAt = check->IDENT() != nullptr;
      size_t messageIndex = check->COMMA() ? 1 : SIZE_MAX;
      if (messageIndex < exprs.size())
        c.message = buildExpr(exprs[messageIndex], ms);
      if (hasAt) {
        ast::Name at = name(check->IDENT());
        if (at.valid() && at.text != "at")
          diags_.report(DiagKind::ExpectedCheckAt, at.span, at.text.str());
        if (exprs.size() >= 2)
          c.at = buildExpr(exprs.back(), ms);
      }
      d.checks.push_back(c);
    } else if (kind == ParseNodeKind::PolicySetting) {
      auto *setting = static_cast<P::PolicySettingContext *>(member);
      d.settings.push_back({name(setting->IDENT()), buildExpr(setting->expr(), ms), ms});
    }
  }
  return d;
}

} // namespace cairn
