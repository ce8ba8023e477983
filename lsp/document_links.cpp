#include "lsp/document_links.h"

namespace cairn::lsp {

std::vector<DocumentLink> documentLinks(const Snapshot &snapshot, uint32_t module) {
  std::vector<DocumentLink> out;
  if (module >= snapshot.program.modules.size())
    return out;
  const ProgramModule &from = snapshot.program.modules[module];
  for (const ModuleImport &import : from.imports) {
    if (import.module >= snapshot.program.modules.size() || import.decl.index >= from.ast.declCount())
      continue;
    const auto *decl = from.ast.decl(import.decl).as<ast::ImportDecl>();
    const std::string &target = snapshot.program.modules[import.module].canonicalPath;
    if (decl && decl->pathSpan.valid() && !target.empty())
      out.push_back({decl->pathSpan, target});
  }
  return out;
}

} // namespace cairn::lsp
