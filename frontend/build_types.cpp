// Type expressions: names with refinements, lists, maps, unions, optionals,
// literal types and function types.
#include "frontend/ast_builder.h"

namespace cairn {

using P = grammar::CairnParser;

ast::TypeExprId AstBuilder::buildType(P::TypeContext *ctx, Span fallback) {
  if (ctx == nullptr || ctx->typeTerm().empty())
    return module_.addType(span(ctx, fallback), ast::ErrorType{});
  return buildUnion({}, ctx->typeTerm(), 0, span(ctx));
}

// The members of a union from terms[from] on, after `members`. A function
// type takes every term after it into its result: `A | fn() -> B | C` is
// `A | fn() -> (B | C)`.
ast::TypeExprId AstBuilder::buildUnion(std::vector<ast::TypeExprId> members,
                                       const std::vector<P::TypeTermContext *> &terms, size_t from,
                                       Span unionSpan) {
  for (size_t i = from; i < terms.size(); ++i) {
    P::TypeAtomContext *atom = terms[i]->typeAtom();
    if (parseNodeKind(atom) == ParseNodeKind::FnType) {
      members.push_back(buildFnType(static_cast<P::FnTypeContext *>(atom), terms, i));
      break;
    }
    members.push_back(buildTypeTerm(terms[i]));
  }
  if (members.size() == 1)
    return members[0];
  return module_.addType(unionSpan, ast::UnionType{std::move(members)});
}

ast::TypeExprId AstBuilder::buildTypeTerm(P::TypeTermContext *ctx) {
  ast::TypeExprId inner = buildTypeAtom(ctx->typeAtom());
  // `T??` is the same as `T?`.
  if (!ctx->QUESTION().empty())
    return module_.addType(span(ctx), ast::OptionalType{inner});
  return inner;
}

// `fn(...) -> R` in terms[index]. The grammar gives the function one atom as
// its result; the `?` after it and the terms after it belong to the result
// of the innermost function type, as if the result were a whole type.
ast::TypeExprId AstBuilder::buildFnType(P::FnTypeContext *ctx, const std::vector<P::TypeTermContext *> &terms,
                                        size_t index) {
  Span s = span(ctx).to(span(terms.back()));
  ast::FnType t;
  for (P::TypeContext *param : ctx->type())
    t.params.push_back(buildType(param, s));
  P::TypeAtomContext *result = ctx->typeAtom();
  if (parseNodeKind(result) == ParseNodeKind::FnType) {
    t.result = buildFnType(static_cast<P::FnTypeContext *>(result), terms, index);
    return module_.addType(s, std::move(t));
  }
  if (result == nullptr) {
    t.result = module_.addType(s, ast::ErrorType{});
    return module_.addType(s, std::move(t));
  }
  Span resultSpan = span(result, s);
  t.result = buildTypeAtom(result);
  std::vector<antlr4::tree::TerminalNode *> questions = terms[index]->QUESTION();
  if (!questions.empty())
    t.result = module_.addType(resultSpan.to(span(questions.back())), ast::OptionalType{t.result});
  if (index + 1 < terms.size())
    t.result = buildUnion({t.result}, terms, index + 1, resultSpan.to(span(terms.back())));
  return module_.addType(s, std::move(t));
}

// Any atom but a function type, which buildUnion and buildFnType handle.
ast::TypeExprId AstBuilder::buildTypeAtom(P::TypeAtomContext *ctx) {
  Span s = span(ctx);
  switch (parseNodeKind(ctx)) {
  case ParseNodeKind::NamedType: {
    auto *c = static_cast<P::NamedTypeContext *>(ctx);
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
  case ParseNodeKind::ListType:
    return module_.addType(s, ast::ListType{buildType(static_cast<P::ListTypeContext *>(ctx)->type(), s)});
  case ParseNodeKind::MapType: {
    std::vector<P::TypeContext *> types = static_cast<P::MapTypeContext *>(ctx)->type();
    ast::TypeExprId key = buildType(types.size() > 0 ? types[0] : nullptr, s);
    ast::TypeExprId value = buildType(types.size() > 1 ? types[1] : nullptr, s);
    return module_.addType(s, ast::MapType{key, value});
  }
  case ParseNodeKind::LitType: return buildLiteralType(static_cast<P::LitTypeContext *>(ctx)->literalType());
  case ParseNodeKind::ParenType: return buildType(static_cast<P::ParenTypeContext *>(ctx)->type(), s);
  default: break;
  }
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
    ParseNodeKind kind = parseNodeKind(arg);
    if (kind == ParseNodeKind::RangeArg) {
      auto *range = static_cast<P::RangeArgContext *>(arg);
      r.hasRange = true;
      r.rangeSpan = span(range);
      size_t dots = range->DOTDOT() ? range->DOTDOT()->getSymbol()->getTokenIndex() : 0;
      for (P::BoundContext *bound : range->bound()) {
        bool low = bound->getStart()->getTokenIndex() < dots;
        (low ? r.hasLow : r.hasHigh) = true;
        (low ? r.low : r.high) = buildBound(bound);
      }
    } else if (kind == ParseNodeKind::RegexArg) {
      auto *regex = static_cast<P::RegexArgContext *>(arg);
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
