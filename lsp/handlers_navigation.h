// JSON glue of the navigation features: definition, declaration, type
// definition, references, document highlight, prepare rename, rename,
// document symbols and workspace symbols. Each handler returns the LSP
// `result` and throws ProtocolError for bad params or a refused rename.
#pragma once

#include <vector>

#include <llvm/ADT/ArrayRef.h>

#include "lsp/definition.h"
#include "lsp/protocol.h"

namespace cairn::lsp {

json handleDefinition(const FeatureContext &ctx, const json &params);      // textDocument/definition
json handleDeclaration(const FeatureContext &ctx, const json &params);     // textDocument/declaration
json handleTypeDefinition(const FeatureContext &ctx, const json &params);  // textDocument/typeDefinition
json handleReferences(const FeatureContext &ctx, const json &params);      // textDocument/references
json handleDocumentHighlight(const FeatureContext &ctx, const json &params); // textDocument/documentHighlight
json handlePrepareRename(const FeatureContext &ctx, const json &params);   // textDocument/prepareRename
json handleRename(const FeatureContext &ctx, const json &params);          // textDocument/rename
json handleDocumentSymbol(const FeatureContext &ctx, const json &params);  // textDocument/documentSymbol
// workspace/symbol: `ctx.module` is not used (any module of the snapshot will do).
json handleWorkspaceSymbol(const FeatureContext &ctx, const json &params);

using NavigationHandler = json (*)(const FeatureContext &, const json &);
struct NavigationMethod {
  const char *method;
  NavigationHandler handler;
};
// Every method above with its handler, for the dispatcher.
llvm::ArrayRef<NavigationMethod> navigationMethods();

// The `capabilities` fragment for initialize's result. Rename advertises
// prepareProvider only to clients that support prepareRename.
json navigationCapabilities();
json navigationCapabilities(const ClientCapabilities &client);

// Definition results as LSP JSON: LocationLink[] (with originSelectionRange)
// for clients with linkSupport, else Location[].
json definitionResponse(const Snapshot &snapshot, const std::vector<DefinitionTarget> &targets, bool linkSupport);

} // namespace cairn::lsp
