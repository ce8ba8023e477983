// toString, toJson and toYaml: deterministic text for any value.
#include <cmath>

#include <yaml-cpp/yaml.h>

#include "eval/builtins_impl.h"
#include "eval/value_ops.h"

namespace cairn::eval {
namespace {

void writeJsonString(llvm::StringRef text, std::string &out) {
  out += '"';
  for (char c : text) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    case '\b': out += "\\b"; break;
    case '\f': out += "\\f"; break;
    default:
      if (static_cast<unsigned char>(c) < 0x20)
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
      else
        out += c;
    }
  }
  out += '"';
}

// A string YAML would read as something else (a bool, a number, null, a
// date) or that plain style cannot hold; yaml-cpp quotes only the latter.
bool needsYamlQuotes(llvm::StringRef text) {
  if (text.empty())
    return true;
  std::string lower = text.lower();
  static constexpr llvm::StringLiteral kWords[] = {"true", "false", "yes", "no", "on", "off", "y", "n",
                                                    "null", "~", ".inf", "-.inf", "+.inf", ".nan"};
  for (llvm::StringRef word : kWords)
    if (lower == word)
      return true;
  llvm::StringRef rest = text.ltrim("+-");
  return !rest.empty() && (std::isdigit(static_cast<unsigned char>(rest[0])) ||
                           (rest[0] == '.' && rest.size() > 1 && std::isdigit(static_cast<unsigned char>(rest[1]))));
}

void writeYaml(YAML::Emitter &out, Value value, BuiltinCall &call) {
  switch (value.kind()) {
  case ValueKind::Null: out << YAML::Null; break;
  case ValueKind::Bool: out << (value.asBool() ? "true" : "false"); break;
  case ValueKind::Int: out << std::to_string(value.asInt()); break;
  case ValueKind::Float:
    if (!std::isfinite(value.asFloat()))
      call.fail("YAML output cannot hold " + formatFloat(value.asFloat()));
    out << formatFloat(value.asFloat());
    break;
  case ValueKind::String:
    if (needsYamlQuotes(value.asString()))
      out << YAML::DoubleQuoted;
    out << value.asString().str();
    break;
  case ValueKind::List:
    if (value.asList().empty())
      out << YAML::Flow;
    out << YAML::BeginSeq;
    for (Value item : value.asList())
      writeYaml(out, item, call);
    out << YAML::EndSeq;
    break;
  case ValueKind::Object:
    if (value.asObject().fields.empty())
      out << YAML::Flow;
    out << YAML::BeginMap;
    for (const ObjectField &field : value.asObject().fields) {
      out << YAML::Key;
      if (needsYamlQuotes(field.name))
        out << YAML::DoubleQuoted;
      out << field.name.str() << YAML::Value;
      writeYaml(out, field.value, call);
    }
    out << YAML::EndMap;
    break;
  case ValueKind::Function: call.fail("a function cannot be written as YAML");
  }
}

Value toYaml(BuiltinCall &call) {
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetNullFormat(YAML::LowerNull);
  writeYaml(out, call.args[0], call);
  if (!out.good())
    call.fail(out.GetLastError());
  std::string text = out.c_str();
  text += '\n';
  return call.text(text);
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
  std::string out, error;
  if (!writeJson(v, out, error))
    call.fail(error);
  return call.text(out);
}

} // namespace

bool writeJson(Value value, std::string &out, std::string &error) {
  switch (value.kind()) {
  case ValueKind::Null: out += "null"; return true;
  case ValueKind::Bool: out += value.asBool() ? "true" : "false"; return true;
  case ValueKind::Int: out += std::to_string(value.asInt()); return true;
  case ValueKind::Float:
    if (!std::isfinite(value.asFloat())) {
      error = "JSON cannot hold " + formatFloat(value.asFloat());
      return false;
    }
    out += formatFloat(value.asFloat());
    return true;
  case ValueKind::String: writeJsonString(value.asString(), out); return true;
  case ValueKind::List: {
    out += '[';
    bool first = true;
    for (Value item : value.asList()) {
      if (!first)
        out += ',';
      first = false;
      if (!writeJson(item, out, error))
        return false;
    }
    out += ']';
    return true;
  }
  case ValueKind::Object: {
    out += '{';
    bool first = true;
    for (const ObjectField &field : value.asObject().fields) {
      if (!first)
        out += ',';
      first = false;
      writeJsonString(field.name, out);
      out += ':';
      if (!writeJson(field.value, out, error))
        return false;
    }
    out += '}';
    return true;
  }
  case ValueKind::Function: error = "a function cannot be written as JSON"; return false;
  }
  return false;
}

Value formatBuiltin(BuiltinCall &call) {
  using types::BuiltinId;
  switch (call.id) {
  case BuiltinId::ToString: return toStringValue(call);
  case BuiltinId::ToJson: {
    std::string out, error;
    if (!writeJson(call.args[0], out, error))
      call.fail(error);
    return call.text(out);
  }
  case BuiltinId::ToYaml: return toYaml(call);
  default: call.fail("not a formatting builtin");
  }
}

} // namespace cairn::eval
