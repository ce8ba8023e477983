// parseNodeKind: the kind of a parse-tree node, without dynamic_cast chains.
#include <typeinfo>

#include "frontend/ast_builder.h"

namespace cairn {

using P = grammar::CairnParser;

namespace {

struct KnownType {
  const std::type_info *type;
  ParseNodeKind kind;
};

const KnownType kKnownTypes[] = {
#define CAIRN_KIND_ENTRY(K) {&typeid(P::K##Context), ParseNodeKind::K},
    CAIRN_PARSE_NODE_KINDS(CAIRN_KIND_ENTRY)
#undef CAIRN_KIND_ENTRY
    // Tokens, and rules left unlabeled after an error.
    {&typeid(antlr4::tree::TerminalNodeImpl), ParseNodeKind::Token},
    {&typeid(antlr4::tree::ErrorNodeImpl), ParseNodeKind::Token},
    {&typeid(P::ExprContext), ParseNodeKind::Other},
    {&typeid(P::PrimaryContext), ParseNodeKind::Other},
    {&typeid(P::TypeAtomContext), ParseNodeKind::Other},
    {&typeid(P::SchemaMemberContext), ParseNodeKind::Other},
    {&typeid(P::PolicyMemberContext), ParseNodeKind::Other},
    {&typeid(P::RefineArgContext), ParseNodeKind::Other},
};

// Exact type names, for a type_info that is not the one in the table (only
// possible if the generated parser's classes were emitted more than once).
ParseNodeKind kindByName(antlr4::tree::ParseTree *node) {
  const std::type_info &type = typeid(*node);
  for (const KnownType &known : kKnownTypes)
    if (type == *known.type)
      return known.kind;
  return dynamic_cast<antlr4::tree::TerminalNode *>(node) ? ParseNodeKind::Token : ParseNodeKind::Other;
}

} // namespace

ParseNodeKind parseNodeKind(antlr4::tree::ParseTree *node) {
  if (node == nullptr)
    return ParseNodeKind::Other;
  const std::type_info *type = &typeid(*node);
  for (const KnownType &known : kKnownTypes)
    if (known.type == type)
      return known.kind;
  return kindByName(node);
}

antlr4::tree::TerminalNode *tokenChild(antlr4::ParserRuleContext *ctx, size_t type) {
  if (ctx == nullptr)
    return nullptr;
  for (antlr4::tree::ParseTree *child : ctx->children) {
    if (parseNodeKind(child) != ParseNodeKind::Token)
      continue;
    auto *token = static_cast<antlr4::tree::TerminalNode *>(child);
    if (token->getSymbol()->getType() == type)
      return token;
  }
  return nullptr;
}

} // namespace cairn
