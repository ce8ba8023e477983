#include "backends/parallel_render.h"

#include <vector>

#include "eval/parallel_chunks.h"

namespace cairn::backends {
namespace {

// Documents per block: large enough that a thread pays off, small enough
// that the blocks of one round (one per core) are a few MB.
constexpr size_t kDocumentsPerBlock = 2048;
// The writers recurse once per level of nesting in a value.
constexpr size_t kRenderStackBytes = 64u << 20;

bool isTooLarge(const DiagnosticSink &sink) {
  return !sink.diagnostics().empty() && sink.diagnostics().back().kind == DiagKind::OutputTooLarge;
}

} // namespace

bool renderInParallel(llvm::ArrayRef<eval::Value> documents, DiagnosticSink &diags, RenderOne renderOne,
                      TextSink sink) {
  size_t cores = eval::chunkCount(SIZE_MAX, 1);
  bool failed = false, refused = false, reportedTooLarge = false;
  for (size_t begin = 0; begin < documents.size() && !refused;) {
    // One round: up to one block per core.
    size_t roundEnd = std::min(documents.size(), begin + cores * kDocumentsPerBlock);
    size_t count = roundEnd - begin;
    size_t blocks = std::min(cores, (count + kDocumentsPerBlock - 1) / kDocumentsPerBlock);
    std::vector<std::string> texts(blocks);
    std::vector<DiagnosticSink> sinks(blocks);
    std::vector<char> ok(blocks, 1);
    eval::runChunks(count, blocks, kRenderStackBytes, [&](size_t block, size_t from, size_t to) {
      for (size_t i = begin + from; i < begin + to; ++i) {
        ok[block] &= renderOne(texts[block], i, sinks[block]);
        if (!ok[block] && isTooLarge(sinks[block]))
          break; // every later document would be over the bound too
      }
    });
    for (size_t block = 0; block < blocks; ++block) {
      for (Diagnostic &d : sinks[block].take()) {
        if (d.kind == DiagKind::OutputTooLarge && reportedTooLarge)
          continue; // one E0605 says it all
        reportedTooLarge |= d.kind == DiagKind::OutputTooLarge;
        diags.add(std::move(d));
      }
      failed |= !ok[block];
      if (!failed && !refused)
        refused = !sink(texts[block]);
    }
    begin = roundEnd;
  }
  return !failed && !refused;
}

} // namespace cairn::backends
