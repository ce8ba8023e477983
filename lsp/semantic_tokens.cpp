#include "lsp/semantic_tokens.h"

#include "lsp/positions.h"
#include "lsp/semantic_tokens_classify.h"
#include "lsp/semantic_tokens_scan.h"

namespace cairn::lsp {
namespace {

constexpr const char *kTypeNames[] = {"namespace", "type", "class", "enumMember", "parameter",
                                      "variable", "property", "function", "keyword", "comment",
                                      "string", "number", "regexp", "operator"};
constexpr const char *kModifierNames[] = {"declaration", "readonly", "defaultLibrary", "documentation"};

std::optional<NameClass> lexicalClass(LexKind kind) {
  switch (kind) {
  case LexKind::Keyword: return NameClass{TokenType::Keyword};
  case LexKind::Number: return NameClass{TokenType::Number};
  case LexKind::String: return NameClass{TokenType::String};
  case LexKind::Regex: return NameClass{TokenType::Regexp};
  case LexKind::Comment: return NameClass{TokenType::Comment};
  case LexKind::DocComment: return NameClass{TokenType::Comment, kDocumentation};
  case LexKind::Operator: return NameClass{TokenType::Operator};
  case LexKind::Identifier: return std::nullopt;
  }
  return std::nullopt;
}

bool insidePolicy(const Classification &c, uint32_t offset) {
  for (Span s : c.policies)
    if (offset >= s.begin && offset < s.end)
      return true;
  return false;
}

} // namespace

llvm::ArrayRef<const char *> tokenTypeNames() { return kTypeNames; }
llvm::ArrayRef<const char *> tokenModifierNames() { return kModifierNames; }

std::vector<SemanticToken> semanticTokens(const Snapshot &snapshot, uint32_t module, uint32_t begin, uint32_t end) {
  std::vector<SemanticToken> out;
  if (module >= snapshot.program.modules.size())
    return out;
  llvm::StringRef text = snapshot.text(module);
  Classification names = classifyNames(snapshot, module, begin, end);
  for (const LexToken &token : scanTokens(text)) { // from the start: strings and comments change the modes
    if (token.end <= begin || token.begin >= end)
      continue;
    std::optional<NameClass> c;
    bool nameLike = token.kind == LexKind::Identifier || token.kind == LexKind::Keyword ||
                    token.kind == LexKind::String || token.kind == LexKind::Number;
    if (nameLike) // a keyword used as a field name, a literal type's value
      if (auto it = names.names.find(token.begin); it != names.names.end())
        c = it->second;
    if (!c)
      c = lexicalClass(token.kind);
    if (!c && token.kind == LexKind::Identifier) {
      llvm::StringRef word = text.slice(token.begin, token.end);
      if ((word == "on" || word == "at") && insidePolicy(names, token.begin))
        c = NameClass{TokenType::Keyword};
    }
    if (c)
      out.push_back({token.begin, token.end, c->type, c->modifiers});
  }
  return out;
}

std::vector<uint32_t> encodeSemanticTokens(llvm::StringRef text, llvm::ArrayRef<SemanticToken> tokens,
                                           uint32_t rangeBegin, uint32_t rangeEnd, bool multiline) {
  std::vector<uint32_t> data;
  LineIndex index(text);
  Position previous;
  auto emit = [&](uint32_t begin, uint32_t end, const SemanticToken &token) {
    if (end <= begin)
      return;
    Position start = index.positionOf(begin);
    uint32_t length = utf16Length(text.slice(begin, end));
    data.push_back(start.line - previous.line);
    data.push_back(start.line == previous.line ? start.character - previous.character : start.character);
    data.push_back(length);
    data.push_back(static_cast<uint32_t>(token.type));
    data.push_back(token.modifiers);
    previous = start;
  };
  for (const SemanticToken &token : tokens) {
    uint32_t end = std::min<uint32_t>(token.end, static_cast<uint32_t>(text.size()));
    if (end <= rangeBegin || token.begin >= rangeEnd || token.begin >= end)
      continue;
    if (multiline) {
      emit(token.begin, end, token);
      continue;
    }
    // One piece per line: LSP tokens cannot contain a line break.
    uint32_t pieceBegin = token.begin;
    while (pieceBegin < end) {
      size_t lineEnd = text.find_first_of("\r\n", pieceBegin);
      uint32_t pieceEnd = lineEnd == llvm::StringRef::npos ? end : std::min<uint32_t>(end, lineEnd);
      emit(pieceBegin, pieceEnd, token);
      pieceBegin = pieceEnd;
      if (pieceBegin < end && text[pieceBegin] == '\r')
        ++pieceBegin;
      if (pieceBegin < end && text[pieceBegin] == '\n')
        ++pieceBegin;
    }
  }
  return data;
}

} // namespace cairn::lsp
