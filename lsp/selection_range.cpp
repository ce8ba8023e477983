#include "lsp/selection_range.h"

#include <algorithm>
#include <cctype>

namespace cairn::lsp {
namespace {

bool contains(Span s, uint32_t offset) { return s.valid() && s.begin <= offset && offset <= s.end; }

void collectExprSpans(const ast::Module &ast, uint32_t offset, std::vector<std::pair<uint32_t, uint32_t>> &out) {
  for (uint32_t i = 0; i < ast.exprCount(); ++i) {
    const ast::Expr &e = ast.expr(ast::ExprId{i});
    if (!contains(e.span, offset))
      continue;
    out.push_back({e.span.begin, e.span.end});
    if (auto *object = e.as<ast::ObjectLit>()) {
      if (contains(object->bodySpan, offset))
        out.push_back({object->bodySpan.begin, object->bodySpan.end});
      for (const ast::FieldInit &field : object->fields)
        if (contains(field.span, offset))
          out.push_back({field.span.begin, field.span.end});
    }
  }
}

} // namespace

std::vector<std::pair<uint32_t, uint32_t>> selectionRanges(const Snapshot &snapshot, uint32_t module, uint32_t offset) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  if (module >= snapshot.program.modules.size())
    return spans;
  llvm::StringRef text = snapshot.text(module);
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  // The word under the cursor.
  auto isWord = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  uint32_t wordBegin = offset, wordEnd = offset;
  while (wordBegin > 0 && isWord(text[wordBegin - 1]))
    --wordBegin;
  while (wordEnd < text.size() && isWord(text[wordEnd]))
    ++wordEnd;
  if (wordEnd > wordBegin)
    spans.push_back({wordBegin, wordEnd});
  const ast::Module &ast = snapshot.ast(module);
  collectExprSpans(ast, offset, spans);
  for (ast::DeclId id : ast.decls())
    if (id.index < ast.declCount() && contains(ast.decl(id).span, offset))
      spans.push_back({ast.decl(id).span.begin, ast.decl(id).span.end});
  spans.push_back({0, static_cast<uint32_t>(text.size())});
  // Innermost first; keep only ranges that grow (an LSP parent must contain its child).
  std::sort(spans.begin(), spans.end(), [](const auto &a, const auto &b) {
    return a.second - a.first != b.second - b.first ? a.second - a.first < b.second - b.first : a.first > b.first;
  });
  std::vector<std::pair<uint32_t, uint32_t>> chain;
  for (const auto &s : spans)
    if (s.second <= text.size() && s.first <= s.second &&
        (chain.empty() || (s.first <= chain.back().first && s.second >= chain.back().second && s != chain.back())))
      chain.push_back(s);
  return chain;
}

} // namespace cairn::lsp
