// Renders documents on every core: blocks of consecutive documents are
// rendered side by side, each into its own buffer and diagnostic sink, and
// handed on in document order, so the bytes and the diagnostics are those of
// a single-threaded run. Only a few blocks are in memory at once, so a large
// output can go to its file while later documents are still being rendered.
// (For fleet(10000), 40,000 documents, rendering was a fifth of the build.)
#pragma once

#include <string>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/STLFunctionalExtras.h>

#include "backends/emitter.h"
#include "eval/value.h"
#include "frontend/diagnostic.h"

namespace cairn::backends {

using RenderOne = llvm::function_ref<bool(std::string &text, size_t index, DiagnosticSink &diags)>;

// Calls renderOne(text, index, diags) for every document and passes what it
// appended to `sink`, in order. After a document failed to render, sink is
// not called again, but every document is still rendered so that all
// problems are reported. False if one failed or the sink refused.
bool renderInParallel(llvm::ArrayRef<eval::Value> documents, DiagnosticSink &diags, RenderOne renderOne,
                      TextSink sink);

} // namespace cairn::backends
