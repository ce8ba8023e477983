// Rename: what can be renamed (never the standard library, builtins,
// keywords or literals), whether a new name is valid for that symbol, and
// the edits in every file that mentions it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lsp/symbol_at.h"

namespace cairn::lsp {

struct RenameCheck {
  std::optional<Occurrence> occurrence; // set when the symbol at the offset can be renamed
  std::string refusal;                  // otherwise: why not, for the user
};
RenameCheck checkRename(const Snapshot &snapshot, uint32_t module, uint32_t offset);

struct TextEdit {
  Span span; // replaced (empty: an insertion)
  std::string newText;
};

struct RenamePlan {
  std::vector<TextEdit> edits; // in module order, then source order
  std::string refusal;         // the symbol cannot be renamed (see checkRename)
  std::string invalidName;     // the new name does not fit the symbol
};
RenamePlan planRename(const Snapshot &snapshot, uint32_t module, uint32_t offset, llvm::StringRef newName);

} // namespace cairn::lsp
