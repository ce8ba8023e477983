// Shared by the navigation, rename and symbols tests: spans as plain
// [begin, end) pairs to compare with annotated ranges, and a one-file
// workspace shortcut.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "annotations.h"
#include "lsp/snapshot.h"
#include "test_workspace.h"

namespace cairn::lsp::test {

using Pair = std::pair<uint32_t, uint32_t>;

inline Pair pairOf(Span span) { return {span.begin, span.end}; }

// The file of module `name`'s source, to check a span's file.
inline FileId fileOf(const Snapshot &snapshot, const std::string &name) {
  return snapshot.program.modules[TestWorkspace::module(snapshot, name)].file;
}

// A workspace holding one file, main.cairn.
struct SingleFile {
  explicit SingleFile(const std::string &marked) : source(marked) {
    TestWorkspace ws;
    ws.add("main.cairn", source.code);
    snapshot = ws.analyze();
    module = TestWorkspace::module(*snapshot, "main.cairn");
    file = snapshot->program.modules[module].file;
  }
  Annotated source;
  std::shared_ptr<const Snapshot> snapshot;
  uint32_t module = 0;
  FileId file;
};

} // namespace cairn::lsp::test
