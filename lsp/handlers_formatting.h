// textDocument/formatting and textDocument/rangeFormatting through the
// formatter of `cairn fmt` (format/format.h): the same canonical layout, so
// editor options such as tabSize are deliberately not applied. A document with
// syntax errors is left alone (null result, no error).
#pragma once

#include "lsp/protocol.h"

namespace cairn::lsp {

json handleFormatting(const FeatureContext &ctx, const json &params);
json handleRangeFormatting(const FeatureContext &ctx, const json &params);
json formattingCapabilities();

} // namespace cairn::lsp
