// Type expressions: names with refinements, lists, maps, unions, optionals,
// literal types and function types.
#include "frontend/ast_builder.h"

namespace cairn {

using P = grammar::CairnParser;

ast::TypeExprId AstBuilder::buildType(P::TypeContext *ctx, Span fallback) {
  if (ctx == nullptr || ctx->typeTerm().empty())
    return module_.addType(span(ctx, fallback), ast::ErrorType{});
  std::vector<P::TypeTermContext *> terms = ctx->typeTerm();
  if (terms.size() == 1)
    return buildTypeTerm(terms[0]);
  ast::UnionType u;
  for (P::TypeTermContext *term : terms)
    u.members.push_back(buildTypeTerm(term));
  return module_.addType(span(ctx), std::move(u));
}

ast::TypeExprId AstBuilder::buildTypeTerm(P::TypeTermContext *ctx) {
  ast::TypeExprId inner = buildTypeAtom(ctx->typeAtom());
  // `T??` is the same as `T?`.
  if (!ctx->QUESTION().empty())
    return module_.addType(span(ctx), ast::OptionalType{inner});
  return inner;
}

ast::TypeExprId AstBuilder::buildTypeAtom(P::TypeAtomContext *ctx) {
  Span s = span(ctx);
  if (auto *c = dynamic_cast<P::NamedTypeContext *>(ctx)) {
    ast::NamedType t;
    std::vector<antlr4::tree::TerminalNode *> parts =
        c->qualifiedName() ? c->qualifiedName()->IDENT() : std::vector<antlr4::tree::TerminalNode *>{};
    if (parts.size() == 2) {
      t.qualifier = name(parts[0]);
      t.name = name(parts[1]);
    } else if (parts.size() == 1) {
      t.name = name(parts[0]);
    }
    if (!t.name.valid())
      return module_.addType(s, ast::ErrorType{});
    if (c->refinement()) {
      t.hasRefinement = true;
      t.refinement = buildRefinement(c->refinement());
    }
    return module_.addType(s, std::move(t));
  }
  if (auto *c = dynamic_cast<P::ListTypeContext *>(ctx))
    return module_.addType(s, ast::ListType{buildType(c->type(), s)});
  if (auto *c = dynamic_cast<P::MapTypeContext *>(ctx)) {
    std::vector<P::TypeContext *> types = c->type();
    ast::TypeExprId key = buildType(types.size() > 0 ? types[0] : nullptr, s);
    ast::TypeExprId value = buildType(types.size() > 1 ? types[1] : nullptr, s);
    return module_.addType(s, ast::MapType{key, value});
  }
  if (auto *c = dynamic_cast<P::LitTypeContext *>(ctx))
    return buildLiteralType(c->literalType());
  if (auto *c = dynamic_cast<P::FnTypeContext *>(ctx)) {
    std::vector<P::TypeContext *> types = c->type();
    ast::FnType t;
    // The last type follows `->`; the ones before are the parameters.
    for (size_t i = 0; i + 1 < types.size(); ++i)
      t.params.push_back(buildType(types[i], s));
    t.result = buildType(types.empty() ? nullptr : types.back(), s);
    return module_.addType(s, std::move(t));
  }
  if (auto *c = dynamic_cast<P::ParenTypeContext *>(ctx))
    return buildType(c->type(), s);
  return module_.addType(s, ast::ErrorType{});
}

ast::TypeExprId AstBuilder::buildLiteralType(P::LiteralTypeContext *ctx) {
  Span s = span(ctx);
  ast::ExprId literal;
  if (ctx == nullptr) {
    return module_.addType(s, ast::ErrorType{});
  } else if (P::StringLiteralContext *str = ctx->stringLiteral()) {
    literal = buildString(str);
    const auto *lit = module_.expr(literal).as<ast::StringLit>();
    if (lit && !lit->isConstant()) {
      diags_.report(DiagKind::InvalidLiteralType, s);
      return module_.addType(s, ast::ErrorType{});
    }
  } else if (ctx->INT()) {
    literal = buildIntLiteral(ctx->INT(), ctx->MINUS() != nullptr, s);
  } else if (ctx->FLOAT()) {
    double value = parseFloat(ctx->FLOAT());
    literal = module_.addExpr(s, ast::FloatLit{ctx->MINUS() ? -value : value});
  } else if (ctx->TRUE() || ctx->FALSE()) {
    literal = module_.addExpr(s, ast::BoolLit{ctx->TRUE() != nullptr});
  } else if (ctx->NULL_()) {
    literal = module_.addExpr(s, ast::NullLit{});
  } else {
    return module_.addType(s, ast::ErrorType{});
  }
  return module_.addType(s, ast::LiteralType{literal});
}

ast::NumberBound AstBuilder::buildBound(P::BoundContext *ctx) {
  ast::NumberBound b;
  bool negate = ctx->MINUS() != nullptr;
  if (ctx->FLOAT()) {
    b.isFloat = true;
    b.floatValue = negate ? -parseFloat(ctx->FLOAT()) : parseFloat(ctx->FLOAT());
  } else if (ctx->INT()) {
    ast::ExprId lit = buildIntLiteral(ctx->INT(), negate);
    if (const auto *i = module_.expr(lit).as<ast::IntLit>())
      b.intValue = i->value;
  }
  return b;
}

ast::Refinement AstBuilder::buildRefinement(P::RefinementContext *ctx) {
  ast::Refinement r;
  r.span = span(ctx);
  for (P::RefineArgContext *arg : ctx->refineArg()) {
    if (auto *range = dynamic_cast<P::RangeArgContext *>(arg)) {
      r.hasRange = true;
      r.rangeSpan = span(range);
      size_t dots = range->DOTDOT() ? range->DOTDOT()->getSymbol()->getTokenIndex() : 0;
      for (P::BoundContext *bound : range->bound()) {
        bool low = bound->getStart()->getTokenIndex() < dots;
        (low ? r.hasLow : r.hasHigh) = true;
        (low ? r.low : r.high) = buildBound(bound);
      }
    } else if (auto *regex = dynamic_cast<P::RegexArgContext *>(arg)) {
      r.regexSpan = span(regex);
      llvm::StringRef raw = text(r.regexSpan);
      if (raw.size() >= 2)
        raw = raw.drop_front().drop_back();
      // `\/` only escapes the delimiter; the regex engine sees a plain `/`.
      std::string pattern;
      for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 1 < raw.size()) {
          if (raw[i + 1] != '/')
            pattern += '\\';
          pattern += raw[++i];
          continue;
        }
        pattern += raw[i];
      }
      r.regex = module_.save(pattern);
      if (r.regex.empty()) // `//` cannot be a regex token, but keep the invariant
        r.regex = module_.save("(?:)");
    }
  }
  return r;
}

} // namespace cairn
