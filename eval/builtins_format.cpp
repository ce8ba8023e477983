// toString, toJson and toYaml: deterministic text for any value.
#include "eval/builtins_impl.h"
#include "eval/value_writer.h"
#include "eval/value_ops.h"

namespace cairn::eval {
namespace {

// toJson / toYaml: the same writers as the output, so a value embedded as
// text (a ConfigMap entry) is quoted exactly like the manifests themselves.
Value writeText(BuiltinCall &call, bool json) {
  DiagnosticSink local;
  std::string out;
  WriteOptions options;
  options.compactJson = true;
  bool ok = json ? appendJson(out, call.args[0], local, options) : appendYaml(out, call.args[0], local, options);
  if (!ok)
    call.fail(local.diagnostics().empty() ? std::string("the value cannot be written")
                                          : local.diagnostics().front().message);
  return call.text(out);
}

Value toStringValue(BuiltinCall &call) {
  Value v = call.args[0];
  switch (v.kind()) {
  case ValueKind::String: return v.withSpan(call.span);
  case ValueKind::Null: return Value::string("null", call.span);
  case ValueKind::Bool: return Value::string(v.asBool() ? "true" : "false", call.span);
  case ValueKind::Int: return call.text(std::to_string(v.asInt()));
  case ValueKind::Float: return call.text(formatFloat(v.asFloat()));
  default: break;
  }
  return writeText(call, true); // lists and objects: compact JSON
}

} // namespace

Value formatBuiltin(BuiltinCall &call) {
  using types::BuiltinId;
  switch (call.id) {
  case BuiltinId::ToString: return toStringValue(call);
  case BuiltinId::ToJson: return writeText(call, true);
  case BuiltinId::ToYaml: return writeText(call, false);
  default: call.fail("not a formatting builtin");
  }
}

} // namespace cairn::eval
