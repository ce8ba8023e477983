// The table of built-in functions (their typing is in builtin_types.cpp).
#include "typecheck/builtins.h"

namespace cairn::types {

namespace {

constexpr BuiltinInfo kBuiltins[] = {
#define CAIRN_BUILTIN_INFO(id, name, minArgs, maxArgs, doc)                                        \
  {BuiltinId::id, llvm::StringLiteral(name), minArgs, maxArgs, llvm::StringLiteral(doc)},
    CAIRN_BUILTINS(CAIRN_BUILTIN_INFO)
#undef CAIRN_BUILTIN_INFO
};

} // namespace

llvm::ArrayRef<BuiltinInfo> builtinTable() { return kBuiltins; }

std::optional<BuiltinId> findBuiltin(llvm::StringRef name) {
  for (const BuiltinInfo &info : kBuiltins)
    if (info.name == name)
      return info.id;
  return std::nullopt;
}

const BuiltinInfo &builtinInfo(BuiltinId id) { return kBuiltins[static_cast<size_t>(id)]; }

} // namespace cairn::types
