// The table of editor features: LSP method -> handler of a feature helper
// (lsp/handlers_*.h), and what snapshot it needs. Adding a feature is one
// line in dispatch_features.cpp.
#pragma once

#include <vector>

#include "lsp/protocol.h"

namespace cairn::lsp {

using FeatureHandler = json (*)(const FeatureContext &ctx, const json &params);

enum class FeatureScope : uint8_t {
  Document,  // params.textDocument names the document; its module is ctx.module
  Workspace, // also every .cairn file of the workspace (references, rename, workspace symbols);
             // ctx.module is the document's when params has a textDocument, else module 0
};

struct FeatureEntry {
  const char *method;
  FeatureHandler handler;
  FeatureScope scope;
};

const std::vector<FeatureEntry> &featureTable();
const FeatureEntry *findFeature(const std::string &method);
// The `capabilities` the features add to initialize's result, merged.
json featureCapabilities(const ClientCapabilities &client);

} // namespace cairn::lsp
