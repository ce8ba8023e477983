// Workspace symbols: one pass over the declarations of every module
// (linear), a fuzzy score per name, a partial sort for the best `limit`.
#include "lsp/workspace_symbols.h"

#include <algorithm>
#include <cctype>

#include "lsp/document_symbols.h"

namespace cairn::lsp {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool wordStart(llvm::StringRef name, size_t i) {
  if (i == 0)
    return true;
  char prev = name[i - 1], c = name[i];
  return prev == '_' || prev == '-' || (std::islower(static_cast<unsigned char>(prev)) &&
                                        std::isupper(static_cast<unsigned char>(c)));
}

struct Candidate {
  llvm::StringRef name;
  int kind;
  Span span;
  std::string container;
};

void declCandidates(const Snapshot &snapshot, uint32_t module, bool schemasOnly, std::vector<Candidate> &out) {
  const ast::Module &ast = snapshot.ast(module);
  const std::string &path = snapshot.program.modules[module].displayPath;
  for (ast::DeclId id : ast.decls()) {
    if (id.index >= ast.declCount())
      continue;
    const ast::Decl &d = ast.decl(id);
    if (auto *schema = d.as<ast::SchemaDecl>(); schema && schema->name.valid()) {
      out.push_back({schema->name.text, symbol_kind::kStruct, schema->name.span, path});
      if (!schemasOnly)
        for (const ast::SchemaField &field : schema->fields)
          if (field.name.valid())
            out.push_back({field.name.text, symbol_kind::kField, field.name.span, schema->name.text.str()});
      continue;
    }
    if (schemasOnly)
      continue;
    if (auto *x = d.as<ast::ParamDecl>(); x && x->name.valid())
      out.push_back({x->name.text, symbol_kind::kVariable, x->name.span, path});
    else if (auto *x = d.as<ast::LetDecl>(); x && x->name.valid())
      out.push_back({x->name.text, symbol_kind::kConstant, x->name.span, path});
    else if (auto *x = d.as<ast::FnDecl>(); x && x->name.valid())
      out.push_back({x->name.text, symbol_kind::kFunction, x->name.span, path});
    else if (auto *x = d.as<ast::TypeAliasDecl>(); x && x->name.valid())
      out.push_back({x->name.text, symbol_kind::kTypeParameter, x->name.span, path});
    else if (auto *x = d.as<ast::PolicyDecl>(); x && !x->name.empty())
      out.push_back({x->name, symbol_kind::kEvent, x->nameSpan, path});
  }
}

} // namespace

int fuzzyScore(llvm::StringRef query, llvm::StringRef name) {
  if (query.empty())
    return 1;
  if (query.size() > name.size())
    return -1;
  if (name.equals_insensitive(query))
    return 1000;
  if (name.startswith_insensitive(query))
    return 800 - static_cast<int>(name.size() - query.size());
  if (name.contains_insensitive(query))
    return 600 - static_cast<int>(name.size() - query.size());
  int score = 400, gaps = 0;
  size_t q = 0, last = 0;
  for (size_t i = 0; i < name.size() && q < query.size(); ++i) {
    if (lower(name[i]) != lower(query[q]))
      continue;
    if (wordStart(name, i))
      score += 10;
    if (q > 0 && i != last + 1)
      ++gaps;
    last = i;
    ++q;
  }
  if (q < query.size())
    return -1;
  return std::max(1, score - 5 * gaps - static_cast<int>(name.size()));
}

std::vector<WorkspaceSymbolMatch> workspaceSymbols(const Snapshot &snapshot, llvm::StringRef query, size_t limit,
                                                   const std::atomic<bool> *cancelled) {
  std::vector<WorkspaceSymbolMatch> matches;
  std::vector<Candidate> candidates;
  for (uint32_t m = 0; m < snapshot.program.modules.size(); ++m) {
    if (cancelled && cancelled->load(std::memory_order_relaxed))
      break;
    bool stdlib = snapshot.program.modules[m].isStdlib;
    if (stdlib && query.empty())
      continue;
    candidates.clear();
    declCandidates(snapshot, m, /*schemasOnly=*/stdlib, candidates);
    for (Candidate &c : candidates) {
      int score = fuzzyScore(query, c.name);
      if (score >= 0)
        matches.push_back({c.name.str(), std::move(c.container), c.kind, c.span, stdlib, score});
    }
  }
  auto better = [](const WorkspaceSymbolMatch &a, const WorkspaceSymbolMatch &b) {
    if (a.stdlib != b.stdlib)
      return !a.stdlib;
    if (a.score != b.score)
      return a.score > b.score;
    if (a.name.size() != b.name.size())
      return a.name.size() < b.name.size();
    if (a.name != b.name)
      return a.name < b.name;
    return a.container < b.container;
  };
  size_t keep = std::min(limit, matches.size());
  std::partial_sort(matches.begin(), matches.begin() + keep, matches.end(), better);
  matches.resize(keep);
  return matches;
}

} // namespace cairn::lsp
