// Parse tree -> AST. Private to frontend/: the ANTLR parse tree never leaves
// this folder. One builder per file; split by construct family into
// build_decls.cpp, build_types.cpp, build_exprs.cpp, build_objects.cpp and
// build_strings.cpp.
#pragma once

#include <vector>

#include "CairnParser.h"
#include "frontend/ast.h"
#include "frontend/diagnostic.h"

namespace cairn {

// ANTLR indexes characters as code points; spans are byte offsets.
class OffsetMap {
public:
  explicit OffsetMap(llvm::StringRef text);
  uint32_t byteOffset(size_t codePointIndex) const {
    if (byteOfCodePoint_.empty())
      return static_cast<uint32_t>(codePointIndex);
    return codePointIndex < byteOfCodePoint_.size() ? byteOfCodePoint_[codePointIndex]
                                                    : byteOfCodePoint_.back();
  }

private:
  std::vector<uint32_t> byteOfCodePoint_; // empty for pure ASCII text
};

// Spans of single tokens, shared by the builder and the syntax-error listener.
struct AstBuilderSpans {
  FileId file;
  const OffsetMap *offsets;
  Span of(antlr4::Token *token) const;
};

// The labeled alternatives (and string parts) of the grammar the builder
// dispatches on. See parseNodeKind.
#define CAIRN_PARSE_NODE_KINDS(X)                                                                                  \
  X(PrimaryExpr) X(MemberExpr) X(OptMemberExpr) X(CallExpr) X(IndexExpr) X(TypedObjectExpr) X(WithExpr)            \
  X(UnaryExpr) X(MulExpr) X(AddExpr) X(CompareExpr) X(EqualityExpr) X(AndExpr) X(OrExpr) X(CoalesceExpr) X(IfExpr) \
  X(LetExpr) X(LambdaExpr) X(IntLit) X(FloatLit) X(TrueLit) X(FalseLit) X(NullLit) X(StringLit) X(NameRef)          \
  X(ParenExpr) X(ListLit) X(ListComp) X(MapComp) X(ObjectLit) X(SchemaField) X(SchemaCheck) X(PolicyParam)          \
  X(PolicyCheck) X(PolicySetting) X(NamedType) X(ListType) X(MapType) X(LitType) X(FnType) X(ParenType)             \
  X(RangeArg) X(RegexArg) X(StrPart) X(MstrPart)

enum class ParseNodeKind : uint8_t {
  Other,
  Token, // a terminal or error node
#define CAIRN_KIND_ENUM(K) K,
  CAIRN_PARSE_NODE_KINDS(CAIRN_KIND_ENUM)
#undef CAIRN_KIND_ENUM
};

// The labeled alternatives of `expr` (PrimaryExpr to LambdaExpr above).
inline bool isExprKind(ParseNodeKind kind) {
  return kind >= ParseNodeKind::PrimaryExpr && kind <= ParseNodeKind::LambdaExpr;
}

// Which of the kinds above `node` is (Other for anything else, or null).
// Measured: the chains of dynamic_casts this replaces were a fifth of
// parsing (a failing dynamic_cast compares type names with strcmp at every
// level of the class hierarchy); this compares type_info addresses, and falls
// back to dynamic_cast only for a type it does not know by address.
ParseNodeKind parseNodeKind(antlr4::tree::ParseTree *node);

// ctx->getToken(type, 0) without a dynamic_cast for every child.
antlr4::tree::TerminalNode *tokenChild(antlr4::ParserRuleContext *ctx, size_t type);

class AstBuilder {
  using P = grammar::CairnParser;

public:
  AstBuilder(ast::Module &module, const SourceManager &sources, const OffsetMap &offsets,
             antlr4::BufferedTokenStream &tokens, DiagnosticSink &diags)
      : module_(module), sources_(sources), offsets_(offsets), tokens_(tokens), diags_(diags) {}

