#include "eval/value_ops.h"
#include "eval/secret.h"

#include <cmath>
#include <cstring>

#include <fmt/format.h>

namespace cairn::eval {
namespace {

bool isNumber(Value v) { return v.kind() == ValueKind::Int || v.kind() == ValueKind::Float; }

bool numbersEqual(Value a, Value b) {
  if (a.kind() == ValueKind::Int && b.kind() == ValueKind::Int)
    return a.asInt() == b.asInt();
  return a.asNumber() == b.asNumber();
}

bool objectsEqual(const ObjectData &a, const ObjectData &b) {
  if (a.schema != b.schema || a.fields.size() != b.fields.size())
    return false;
  for (const ObjectField &field : a.fields) {
    const ObjectField *other = b.find(field.name);
    if (!other || !valuesEqual(field.value, other->value))
      return false;
  }
  return true;
}

// Content hashes (FNV-1a and a boost-style mix): the same on every run. Used
// only for bucketing in `unique`, never for output order.
uint64_t mix(uint64_t seed, uint64_t value) {
  seed ^= value + 0x9e3779b97f4a7c15ull + (seed << 6) + (seed >> 2);
  return seed;
}

uint64_t hashString(llvm::StringRef text) {
  uint64_t h = 1469598103934665603ull; // FNV-1a
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

} // namespace

bool valuesEqual(Value a, Value b) {
  if (isNumber(a) && isNumber(b))
    return numbersEqual(a, b);
  if (a.kind() != b.kind())
    return false;
  switch (a.kind()) {
  case ValueKind::Null: return true;
  case ValueKind::Bool: return a.asBool() == b.asBool();
  case ValueKind::String: return a.asString() == b.asString();
  case ValueKind::List: {
    llvm::ArrayRef<Value> x = a.asList(), y = b.asList();
    if (x.size() != y.size())
      return false;
    for (size_t i = 0; i < x.size(); ++i)
      if (!valuesEqual(x[i], y[i]))
        return false;
    return true;
  }
  case ValueKind::Object: return &a.asObject() == &b.asObject() || objectsEqual(a.asObject(), b.asObject());
  case ValueKind::Function: return a.asFunction() == b.asFunction();
  default: return false;
  }
}

uint64_t hashValue(Value value) {
  switch (value.kind()) {
  case ValueKind::Null: return 0x6e756c6c;
  case ValueKind::Bool: return value.asBool() ? 0x74727565 : 0x66616c73;
  case ValueKind::Int: return mix(3, static_cast<uint64_t>(value.asInt()));
  case ValueKind::Float: {
    double f = value.asFloat();
    // Equal to an int when integral: hash like that int.
    if (std::trunc(f) == f && std::fabs(f) < 9.2e18)
      return mix(3, static_cast<uint64_t>(static_cast<int64_t>(f)));
    uint64_t bits;
    std::memcpy(&bits, &f, sizeof bits);
    return mix(4, bits);
  }
  case ValueKind::String: return mix(5, hashString(value.asString()));
  case ValueKind::List: {
    uint64_t h = 6;
    for (Value item : value.asList())
      h = mix(h, hashValue(item));
    return h;
  }
  case ValueKind::Object: {
    // Order-insensitive, like equality.
    uint64_t sum = 0;
    for (const ObjectField &field : value.asObject().fields)
      sum += mix(hashString(field.name), hashValue(field.value));
    return mix(mix(7, value.asObject().schema), sum);
  }
  case ValueKind::Function: return 8;
  }
  return 0;
}

int compareScalars(Value a, Value b) {
  if (a.kind() == ValueKind::String) {
    int c = a.asString().compare(b.asString());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  if (a.kind() == ValueKind::Int && b.kind() == ValueKind::Int)
    return a.asInt() < b.asInt() ? -1 : a.asInt() > b.asInt() ? 1 : 0;
  double x = a.asNumber(), y = b.asNumber();
  return x < y ? -1 : x > y ? 1 : 0;
}

std::string describeValue(Value value) {
  switch (value.kind()) {
  case ValueKind::Null: return "null";
  case ValueKind::Bool: return "a bool";
  case ValueKind::Int: return "an int";
  case ValueKind::Float: return "a float";
  case ValueKind::String: return "a string";
  case ValueKind::List: return "a list";
  case ValueKind::Object:
    if (value.asObject().schema != kNoSchema)
      return fmt::format("a `{}`", value.asObject().typeName.str());
    return "a map";
  case ValueKind::Function: return "a function";
  }
  return "a value";
}

std::string showValue(Value value) {
  if (containsSecret(value))
    return kSecretPlaceholder.str();
  switch (value.kind()) {
  case ValueKind::Null: return "null";
  case ValueKind::Bool: return value.asBool() ? "true" : "false";
  case ValueKind::Int: return std::to_string(value.asInt());
  case ValueKind::Float: return formatFloat(value.asFloat());
  case ValueKind::String: {
    llvm::StringRef text = value.asString();
    std::string shown;
    for (char c : text.take_front(60)) {
      if (c == '"' || c == '\\')
        shown += '\\';
      if (c == '\n')
        shown += "\\n";
      else
        shown += c;
    }
    if (text.size() > 60)
      shown += "...";
    return "\"" + shown + "\"";
  }
  default: return describeValue(value);
  }
}

} // namespace cairn::eval
