// Shared by the builtin implementation files: the call being made and
// argument accessors that report misuse (E0510 wrong kind, E0511 bad value).
#pragma once

#include "eval/evaluator.h"

namespace cairn::eval {

struct BuiltinCall {
  Evaluator &ev;
  types::BuiltinId id;
  llvm::ArrayRef<Value> args;
  Span span;

  llvm::StringRef name() const { return types::builtinInfo(id).name; }
  // `why` may quote an argument: secret ones are replaced (eval/secret.h).
  [[noreturn]] void fail(const std::string &why) {
    ev.raise(DiagKind::BuiltinFailed, span, name().str(), ev.scrubbed(why, args));
  }
  [[noreturn]] void wrongKind(size_t i, llvm::StringRef expected) { ev.raiseKind(args[i], expected, span); }

  llvm::StringRef string(size_t i) {
    if (args[i].kind() != ValueKind::String)
      wrongKind(i, "string");
    return args[i].asString();
  }
  int64_t integer(size_t i) {
    if (args[i].kind() != ValueKind::Int)
      wrongKind(i, "int");
    return args[i].asInt();
  }
  llvm::ArrayRef<Value> list(size_t i) {
    if (args[i].kind() != ValueKind::List)
      wrongKind(i, "list");
    return args[i].asList();
  }
  const ObjectData &object(size_t i) {
    if (args[i].kind() != ValueKind::Object)
      wrongKind(i, "map");
    return args[i].asObject();
  }
  Value function(size_t i) {
    if (args[i].kind() != ValueKind::Function)
      wrongKind(i, "function");
    return args[i];
  }

  Value text(llvm::StringRef s) { return ev.makeString(s, span); }
  Value boolean(bool b) const { return Value::boolean(b, span); }
  Value integerValue(int64_t i) const { return Value::integer(i, span); }
  Value listValue(llvm::ArrayRef<Value> items) { return ev.makeList(items, span); }
};

// One per file, each a switch over the builtins it implements.
Value collectionBuiltin(BuiltinCall &call); // builtins.cpp
Value listBuiltin(BuiltinCall &call);       // builtins_list.cpp
Value textBuiltin(BuiltinCall &call);       // builtins_text.cpp
Value encodingBuiltin(BuiltinCall &call);   // builtins_encoding.cpp
Value formatBuiltin(BuiltinCall &call);     // builtins_format.cpp
Value lintBuiltin(BuiltinCall &call);       // builtins_lint.cpp


} // namespace cairn::eval
