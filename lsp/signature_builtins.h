// The signatures of the builtin functions as an editor shows them: parameter
// labels and the result, in Cairn type syntax. typecheck/builtins.h has the
// names, arities and docs; the checker types calls case by case, so the
// labels users read live here.
#pragma once

#include <vector>

#include <llvm/ADT/StringRef.h>

#include "typecheck/builtins.h"

namespace cairn::lsp {

struct BuiltinSignature {
  std::vector<llvm::StringRef> params; // `s: string`, `length?: int`
  llvm::StringRef result;
};

const BuiltinSignature &builtinSignature(types::BuiltinId builtin);

} // namespace cairn::lsp