  void buildFile(P::FileContext *ctx);
  ast::ExprId buildExpr(P::ExprContext *ctx, Span fallback);

private:
  // --- declarations (build_decls.cpp)
  void buildDecl(P::DeclContext *ctx);
  ast::ImportDecl buildImport(P::ImportDeclContext *ctx);
  ast::FnDecl buildFn(P::FnDeclContext *ctx);
  ast::SchemaDecl buildSchema(P::SchemaDeclContext *ctx);
  ast::PolicyDecl buildPolicy(P::PolicyDeclContext *ctx);
  llvm::StringRef docCommentBefore(antlr4::ParserRuleContext *ctx);

  // --- types (build_types.cpp)
  ast::TypeExprId buildType(P::TypeContext *ctx, Span fallback);
  ast::TypeExprId buildUnion(std::vector<ast::TypeExprId> members, const std::vector<P::TypeTermContext *> &terms,
                             size_t from, Span unionSpan);
  ast::TypeExprId buildTypeTerm(P::TypeTermContext *ctx);
  ast::TypeExprId buildFnType(P::FnTypeContext *ctx, const std::vector<P::TypeTermContext *> &terms, size_t index);
  ast::TypeExprId buildTypeAtom(P::TypeAtomContext *ctx);
  ast::TypeExprId buildLiteralType(P::LiteralTypeContext *ctx);
  ast::Refinement buildRefinement(P::RefinementContext *ctx);
  ast::NumberBound buildBound(P::BoundContext *ctx);

  // --- expressions (build_exprs.cpp)
  ast::ExprId buildPrimary(P::PrimaryContext *ctx, Span span);
  ast::ExprId buildBinary(P::ExprContext *ctx, ast::BinaryOp op);
  ast::ExprId buildPostfix(P::ExprContext *ctx, ParseNodeKind kind, Span span, bool &handled);
  ast::ExprId buildOperator(P::ExprContext *ctx, ParseNodeKind kind, Span span, bool &handled);
  P::ExprContext *asExpr(antlr4::tree::ParseTree *node) const;
  ast::ExprId buildIntLiteral(antlr4::tree::TerminalNode *node, bool negate, Span s = {});
  double parseFloat(antlr4::tree::TerminalNode *node);
  std::vector<ast::CompClause> buildClauses(P::ForClauseContext *first,
                                            const std::vector<P::CompClauseContext *> &rest);
  ast::LambdaExpr buildLambda(P::LambdaExprContext *ctx);

  // --- objects (build_objects.cpp)
  ast::ExprId buildObject(ast::ExprId typeRef, P::ObjectBodyContext *body,
                          antlr4::tree::TerminalNode *open, antlr4::tree::TerminalNode *close,
                          Span fallback);
  ast::FieldInit buildMember(P::MemberContext *ctx);
  ast::Name buildKey(P::KeyContext *ctx);

  // --- strings (build_strings.cpp)
  ast::ExprId buildString(P::StringLiteralContext *ctx);
  ast::StringLit buildStringParts(P::StringLiteralContext *ctx);
  void appendEscape(antlr4::tree::TerminalNode *node, std::string &out);

  // --- spans and names
  Span span(antlr4::ParserRuleContext *ctx, Span fallback = {}) const;
  Span span(antlr4::Token *token) const;
  Span span(antlr4::tree::TerminalNode *node) const;
  static bool missing(antlr4::tree::TerminalNode *node);
  ast::Name name(antlr4::tree::TerminalNode *node) const;
  ast::Name name(P::NameContext *ctx) const;
  ast::Name name(P::FieldNameContext *ctx) const;
  ast::Name tokenName(antlr4::ParserRuleContext *ctx) const; // a rule of one token
  llvm::StringRef text(Span s) const { return sources_.text(s); }
  ast::ExprId error(Span s) { return module_.addExpr(s, ast::ErrorExpr{}); }

  ast::Module &module_;
  const SourceManager &sources_;
  const OffsetMap &offsets_;
  antlr4::BufferedTokenStream &tokens_;
  DiagnosticSink &diags_;
};

} // namespace cairn
