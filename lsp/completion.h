// Completion at a cursor, as a pure function of a snapshot: the fields of
// the schema expected in an object body, literal values in value position,
// names in scope, members after `.`, module paths in `import "..."`, type
// names and keywords. Works on documents that do not parse (see
// cursor_context.h and completion_types.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lsp/snapshot.h"

namespace cairn::lsp {

// The LSP CompletionItemKind values used.
enum class CompletionKind : int {
  Function = 3,
  Field = 5,
  Variable = 6,
  Module = 9,
  Value = 12,
  Keyword = 14,
  File = 17,
  Folder = 19,
  EnumMember = 20,
  Constant = 21,
  Struct = 22,
  TypeParameter = 25,
};

struct CompletionItem {
  std::string label;
  CompletionKind kind = CompletionKind::Variable;
  std::string detail;        // a type or a signature
  std::string documentation; // Markdown
  std::string sortText;
  std::string insertText;    // replaces [replaceBegin, replaceEnd)
  bool snippet = false;      // insertText is an LSP snippet
  uint32_t replaceBegin = 0, replaceEnd = 0; // bytes, on the cursor's line
};

struct CompletionOptions {
  bool snippets = false;
};

struct CompletionResult {
  std::vector<CompletionItem> items;
};

CompletionResult complete(const Snapshot &snapshot, uint32_t module, uint32_t offset,
                          const CompletionOptions &options = {});

// The standard-library directory the snapshot's modules come from (derived
// from a stdlib module and the import path that reached it); empty if no
// module of the snapshot was loaded from the standard library.
std::string stdlibRootOf(const Snapshot &snapshot, uint32_t module);
// Module paths for `import "<typed>`: stdlib modules ("k8s/apps/v1") and
// files relative to the importing module ("./lib/util"), as completion items.
std::vector<CompletionItem> importPathItems(const Snapshot &snapshot, uint32_t module, llvm::StringRef typed);

} // namespace cairn::lsp
