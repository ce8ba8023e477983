// Cairn's diagnostics and policy findings as LSP Diagnostic objects, exactly
// what `cairn check` / `cairn lint` say: code, message with notes and hint,
// labels as relatedInformation, quick fixes in `data.fixes`.
#pragma once

#include <optional>
#include <string>

#include <llvm/ADT/StringRef.h>

#include "lsp/analysis.h"
#include "lsp/protocol.h"

namespace cairn::lsp {

inline constexpr const char *kDiagnosticsDocs = "https://github.com/cairn-lang/cairn/blob/main/docs/diagnostics.md#";
inline constexpr const char *kPoliciesDocs = "https://github.com/cairn-lang/cairn/blob/main/docs/policies.md#";

// The section of docs/diagnostics.md for a code ("e0101-unexpected-token").
std::optional<std::string> diagnosticDocsAnchor(llvm::StringRef code);

// One compiler diagnostic (its span must be in `snapshot`).
json diagnosticJson(const Snapshot &snapshot, const Diagnostic &diag, const ClientCapabilities &caps);
// One policy finding.
json findingJson(const PolicyFinding &finding, const ClientCapabilities &caps);

// The one diagnostic of a document too large to analyse (at 1:1, with its
// size and the limit, kMaxAnalysedDocumentBytes).
json tooLargeDiagnostic(size_t bytes);

// Every diagnostic and finding located in the document `path` (canonical),
// ordered by position: the `diagnostics` of publishDiagnostics and of a full
// pull report.
json documentDiagnostics(const Analysis &analysis, const std::string &path, const ClientCapabilities &caps);

} // namespace cairn::lsp
