// Runtime values. Immutable, arena-allocated, and each one remembers the
// source span that produced it, so later errors and policies can point at the
// user's line. Emitters read values and nothing else.
#pragma once

#include <cstdint>
#include <string>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Allocator.h>

#include "frontend/source.h"

namespace cairn::eval {

enum class ValueKind : uint8_t { Null, Bool, Int, Float, String, List, Object, Function };
const char *kindName(ValueKind kind); // "null", "bool", "int", "float", "string", "list", "object", "function"

// A float as Cairn writes it everywhere (interpolation, toString, toJson):
// the shortest text that reads back as the same double, with ".0" added when
// it would otherwise look like an int ("2.0", "0.1", "1e+20"). Non-finite
// values are "inf", "-inf" and "nan".
std::string formatFloat(double value);

struct ObjectData;
struct FunctionData; // defined by the evaluator; opaque to emitters

class Value {
public:
  Value() = default;
  static Value null(Span span) { return Value(ValueKind::Null, span); }
  static Value boolean(bool b, Span span) { Value v(ValueKind::Bool, span); v.b_ = b; return v; }
  static Value integer(int64_t i, Span span) { Value v(ValueKind::Int, span); v.i_ = i; return v; }
  static Value real(double f, Span span) { Value v(ValueKind::Float, span); v.f_ = f; return v; }
  // `text` must outlive the value (arena- or source-owned).
  static Value string(llvm::StringRef text, Span span) {
    Value v(ValueKind::String, span); v.str_ = text.data(); v.len_ = static_cast<uint32_t>(text.size()); return v;
  }
  static Value list(llvm::ArrayRef<Value> items, Span span) {
    Value v(ValueKind::List, span); v.list_ = items.data(); v.len_ = static_cast<uint32_t>(items.size()); return v;
  }
  static Value object(const ObjectData *object, Span span) { Value v(ValueKind::Object, span); v.obj_ = object; return v; }
  static Value function(const FunctionData *fn, Span span) { Value v(ValueKind::Function, span); v.fn_ = fn; return v; }

  ValueKind kind() const { return kind_; }
  Span span() const { return span_; }
  Value withSpan(Span span) const { Value v = *this; v.span_ = span; return v; }
  // Secret: this value came from a `secret param` or a Kubernetes Secret's
  // data, or was computed from one. Messages show eval/secret.h's placeholder
  // instead. The mark is on the value itself; for lists and objects see
  // containsSecret (eval/secret.h).
  bool isSecret() const { return secret_; }
  Value withSecretMark() const { Value v = *this; v.secret_ = true; return v; }

  bool isNull() const { return kind_ == ValueKind::Null; }
  bool asBool() const { return b_; }
  int64_t asInt() const { return i_; }
  double asFloat() const { return f_; }
  double asNumber() const { return kind_ == ValueKind::Int ? static_cast<double>(i_) : f_; }
  llvm::StringRef asString() const { return {str_, len_}; }
  llvm::ArrayRef<Value> asList() const { return {list_, len_}; }
  const ObjectData &asObject() const { return *obj_; }
  const FunctionData *asFunction() const { return fn_; }

private:
  Value(ValueKind kind, Span span) : kind_(kind), span_(span) {}
  ValueKind kind_ = ValueKind::Null;
  bool secret_ = false; // in what was padding: values stay 32 bytes
  uint32_t len_ = 0;
  Span span_;
  union {
    bool b_;
    int64_t i_ = 0;
    double f_;
    const char *str_;
    const Value *list_;
    const ObjectData *obj_;
    const FunctionData *fn_;
  };
};

inline constexpr uint32_t kNoSchema = UINT32_MAX;

struct ObjectField {
  llvm::StringRef name;
  Value value;
  Span nameSpan;              // where the field was set (or the schema field, for defaults)
  bool explicitInput = false; // set by the user rather than by a default (used by `with`)
};

// A schema instance (schema != kNoSchema) or a map / open object. Fields are
// in output order: schema field order for instances, insertion order for maps.
// Absent optional fields are not stored.
struct ObjectData {
  uint32_t schema = kNoSchema; // index into CheckedProgram::schemas
  llvm::StringRef typeName;    // schema name for display ("Deployment"), empty for maps
  llvm::ArrayRef<ObjectField> fields;
  // Schema instances only: fields the user explicitly set to null. They are
  // not output (null fields never are) but `with` keeps them as inputs, so a
  // default does not come back.
  llvm::ArrayRef<ObjectField> explicitNulls;

  const ObjectField *find(llvm::StringRef name) const {
    for (const ObjectField &f : fields)
      if (f.name == name)
        return &f;
    return nullptr;
  }
};

// Owns the memory of every value of one evaluation.
class ValueArena {
public:
  llvm::StringRef copyString(llvm::StringRef text);
  llvm::ArrayRef<Value> copyList(llvm::ArrayRef<Value> items);
  const ObjectData *makeObject(uint32_t schema, llvm::StringRef typeName, llvm::ArrayRef<ObjectField> fields);
  const ObjectData *makeObject(uint32_t schema, llvm::StringRef typeName, llvm::ArrayRef<ObjectField> fields,
                               llvm::ArrayRef<ObjectField> explicitNulls);
  llvm::BumpPtrAllocator &allocator() { return alloc_; }
  size_t bytesAllocated() const { return alloc_.getBytesAllocated(); }

private:
  llvm::BumpPtrAllocator alloc_;
};

} // namespace cairn::eval
