// The policy findings of documents, as `cairn lint FILE...` finds them: the
// default pack (or what the project's cairn.yaml selects) on the objects the
// documents emit, unsaved buffers included.
#pragma once

#include <string>
#include <vector>

#include "lsp/analysis.h"

namespace cairn::lsp {

// Lints `documents` (canonical paths, grouped by their project file) and
// appends the unsuppressed findings located in Cairn files to `out.findings`.
void lintDocuments(const AnalysisRequest &request, const std::vector<std::string> &documents, Analysis &out);

} // namespace cairn::lsp
