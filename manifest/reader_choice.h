// Which parser reads manifest text, for the differential tests of the fast
// block-YAML reader (block_reader.h) against yaml-cpp, and a full dump of
// documents to compare them by.
#pragma once

#include <string>
#include <vector>

#include "manifest/documents.h"

namespace cairn::manifest {

enum class ReaderChoice {
  FastFirst,   // the fast reader, yaml-cpp for every piece it declines (readDocuments)
  YamlCppOnly, // every piece through yaml-cpp
};

// readDocuments with an explicit choice; `fastPieces` (if given) receives
// how many pieces the fast reader read.
std::vector<Document> readDocumentsWith(const SourceManager &sources, FileId file, bool strictKeys,
                                        const ReadLimits &limits, ReaderChoice choice, size_t *fastPieces = nullptr);

// Every field of every node, the scalar text and the problems (kind, span,
// message, labels, notes, hint), one item a line.
std::string dumpDocuments(const std::vector<Document> &documents);

} // namespace cairn::manifest
