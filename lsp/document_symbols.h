// The outline of one document (textDocument/documentSymbol): imports,
// params, lets, fns, schemas with their fields, type aliases, policies with
// their params and checks, and emits named after what they emit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lsp/snapshot.h"

namespace cairn::lsp {

// LSP's SymbolKind numbers for the kinds used here.
namespace symbol_kind {
inline constexpr int kModule = 2, kProperty = 7, kField = 8, kFunction = 12, kVariable = 13, kConstant = 14,
                     kBoolean = 17, kObject = 19, kStruct = 23, kEvent = 24, kTypeParameter = 26;
}

struct OutlineSymbol {
  std::string name;   // never empty
  std::string detail; // a type, an import path, a policy target
  int kind = symbol_kind::kVariable;
  Span range;         // the whole declaration
  Span selection;     // its name (inside `range`)
  std::vector<OutlineSymbol> children;
};

std::vector<OutlineSymbol> documentSymbols(const Snapshot &snapshot, uint32_t module);

} // namespace cairn::lsp
