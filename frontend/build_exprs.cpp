// Expressions: literals, names, operators, calls, member access, comprehensions,
// conditionals, `let ... in`, lambdas.
#include "frontend/cairn_text.h"
#include "frontend/ast_builder.h"

#include <cstdlib>

#include "CairnLexer.h"

namespace cairn {

using P = grammar::CairnParser;
using L = grammar::CairnLexer;

ast::ExprId AstBuilder::buildExpr(P::ExprContext *ctx, Span fallback) {
  if (ctx == nullptr || ctx->children.empty())
    return error(span(ctx, fallback));
  Span s = span(ctx, fallback);
  ParseNodeKind kind = parseNodeKind(ctx);
  if (kind == ParseNodeKind::PrimaryExpr)
    return buildPrimary(static_cast<P::PrimaryExprContext *>(ctx)->primary(), s);
  bool handled = false;
  ast::ExprId id = buildPostfix(ctx, kind, s, handled);
  if (handled)
    return id;
  id = buildOperator(ctx, kind, s, handled);
  if (handled)
    return id;
  return error(s);
}

// An `expr` child, or null.
P::ExprContext *AstBuilder::asExpr(antlr4::tree::ParseTree *node) const {
  ParseNodeKind kind = parseNodeKind(node);
  if (isExprKind(kind))
    return static_cast<P::ExprContext *>(node);
  return kind == ParseNodeKind::Other ? dynamic_cast<P::ExprContext *>(node) : nullptr;
}

// Member access, indexing, calls, typed object literals and `with`.
ast::ExprId AstBuilder::buildPostfix(P::ExprContext *ctx, ParseNodeKind kind, Span s, bool &handled) {
  handled = true;
  switch (kind) {
  case ParseNodeKind::MemberExpr: {
    auto *c = static_cast<P::MemberExprContext *>(ctx);
    return module_.addExpr(s, ast::MemberExpr{buildExpr(c->expr(), s), name(c->name()), false});
  }
  case ParseNodeKind::OptMemberExpr: {
    auto *c = static_cast<P::OptMemberExprContext *>(ctx);
    return module_.addExpr(s, ast::MemberExpr{buildExpr(c->expr(), s), name(c->name()), true});
  }
  case ParseNodeKind::CallExpr: {
    std::vector<P::ExprContext *> exprs = static_cast<P::CallExprContext *>(ctx)->expr();
    ast::CallExpr call{buildExpr(exprs.empty() ? nullptr : exprs[0], s), {}};
    for (size_t i = 1; i < exprs.size(); ++i)
      call.args.push_back(buildExpr(exprs[i], s));
    return module_.addExpr(s, std::move(call));
  }
  case ParseNodeKind::IndexExpr: {
    std::vector<P::ExprContext *> exprs = static_cast<P::IndexExprContext *>(ctx)->expr();
    ast::ExprId object = buildExpr(exprs.size() > 0 ? exprs[0] : nullptr, s);
    ast::ExprId index = buildExpr(exprs.size() > 1 ? exprs[1] : nullptr, s);
    return module_.addExpr(s, ast::IndexExpr{object, index});
  }
  case ParseNodeKind::TypedObjectExpr: {
    auto *c = static_cast<P::TypedObjectExprContext *>(ctx);
    ast::ExprId typeRef = buildExpr(c->expr(), s);
    return buildObject(typeRef, c->objectBody(), tokenChild(c, P::LBRACE), tokenChild(c, P::RBRACE), s);
  }
  case ParseNodeKind::WithExpr: {
    auto *c = static_cast<P::WithExprContext *>(ctx);
    ast::ExprId base = buildExpr(c->expr(), s);
    ast::ExprId overrides = buildObject({}, c->objectBody(), tokenChild(c, P::LBRACE), tokenChild(c, P::RBRACE), s);
    return module_.addExpr(s, ast::WithExpr{base, overrides});
  }
  default: break;
  }
  handled = false;
  return {};
}

ast::ExprId AstBuilder::buildBinary(P::ExprContext *ctx, ast::BinaryOp op) {
  Span s = span(ctx);
  std::vector<P::ExprContext *> operands;
  for (antlr4::tree::ParseTree *child : ctx->children)
    if (P::ExprContext *e = asExpr(child))
      operands.push_back(e);
  Span opSpan = s;
  if (ctx->children.size() >= 2 && parseNodeKind(ctx->children[1]) == ParseNodeKind::Token)
    if (auto *t = dynamic_cast<antlr4::tree::TerminalNode *>(ctx->children[1]))
      opSpan = span(t);
  ast::ExprId lhs = buildExpr(operands.size() > 0 ? operands[0] : nullptr, s);
  ast::ExprId rhs = buildExpr(operands.size() > 1 ? operands[1] : nullptr, opSpan);
  return module_.addExpr(s, ast::BinaryExpr{op, lhs, rhs, opSpan});
}

static ast::BinaryOp binaryOpOf(size_t tokenType) {
  switch (tokenType) {
  case L::STAR: return ast::BinaryOp::Mul;
  case L::SLASH: return ast::BinaryOp::Div;
  case L::PERCENT: return ast::BinaryOp::Mod;
  case L::PLUS: return ast::BinaryOp::Add;
  case L::MINUS: return ast::BinaryOp::Sub;
  case L::LT: return ast::BinaryOp::Lt;
  case L::LE: return ast::BinaryOp::Le;
  case L::GT: return ast::BinaryOp::Gt;
  case L::GE: return ast::BinaryOp::Ge;
  case L::EQEQ: return ast::BinaryOp::Eq;
  case L::NEQ: return ast::BinaryOp::Ne;
  case L::ANDAND: return ast::BinaryOp::And;
  case L::OROR: return ast::BinaryOp::Or;
  default: return ast::BinaryOp::Coalesce;
  }
}

ast::ExprId AstBuilder::buildOperator(P::ExprContext *ctx, ParseNodeKind kind, Span s, bool &handled) {
  handled = true;
  switch (kind) {
  case ParseNodeKind::MulExpr:
  case ParseNodeKind::AddExpr:
  case ParseNodeKind::CompareExpr:
  case ParseNodeKind::EqualityExpr:
  case ParseNodeKind::AndExpr:
  case ParseNodeKind::OrExpr:
  case ParseNodeKind::CoalesceExpr: {
    size_t type = 0;
    if (ctx->children.size() >= 2 && parseNodeKind(ctx->children[1]) == ParseNodeKind::Token)
      if (auto *t = dynamic_cast<antlr4::tree::TerminalNode *>(ctx->children[1]))
        type = t->getSymbol()->getType();
    return buildBinary(ctx, binaryOpOf(type));
  }
  case ParseNodeKind::UnaryExpr: {
    auto *c = static_cast<P::UnaryExprContext *>(ctx);
    ast::UnaryOp op = c->BANG() ? ast::UnaryOp::Not : ast::UnaryOp::Neg;
    Span opSpan = span(c->BANG() ? c->BANG() : c->MINUS());
    // Fold `-123` into one literal so that the smallest int64 can be written.
    P::ExprContext *operand = c->expr();
    if (op == ast::UnaryOp::Neg && parseNodeKind(operand) == ParseNodeKind::PrimaryExpr) {
      P::PrimaryContext *primary = static_cast<P::PrimaryExprContext *>(operand)->primary();
      if (parseNodeKind(primary) == ParseNodeKind::IntLit)
        return buildIntLiteral(static_cast<P::IntLitContext *>(primary)->INT(), true, s);
    }
    return module_.addExpr(s, ast::UnaryExpr{op, buildExpr(operand, s), opSpan});
  }
  case ParseNodeKind::IfExpr: {
    std::vector<P::ExprContext *> e = static_cast<P::IfExprContext *>(ctx)->expr();
    ast::IfExpr x{buildExpr(e.size() > 0 ? e[0] : nullptr, s), buildExpr(e.size() > 1 ? e[1] : nullptr, s),
                  buildExpr(e.size() > 2 ? e[2] : nullptr, s)};
    return module_.addExpr(s, x);
  }
  case ParseNodeKind::LetExpr: {
    auto *c = static_cast<P::LetExprContext *>(ctx);
    std::vector<P::ExprContext *> e = c->expr();
    ast::LetExpr x{name(c->IDENT()), {}, buildExpr(e.size() > 0 ? e[0] : nullptr, s),
                   buildExpr(e.size() > 1 ? e[1] : nullptr, s)};
    if (c->type())
      x.type = buildType(c->type(), s);
    return module_.addExpr(s, std::move(x));
  }
  case ParseNodeKind::LambdaExpr: return module_.addExpr(s, buildLambda(static_cast<P::LambdaExprContext *>(ctx)));
  default: break;
  }
  handled = false;
  return {};
}

ast::LambdaExpr AstBuilder::buildLambda(P::LambdaExprContext *ctx) {
  Span s = span(ctx);
  ast::LambdaExpr lambda;
  for (P::LambdaParamContext *param : ctx->lambdaParam()) {
    ast::LambdaParam p{name(param->IDENT()), {}};
    if (param->type())
      p.type = buildType(param->type(), s);
    lambda.params.push_back(p);
  }
  lambda.body = buildExpr(ctx->expr(), s);
  return lambda;
}

ast::ExprId AstBuilder::buildIntLiteral(antlr4::tree::TerminalNode *node, bool negate, Span s) {
  if (!s.valid())
    s = span(node);
  llvm::StringRef raw = text(span(node));
  std::string digits;
  for (char c : raw)
    if (c != '_')
      digits += c;
  llvm::StringRef ref(digits);
  unsigned radix = 10;
  if (ref.startswith("0x") || ref.startswith("0X")) {
    ref = ref.drop_front(2);
    radix = 16;
  }
  uint64_t magnitude = 0;
  bool tooBig = ref.getAsInteger(radix, magnitude) ||
                magnitude > (negate ? uint64_t(INT64_MAX) + 1 : uint64_t(INT64_MAX));
  if (tooBig) {
    diags_.report(DiagKind::NumberOutOfRange, s, clipForMessage((negate ? "-" : "") + raw.str()))
        .withHint("integers are 64-bit: from -9223372036854775808 to 9223372036854775807");
    return error(s);
  }
  int64_t value = negate ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  return module_.addExpr(s, ast::IntLit{value});
}

double AstBuilder::parseFloat(antlr4::tree::TerminalNode *node) {
  std::string digits;
  for (char c : text(span(node)))
    if (c != '_')
      digits += c;
  return std::strtod(digits.c_str(), nullptr);
}

std::vector<ast::CompClause>
AstBuilder::buildClauses(P::ForClauseContext *first, const std::vector<P::CompClauseContext *> &rest) {
  std::vector<ast::CompClause> clauses;
  auto addFor = [&](P::ForClauseContext *f) {
    ast::CompClause clause{ast::CompClause::For, {}, {}, {}, span(f)};
    std::vector<antlr4::tree::TerminalNode *> vars = f->IDENT();
    if (vars.size() > 0)
      clause.first = name(vars[0]);
    if (vars.size() > 1)
      clause.second = name(vars[1]);
    clause.expr = buildExpr(f->expr(), clause.span);
    clauses.push_back(clause);
  };
  if (first)
    addFor(first);
  for (P::CompClauseContext *c : rest) {
    if (c->forClause())
      addFor(c->forClause());
    else
      clauses.push_back({ast::CompClause::If, {}, {}, buildExpr(c->expr(), span(c)), span(c)});
  }
  return clauses;
}

ast::ExprId AstBuilder::buildPrimary(P::PrimaryContext *ctx, Span s) {
  if (ctx == nullptr)
    return error(s);
  s = span(ctx, s);
  switch (parseNodeKind(ctx)) {
  case ParseNodeKind::NameRef: {
    ast::Name n = name(static_cast<P::NameRefContext *>(ctx)->IDENT());
    return n.valid() ? module_.addExpr(s, ast::NameRef{n}) : error(s);
  }
  case ParseNodeKind::IntLit: return buildIntLiteral(static_cast<P::IntLitContext *>(ctx)->INT(), false);
  case ParseNodeKind::StringLit: return buildString(static_cast<P::StringLitContext *>(ctx)->stringLiteral());
  case ParseNodeKind::ParenExpr: return buildExpr(static_cast<P::ParenExprContext *>(ctx)->expr(), s);
  case ParseNodeKind::ObjectLit: {
    auto *c = static_cast<P::ObjectLitContext *>(ctx);
    return buildObject({}, c->objectBody(), tokenChild(c, P::LBRACE), tokenChild(c, P::RBRACE), s);
  }
  case ParseNodeKind::ListLit: {
    ast::ListLit list;
    for (P::ExprContext *e : static_cast<P::ListLitContext *>(ctx)->expr())
      list.items.push_back(buildExpr(e, s));
    return module_.addExpr(s, std::move(list));
  }
  case ParseNodeKind::ListComp: {
    auto *c = static_cast<P::ListCompContext *>(ctx);
    ast::ListComp comp{buildClauses(c->forClause(), c->compClause()), {}};
    comp.body = buildExpr(c->expr(), s);
    return module_.addExpr(s, std::move(comp));
  }
  case ParseNodeKind::MapComp: {
    auto *c = static_cast<P::MapCompContext *>(ctx);
    ast::MapComp comp{buildClauses(c->forClause(), c->compClause()), {}, {}};
    std::vector<P::ExprContext *> e = c->expr();
    comp.key = buildExpr(e.size() > 0 ? e[0] : nullptr, s);
    comp.value = buildExpr(e.size() > 1 ? e[1] : nullptr, s);
    return module_.addExpr(s, std::move(comp));
  }
  case ParseNodeKind::FloatLit:
    return module_.addExpr(s, ast::FloatLit{parseFloat(static_cast<P::FloatLitContext *>(ctx)->FLOAT())});
  case ParseNodeKind::TrueLit: return module_.addExpr(s, ast::BoolLit{true});
  case ParseNodeKind::FalseLit: return module_.addExpr(s, ast::BoolLit{false});
  case ParseNodeKind::NullLit: return module_.addExpr(s, ast::NullLit{});
  default: break;
  }
  return error(s);
}

} // namespace cairn
