// Manifest nodes as evaluator values, so policies see objects read from YAML
// exactly like objects built by Cairn: mappings become maps, sequences
// lists, scalars typed as the API server reads them (YAML 1.1 / JSON). Every
// value keeps the span of its node, so findings point at the YAML line.
#pragma once

#include "eval/value.h"
#include "manifest/documents.h"

namespace cairn::lint {

// The value of `node` (aliases followed); strings are copied into `arena`.
eval::Value nodeToValue(const manifest::Document &doc, manifest::NodeId node, eval::ValueArena &arena);

} // namespace cairn::lint
