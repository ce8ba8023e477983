// The builtins that see the objects of a `cairn lint` run (lint_world.h).
// Outside lint they fail with E0513 rather than pretending there are no objects.
#include <algorithm>
#include <string>

#include "eval/builtins_impl.h"
#include "eval/lint_world.h"

namespace cairn::eval {
namespace {

llvm::StringRef optionalString(BuiltinCall &call, size_t i) {
  return call.args[i].isNull() ? llvm::StringRef() : call.string(i);
}

} // namespace

Value lintBuiltin(BuiltinCall &call) {
  using types::BuiltinId;
  const LintWorld *world = call.ev.options().lint;
  if (!world)
    call.ev.raise(DiagKind::LintOnlyBuiltin, call.span, call.name().str());
  switch (call.id) {
  case BuiltinId::CurrentObject: return world->currentObject();
  case BuiltinId::CurrentPath: return call.text(world->currentPath());
  case BuiltinId::AllObjects: return world->allObjects();
  case BuiltinId::FindObject: {
    Value found = world->findObject(call.string(0), optionalString(call, 1), call.string(2));
    return found.kind() == ValueKind::Null ? Value::null(call.span) : found;
  }
  case BuiltinId::SelectPods: {
    llvm::StringRef ns = optionalString(call, 0);
    llvm::SmallVector<std::pair<llvm::StringRef, llvm::StringRef>, 4> selector;
    for (const ObjectField &field : call.object(1).fields) {
      if (field.value.kind() != ValueKind::String)
        call.ev.raiseKind(field.value, "string", call.span);
      selector.push_back({field.name, field.value.asString()});
    }
    std::sort(selector.begin(), selector.end());
    std::string key = ns.str();
    for (const auto &[k, v] : selector)
      key += '\0' + k.str() + '=' + v.str();
    auto cached = call.ev.selectPodsCache().find(key);
    if (cached != call.ev.selectPodsCache().end())
      return cached->second.withSpan(call.span);
    llvm::SmallVector<Value, 8> pods;
    world->selectPods(ns, selector, pods);
    Value list = call.listValue(pods);
    call.ev.selectPodsCache()[key] = list;
    return list;
  }
  default: call.fail("not a lint builtin");
  }
}

} // namespace cairn::eval
