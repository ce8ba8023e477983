// What the client can do (initialize's params.capabilities) and what the
// server offers (initialize's result.capabilities).
#include "lsp/server_state.h"

#include "lsp/dispatch.h"

namespace cairn::lsp {
namespace {

// The value at a path of object keys, or null when any step is missing.
const json &at(const json &root, std::initializer_list<const char *> path) {
  static const json missing;
  const json *node = &root;
  for (const char *key : path) {
    if (!node->is_object() || !node->contains(key))
      return missing;
    node = &(*node)[key];
  }
  return *node;
}

bool flag(const json &root, std::initializer_list<const char *> path) {
  const json &value = at(root, path);
  return value.is_boolean() && value.get<bool>();
}

bool listsMarkdown(const json &formats) {
  if (!formats.is_array())
    return false;
  for (const json &format : formats)
    if (format == "markdown")
      return true;
  return false;
}

} // namespace

ClientSupport parseClientCapabilities(const json &caps) {
  ClientSupport support;
  ClientCapabilities &c = support.capabilities;
  c.snippets = flag(caps, {"textDocument", "completion", "completionItem", "snippetSupport"});
  c.markdownHover = listsMarkdown(at(caps, {"textDocument", "hover", "contentFormat"}));
  c.markdownCompletionDocs = listsMarkdown(at(caps, {"textDocument", "completion", "completionItem", "documentationFormat"}));
  c.hierarchicalSymbols = flag(caps, {"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
  c.relatedInformation = flag(caps, {"textDocument", "publishDiagnostics", "relatedInformation"});
  c.codeDescription = flag(caps, {"textDocument", "publishDiagnostics", "codeDescriptionSupport"});
  c.diagnosticPull = at(caps, {"textDocument", "diagnostic"}).is_object();
  c.workDoneProgress = flag(caps, {"window", "workDoneProgress"});
  c.labelOffsets = flag(caps, {"textDocument", "signatureHelp", "signatureInformation", "parameterInformation",
                               "labelOffsetSupport"});
  c.prepareRename = flag(caps, {"textDocument", "rename", "prepareSupport"});
  c.codeActionLiterals = at(caps, {"textDocument", "codeAction", "codeActionLiteralSupport"}).is_object();
  c.insertReplace = flag(caps, {"textDocument", "completion", "completionItem", "insertReplaceSupport"});
  c.definitionLinks = flag(caps, {"textDocument", "definition", "linkSupport"});
  c.documentChanges = flag(caps, {"workspace", "workspaceEdit", "documentChanges"});
  c.multilineTokens = flag(caps, {"textDocument", "semanticTokens", "multilineTokenSupport"});
  c.lineFoldingOnly = flag(caps, {"textDocument", "foldingRange", "lineFoldingOnly"});
  support.watchedFilesRegistration = flag(caps, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  support.diagnosticRefresh = flag(caps, {"workspace", "diagnostics", "refreshSupport"});
  return support;
}

json serverCapabilities(const ClientSupport &client) {
  json capabilities = {
      {"positionEncoding", "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"workspace", {{"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}}},
  };
  // Pulled diagnostics only for clients that pull; the others get them pushed.
  if (client.capabilities.diagnosticPull)
    capabilities["diagnosticProvider"] = {
        {"identifier", "cairn"}, {"interFileDependencies", true}, {"workspaceDiagnostics", true}};
  capabilities.update(featureCapabilities(client.capabilities), /*merge_objects=*/true);
  return capabilities;
}

} // namespace cairn::lsp
