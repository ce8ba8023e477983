// String literals: escapes, `${...}` interpolation, and multi-line strings
// whose common indentation (that of the closing `"""`) is removed.
#include "frontend/cairn_text.h"
#include "frontend/ast_builder.h"

#include <llvm/Support/ConvertUTF.h>

#include "CairnLexer.h"

namespace cairn {

using P = grammar::CairnParser;
using L = grammar::CairnLexer;

namespace {

// One piece of a string before multi-line processing: raw source text (which
// may hold newlines and indentation), decoded escape text, or an interpolation.
struct Piece {
  enum Kind { Raw, Escaped, Interp } kind;
  std::string text;
  ast::ExprId expr;
  Span span;
};

void appendUtf8(uint32_t codePoint, std::string &out) {
  char buffer[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
  char *end = buffer;
  if (llvm::ConvertCodePointToUTF8(codePoint, end))
    out.append(buffer, end);
}

// Removes the first line break, the last line break with the closing line's
// indentation, and that indentation from the start of every line.
void stripIndentation(std::vector<Piece> &pieces) {
  if (pieces.empty())
    return;
  Piece &last = pieces.back();
  size_t indent = 0;
  if (last.kind == Piece::Raw) {
    size_t nl = last.text.find_last_of('\n');
    if (nl != std::string::npos &&
        last.text.find_first_not_of(" \t", nl + 1) == std::string::npos) {
      indent = last.text.size() - nl - 1;
      last.text.erase(nl);
      if (!last.text.empty() && last.text.back() == '\r')
        last.text.pop_back();
    }
  }
  bool atLineStart = false;
  Piece &first = pieces.front();
  if (first.kind == Piece::Raw && !first.text.empty() &&
      (first.text[0] == '\n' || llvm::StringRef(first.text).startswith("\r\n"))) {
    first.text.erase(0, first.text[0] == '\n' ? 1 : 2);
    atLineStart = true;
  }
  for (Piece &piece : pieces) {
    if (piece.kind != Piece::Raw) {
      atLineStart = false;
      continue;
    }
    std::string out;
    for (size_t i = 0; i < piece.text.size();) {
      if (atLineStart) {
        size_t n = 0;
        while (n < indent && i < piece.text.size() && (piece.text[i] == ' ' || piece.text[i] == '\t')) {
          ++i;
          ++n;
        }
        atLineStart = false;
        continue;
      }
      char c = piece.text[i++];
      out += c;
      if (c == '\n')
        atLineStart = true;
    }
    piece.text = std::move(out);
  }
}

} // namespace

void AstBuilder::appendEscape(antlr4::tree::TerminalNode *node, std::string &out) {
  Span s = span(node);
  llvm::StringRef raw = text(s);
  char c = raw.size() > 1 ? raw[1] : '\0';
  switch (c) {
  case 'n': out += '\n'; return;
  case 't': out += '\t'; return;
  case 'r': out += '\r'; return;
  case '"': out += '"'; return;
  case '\\': out += '\\'; return;
  case '$': out += '$'; return;
  case 'u':
    if (raw.size() > 4 && raw[2] == '{') {
      uint32_t codePoint = 0;
      if (!raw.slice(3, raw.size() - 1).getAsInteger(16, codePoint) && codePoint <= 0x10FFFF &&
          !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        appendUtf8(codePoint, out);
        return;
      }
    }
    break;
  default: break;
  }
  diags_.report(DiagKind::InvalidEscape, s, clipForMessage(raw))
      .withHint("valid escapes are \\n \\t \\r \\\" \\\\ \\$ and \\u{hex}");
}

ast::StringLit AstBuilder::buildStringParts(P::StringLiteralContext *ctx) {
  std::vector<Piece> pieces;
  bool multiline = tokenChild(ctx, L::TRIPLE_OPEN) != nullptr;
  for (antlr4::tree::ParseTree *child : ctx->children) {
    antlr4::tree::TerminalNode *token = nullptr;
    P::ExprContext *expr = nullptr;
    ParseNodeKind kind = parseNodeKind(child);
    if (kind == ParseNodeKind::StrPart) {
      auto *part = static_cast<P::StrPartContext *>(child);
      token = tokenChild(part, L::STR_TEXT);
      if (token == nullptr)
        token = tokenChild(part, L::STR_ESCAPE);
      bool interpolation = tokenChild(part, L::STR_INTERP) != nullptr;
      expr = interpolation ? part->expr() : nullptr;
      if (interpolation) {
        pieces.push_back({Piece::Interp, {}, buildExpr(expr, span(part)), span(part)});
        continue;
      }
    } else if (kind == ParseNodeKind::MstrPart) {
      auto *part = static_cast<P::MstrPartContext *>(child);
      token = tokenChild(part, L::MSTR_TEXT);
      if (token == nullptr)
        token = tokenChild(part, L::MSTR_ESCAPE);
      if (tokenChild(part, L::MSTR_INTERP) != nullptr) {
        pieces.push_back({Piece::Interp, {}, buildExpr(part->expr(), span(part)), span(part)});
        continue;
      }
    }
    if (token == nullptr || missing(token))
      continue;
    size_t type = token->getSymbol()->getType();
    if (type == L::STR_ESCAPE || type == L::MSTR_ESCAPE) {
      std::string decoded;
      appendEscape(token, decoded);
      pieces.push_back({Piece::Escaped, decoded, {}, span(token)});
    } else {
      pieces.push_back({Piece::Raw, text(span(token)).str(), {}, span(token)});
    }
  }
  if (multiline)
    stripIndentation(pieces);

  // Merge adjacent text pieces; one part per run of text, one per interpolation.
  ast::StringLit lit;
  lit.multiline = multiline;
  std::string pending;
  Span pendingSpan;
  auto flush = [&] {
    if (pendingSpan.valid() && !pending.empty())
      lit.parts.push_back({module_.save(pending), {}, pendingSpan});
    pending.clear();
    pendingSpan = {};
  };
  for (Piece &piece : pieces) {
    if (piece.kind == Piece::Interp) {
      flush();
      lit.parts.push_back({{}, piece.expr, piece.span});
      continue;
    }
    pending += piece.text;
    pendingSpan = pendingSpan.valid() ? pendingSpan.to(piece.span) : piece.span;
  }
  flush();
  return lit;
}

ast::ExprId AstBuilder::buildString(P::StringLiteralContext *ctx) {
  Span s = span(ctx);
  if (ctx == nullptr)
    return error(s);
  return module_.addExpr(s, buildStringParts(ctx));
}

} // namespace cairn
