#include "lsp/dispatch.h"

#include "lsp/handlers_completion.h"
#include "lsp/handlers_formatting.h"
#include "lsp/handlers_navigation.h"
#include "lsp/handlers_presentation.h"

namespace cairn::lsp {

const std::vector<FeatureEntry> &featureTable() {
  using S = FeatureScope;
  static const std::vector<FeatureEntry> table = {
      {"textDocument/completion", handleCompletion, S::Document},
      {"textDocument/hover", handleHover, S::Document},
      {"textDocument/signatureHelp", handleSignatureHelp, S::Document},
      {"textDocument/definition", handleDefinition, S::Document},
      {"textDocument/declaration", handleDeclaration, S::Document},
      {"textDocument/typeDefinition", handleTypeDefinition, S::Document},
      {"textDocument/references", handleReferences, S::Workspace},
      {"textDocument/documentHighlight", handleDocumentHighlight, S::Document},
      {"textDocument/prepareRename", handlePrepareRename, S::Document},
      {"textDocument/rename", handleRename, S::Workspace},
      {"textDocument/documentSymbol", handleDocumentSymbol, S::Document},
      {"workspace/symbol", handleWorkspaceSymbol, S::Workspace},
      {"textDocument/semanticTokens/full", handleSemanticTokensFull, S::Document},
      {"textDocument/semanticTokens/range", handleSemanticTokensRange, S::Document},
      {"textDocument/foldingRange", handleFoldingRange, S::Document},
      {"textDocument/inlayHint", handleInlayHint, S::Document},
      {"textDocument/codeAction", handleCodeAction, S::Document},
      {"textDocument/documentLink", handleDocumentLink, S::Document},
      {"textDocument/selectionRange", handleSelectionRange, S::Document},
      {"textDocument/formatting", handleFormatting, S::Document},
      {"textDocument/rangeFormatting", handleRangeFormatting, S::Document},
  };
  return table;
}

json featureCapabilities(const ClientCapabilities &client) {
  json capabilities = json::object();
  for (const json &area : {completionCapabilities(), navigationCapabilities(client), presentationCapabilities(),
                           formattingCapabilities()})
    capabilities.update(area, /*merge_objects=*/true);
  return capabilities;
}

const FeatureEntry *findFeature(const std::string &method) {
  for (const FeatureEntry &entry : featureTable())
    if (method == entry.method)
      return &entry;
  return nullptr;
}

} // namespace cairn::lsp
