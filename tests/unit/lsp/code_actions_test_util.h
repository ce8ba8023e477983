// Applying code actions to a text and analysing the result again, so tests
// prove that a fix removes its diagnostic.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "lsp/code_actions.h"
#include "test_workspace.h"

namespace cairn::lsp::test {

inline std::string applyEdits(std::string text, std::vector<TextEdit> edits) {
  std::sort(edits.begin(), edits.end(), [](const TextEdit &a, const TextEdit &b) { return a.span.begin > b.span.begin; });
  for (const TextEdit &e : edits)
    text.replace(e.span.begin, e.span.end - e.span.begin, e.replacement);
  return text;
}

// The snapshot's diagnostics in `module`'s file as a client would send them back (without `data`).
inline std::vector<ClientDiagnostic> clientDiagnostics(const Snapshot &snap, uint32_t module) {
  std::vector<ClientDiagnostic> out;
  for (const Diagnostic &d : snap.diagnostics)
    if (d.span.file == snap.program.modules[module].file)
      out.push_back({d.span, d.code(), "cairn", std::nullopt});
  return out;
}

inline std::vector<std::string> codesIn(const Snapshot &snap, uint32_t module) {
  std::vector<std::string> out;
  for (const Diagnostic &d : snap.diagnostics)
    if (d.span.file == snap.program.modules[module].file)
      out.push_back(d.code());
  return out;
}

inline const CodeAction *findAction(const std::vector<CodeAction> &actions, const std::string &titlePart) {
  for (const CodeAction &a : actions)
    if (a.title.find(titlePart) != std::string::npos)
      return &a;
  return nullptr;
}

} // namespace cairn::lsp::test
