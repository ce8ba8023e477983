#include "eval/value.h"

#include <cmath>
#include <cstring>
#include <memory>

#include <fmt/format.h>

namespace cairn::eval {

const char *kindName(ValueKind kind) {
  switch (kind) {
  case ValueKind::Null: return "null";
  case ValueKind::Bool: return "bool";
  case ValueKind::Int: return "int";
  case ValueKind::Float: return "float";
  case ValueKind::String: return "string";
  case ValueKind::List: return "list";
  case ValueKind::Object: return "object";
  case ValueKind::Function: return "function";
  }
  return "value";
}

std::string formatFloat(double value) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value < 0 ? "-inf" : "inf";
  std::string text = fmt::format("{}", value);
  // Keep floats recognisable as floats: "2" would read back as an int.
  if (text.find_first_not_of("-0123456789") == std::string::npos)
    text += ".0";
  return text;
}

llvm::StringRef ValueArena::copyString(llvm::StringRef text) {
  if (text.empty())
    return {};
  char *memory = static_cast<char *>(alloc_.Allocate(text.size(), 1));
  std::memcpy(memory, text.data(), text.size());
  return {memory, text.size()};
}

llvm::ArrayRef<Value> ValueArena::copyList(llvm::ArrayRef<Value> items) {
  if (items.empty())
    return {};
  Value *memory = alloc_.Allocate<Value>(items.size());
  std::uninitialized_copy(items.begin(), items.end(), memory);
  return {memory, items.size()};
}

const ObjectData *ValueArena::makeObject(uint32_t schema, llvm::StringRef typeName,
                                         llvm::ArrayRef<ObjectField> fields) {
  return makeObject(schema, typeName, fields, {});
}

const ObjectData *ValueArena::makeObject(uint32_t schema, llvm::StringRef typeName,
                                         llvm::ArrayRef<ObjectField> fields,
                                         llvm::ArrayRef<ObjectField> explicitNulls) {
  auto copyFields = [&](llvm::ArrayRef<ObjectField> items) -> llvm::ArrayRef<ObjectField> {
    if (items.empty())
      return {};
    ObjectField *memory = alloc_.Allocate<ObjectField>(items.size());
    std::uninitialized_copy(items.begin(), items.end(), memory);
    return {memory, items.size()};
  };
  ObjectData *object = new (alloc_.Allocate<ObjectData>()) ObjectData();
  object->schema = schema;
  object->typeName = typeName;
  object->fields = copyFields(fields);
  object->explicitNulls = copyFields(explicitNulls);
  return object;
}

} // namespace cairn::eval
