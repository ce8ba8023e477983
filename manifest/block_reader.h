// A reader for the block-YAML subset that Kubernetes manifests are written
// in, making exactly the nodes yaml-cpp's events make (same offsets, text,
// quoted flags and so the same problems).
//
// Why it exists: `perf` on `cairn validate` of 50,000 fleet objects (21.7 MB)
// put 72% of the time in yaml-cpp (42% in RegEx::MatchUnchecked alone), which
// reads about 8 MB/s. This reader makes the same documents from that file
// with 14x less CPU (3.5 s -> 0.25 s, both cores; 85 MB/s per core).
//
// Subset: block mappings and sequences (indentless ones included), `- - x`,
// `- key: v`, single-line plain / single- and double-quoted scalars,
// comments, a leading `---`, and single-line flow sequences of scalars and
// empty `[]` / `{}`. Anything else (anchors, aliases, tags, block scalars,
// `?` keys, multi-line scalars, multi-line flow, tabs, a BOM, directives,
// `...`, an escape it does not know) or anything yaml-cpp would reject makes
// it decline the whole piece, which is then read by yaml-cpp: diagnostics
// stay exactly as yaml-cpp's path makes them.
#pragma once

#include <llvm/ADT/StringRef.h>

#include "manifest/node_builder.h"

namespace cairn::manifest {

// Reads one stream piece (one document, `text` starts at byte `base` of the
// file) into `builder`. False when the piece is outside the subset; the
// builder's document must then be thrown away.
bool readBlockYaml(llvm::StringRef text, uint32_t base, NodeBuilder &builder);

} // namespace cairn::manifest
