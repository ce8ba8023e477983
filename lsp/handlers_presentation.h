// JSON glue of the presentation features (semantic tokens, folding ranges,
// inlay hints, code actions, document links, selection ranges): LSP params in, LSP result out.
// Methods, for the dispatcher:
//   textDocument/semanticTokens/full   -> handleSemanticTokensFull
//   textDocument/semanticTokens/range  -> handleSemanticTokensRange
//   textDocument/foldingRange          -> handleFoldingRange
//   textDocument/inlayHint             -> handleInlayHint
//   textDocument/codeAction            -> handleCodeAction
//   textDocument/documentLink          -> handleDocumentLink
//   textDocument/selectionRange        -> handleSelectionRange
#pragma once

#include "lsp/protocol.h"

namespace cairn::lsp {

json handleSemanticTokensFull(const FeatureContext &ctx, const json &params);
json handleSemanticTokensRange(const FeatureContext &ctx, const json &params);
json handleFoldingRange(const FeatureContext &ctx, const json &params);
json handleInlayHint(const FeatureContext &ctx, const json &params);
json handleCodeAction(const FeatureContext &ctx, const json &params);
json handleDocumentLink(const FeatureContext &ctx, const json &params);
json handleSelectionRange(const FeatureContext &ctx, const json &params);

// The `initialize` result's capabilities for the methods above (the semantic
// tokens legend included).
json presentationCapabilities();

} // namespace cairn::lsp
