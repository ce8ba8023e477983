// References: the candidate modules are chosen from the symbol's kind (a
// local lives in one module, a top-level name in its module and in those
// importing it, a field anywhere its schema flows), then filtered by a cheap
// text search for the name before the AST walk.
#include "lsp/references.h"

#include <algorithm>

#include "frontend/cairn_text.h"

namespace cairn::lsp {

namespace {

bool importsModule(const Snapshot &snapshot, uint32_t module, uint32_t target) {
  for (const ModuleImport &imp : snapshot.program.modules[module].imports)
    if (imp.module == target)
      return true;
  return false;
}

// For each module: whether `target` is reachable through its imports. Values
// of a schema can only reach modules that (transitively) import its module.
std::vector<bool> reachingModules(const Snapshot &snapshot, uint32_t target) {
  enum State : uint8_t { Unknown, Visiting, Yes, No };
  size_t count = snapshot.program.modules.size();
  std::vector<State> state(count, Unknown);
  // Iterative depth-first search: modules whose imports are all decided are decided.
  for (uint32_t root = 0; root < count; ++root) {
    std::vector<std::pair<uint32_t, size_t>> stack{{root, 0}};
    while (!stack.empty()) {
      uint32_t m = stack.back().first; // no references into `stack`: push_back moves it
      if (state[m] == Yes || state[m] == No) {
        stack.pop_back();
        continue;
      }
      state[m] = Visiting;
      const auto &imports = snapshot.program.modules[m].imports;
      std::optional<uint32_t> child;
      while (stack.back().second < imports.size() && !child) {
        uint32_t imported = imports[stack.back().second++].module;
        if (imported < count && state[imported] == Unknown)
          child = imported;
      }
      if (child) {
        stack.push_back({*child, 0});
        continue;
      }
      bool yes = m == target;
      for (const ModuleImport &imp : imports)
        yes = yes || (imp.module < count && state[imp.module] == Yes);
      state[m] = yes ? Yes : No;
      stack.pop_back();
    }
  }
  std::vector<bool> out(count);
  for (size_t i = 0; i < count; ++i)
    out[i] = state[i] == Yes;
  return out;
}

bool mayMention(const Snapshot &snapshot, uint32_t module, const Symbol &symbol, bool stdlibSymbol) {
  const ProgramModule &m = snapshot.program.modules[module];
  switch (symbol.kind) {
  case SymbolKind::Local:
  case SymbolKind::Import: return module == symbol.module;
  case SymbolKind::Decl:
    if (module != symbol.module && !importsModule(snapshot, module, symbol.module))
      return false;
    break;
  case SymbolKind::Module: return importsModule(snapshot, module, symbol.module);
  case SymbolKind::Field:
  case SymbolKind::Builtin:
    if (m.isStdlib && !stdlibSymbol)
      return false;
    break;
  }
  // Names written as they are declared: the module must contain the text.
  if (isCairnName(symbol.name) && !snapshot.text(module).contains(symbol.name))
    return false;
  return true;
}

} // namespace

bool isImplicitImportAlias(const Snapshot &snapshot, const Symbol &symbol) {
  if (symbol.kind != SymbolKind::Import)
    return false;
  const ModuleImport &imp = snapshot.program.modules[symbol.module].imports[symbol.index];
  const auto *decl = snapshot.ast(symbol.module).decl(imp.decl).as<ast::ImportDecl>();
  return decl && !decl->alias.valid();
}

std::vector<Reference> findReferences(const Snapshot &snapshot, const Symbol &symbol, bool includeDeclaration,
                                      const std::atomic<bool> *cancelled) {
  std::vector<Reference> out;
  if (includeDeclaration && isImplicitImportAlias(snapshot, symbol))
    out.push_back({symbol.declSpan, OccurrenceRole::Declaration});
  bool stdlibSymbol = symbol.kind != SymbolKind::Builtin && isStdlibSymbol(snapshot, symbol);
  std::vector<bool> reaching;
  if (symbol.kind == SymbolKind::Field && symbol.module < snapshot.program.modules.size())
    reaching = reachingModules(snapshot, symbol.module);
  for (uint32_t m = 0; m < snapshot.program.modules.size(); ++m) {
    if (cancelled && cancelled->load(std::memory_order_relaxed))
      break;
    if (!mayMention(snapshot, m, symbol, stdlibSymbol) || (!reaching.empty() && !reaching[m]))
      continue;
    size_t first = out.size();
    walkOccurrences(snapshot, m, std::nullopt, [&](const Occurrence &o) {
      if (o.symbol == symbol && (includeDeclaration || o.role != OccurrenceRole::Declaration))
        out.push_back({o.span, o.role});
      return true;
    });
    // Source order, without repeats, within the module.
    std::sort(out.begin() + first, out.end(), [](const Reference &a, const Reference &b) {
      return a.span.begin < b.span.begin;
    });
    out.erase(std::unique(out.begin() + first, out.end(),
                          [](const Reference &a, const Reference &b) {
                            return a.span.file == b.span.file && a.span.begin == b.span.begin;
                          }),
              out.end());
  }
  return out;
}

std::vector<Reference> documentHighlights(const Snapshot &snapshot, uint32_t module, uint32_t offset) {
  std::vector<Reference> out;
  if (module >= snapshot.program.modules.size())
    return out;
  auto occ = symbolAt(snapshot, module, offset);
  if (!occ)
    return out;
  if (isImplicitImportAlias(snapshot, occ->symbol) && occ->symbol.module == module)
    out.push_back({occ->symbol.declSpan, OccurrenceRole::Declaration});
  walkOccurrences(snapshot, module, std::nullopt, [&](const Occurrence &o) {
    if (o.symbol == occ->symbol)
      out.push_back({o.span, o.role});
    return true;
  });
  return out;
}

} // namespace cairn::lsp
