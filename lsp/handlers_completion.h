// JSON glue of completion, hover and signature help (textDocument/completion,
// textDocument/hover, textDocument/signatureHelp). Each returns the LSP
// `result`; malformed params throw ProtocolError(kInvalidParams).
#pragma once

#include "lsp/protocol.h"

namespace cairn::lsp {

json handleCompletion(const FeatureContext &ctx, const json &params);
json handleHover(const FeatureContext &ctx, const json &params);
json handleSignatureHelp(const FeatureContext &ctx, const json &params);

// The server-capabilities fragment of these features, merged into
// `initialize`'s result: completionProvider, hoverProvider, signatureHelpProvider.
json completionCapabilities();

} // namespace cairn::lsp
