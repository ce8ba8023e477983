// Document links: each import path of a document links to the module file
// it loads (standard-library modules included).
#pragma once

#include <string>
#include <vector>

#include "lsp/snapshot.h"

namespace cairn::lsp {

struct DocumentLink {
  Span span;          // the path string, quotes included
  std::string target; // the canonical path of the imported file
};

std::vector<DocumentLink> documentLinks(const Snapshot &snapshot, uint32_t module);

} // namespace cairn::lsp
