// Code actions: the compiler's "did you mean" fixes, adding every missing
// required field of an object literal (a quick fix for E0402, and a rewrite
// offered on the literal's type name), and suppressing a policy finding with
// a `// cairn:ignore` directive.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "frontend/diagnostic.h"
#include "lsp/snapshot.h"

namespace cairn::lsp {

// A diagnostic as the client sent it in the request's context, with its
// range as a span of the document.
struct ClientDiagnostic {
  Span span;
  std::string code;   // "E0401", or a check name for lint findings
  std::string source; // "cairn", "cairn lint"
  // The fixes the server attached in `data.fixes`; nullopt when the client
  // did not echo `data` (they are then looked up in the snapshot).
  std::optional<std::vector<Fix>> fixes;
};

enum class ActionKind : uint8_t { QuickFix, RefactorRewrite };
const char *actionKindName(ActionKind kind); // "quickfix", "refactor.rewrite"

struct CodeAction {
  std::string title;
  ActionKind kind;
  std::vector<size_t> diagnostics; // indexes into the request's diagnostics
  std::vector<TextEdit> edits;     // all in the module's file
  bool preferred = false;
};

// The actions for `range` of `module` (a span of its file).
std::vector<CodeAction> codeActions(const Snapshot &snapshot, uint32_t module, Span range,
                                    const std::vector<ClientDiagnostic> &diagnostics);

} // namespace cairn::lsp
