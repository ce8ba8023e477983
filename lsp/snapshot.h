// One analysed state of the workspace, immutable once built: every module the
// analysed documents reach (parsed, imports resolved, checked), and the
// diagnostics of every phase. Editor features are pure functions of a
// Snapshot plus a module and a byte offset; they never see JSON or UTF-16.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringMap.h>

#include "frontend/diagnostic.h"
#include "frontend/program.h"
#include "typecheck/checked_program.h"

namespace cairn::lsp {

struct Snapshot {
  Program program;
  types::CheckedProgram checked;
  // Parse, import, type, evaluation and policy diagnostics, in no order.
  std::vector<Diagnostic> diagnostics;
  // Canonical path (as in ProgramModule::canonicalPath) -> module index.
  llvm::StringMap<uint32_t> moduleByPath;
  // Where non-relative imports are found (completion of import paths).
  std::vector<std::filesystem::path> stdlibDirs;

  std::optional<uint32_t> moduleOf(llvm::StringRef canonicalPath) const {
    auto it = moduleByPath.find(canonicalPath);
    if (it == moduleByPath.end())
      return std::nullopt;
    return it->second;
  }
  // FileId index -> module index (filled with moduleByPath).
  llvm::DenseMap<uint32_t, uint32_t> moduleByFile;

  // The module whose source is `file`, if any.
  std::optional<uint32_t> moduleOfFile(FileId file) const {
    auto it = moduleByFile.find(file.index);
    if (it == moduleByFile.end())
      return std::nullopt;
    return it->second;
  }
  const ast::Module &ast(uint32_t module) const { return program.modules[module].ast; }
  const types::CheckedModule &types(uint32_t module) const { return checked.modules[module]; }
  llvm::StringRef text(uint32_t module) const {
    return program.sources.file(program.modules[module].file).text();
  }
};

} // namespace cairn::lsp
