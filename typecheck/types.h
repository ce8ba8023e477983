// Semantic types, interned in a TypeStore and referred to by TypeId. Two
// structurally equal types get the same id, so type equality is id equality.
#pragma once

#include <cstdint>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringRef.h>

namespace cairn::types {

struct TypeId {
  uint32_t index = UINT32_MAX;
  bool valid() const { return index != UINT32_MAX; }
  friend bool operator==(TypeId a, TypeId b) { return a.index == b.index; }
  friend bool operator!=(TypeId a, TypeId b) { return a.index != b.index; }
};

enum class TypeKind : uint8_t {
  Error,    // the type of erroneous code: compatible with everything, never reported twice
  Any,      // any value; assignments from `any` are checked at run time
  Never,    // the type of an empty list's elements
  Null,
  Bool,
  Int,      // optionally refined by an inclusive range
  Float,    // optionally refined by an inclusive range
  String,   // optionally refined by a length range and/or a regex (ECMAScript, whole-string match)
  Literal,  // one constant: "Always", 3, true
  List,     // [element]
  Map,      // {string: element}
  Union,    // members are flattened, deduplicated and sorted by id; `T?` is `T | null`
  Schema,   // a schema instance; `schema` indexes CheckedProgram::schemas
  Function, // params -> result
};

struct IntRange {
  bool hasLow = false, hasHigh = false;
  int64_t low = 0, high = 0;
  bool unbounded() const { return !hasLow && !hasHigh; }
  bool contains(int64_t v) const { return (!hasLow || v >= low) && (!hasHigh || v <= high); }
};
struct FloatRange {
  bool hasLow = false, hasHigh = false;
  double low = 0, high = 0;
  bool unbounded() const { return !hasLow && !hasHigh; }
  bool contains(double v) const { return (!hasLow || v >= low) && (!hasHigh || v <= high); }
};

struct LiteralValue {
  enum Kind : uint8_t { Bool, Int, Float, String } kind = String;
  bool b = false;
  int64_t i = 0;
  double f = 0;
  std::string s;
};

struct Type {
  TypeKind kind = TypeKind::Error;
  IntRange intRange;        // Int: value range; String: length range
  FloatRange floatRange;    // Float
  std::string pattern;      // String: regex source, empty if none
  LiteralValue literal;     // Literal
  TypeId element;           // List, Map
  std::vector<TypeId> members; // Union: members; Function: parameters
  TypeId result;            // Function
  uint32_t schema = UINT32_MAX; // Schema
  std::string aliasName;    // set when the type was declared with `type NAME = ...` (for display)
  TypeId aliased;           // set on alias wrappers: the (stripped) aliased type
};

struct SchemaInfo;

// The shortest text that reads back as `value`, always with a `.` or exponent (`3.0`, `0.1`).
std::string formatFloat(double value);
// A literal as written in source: `"a"`, `3`, `2.5`, `true`.
std::string displayLiteral(const LiteralValue &value);

class TypeStore {
public:
  TypeStore();
  TypeStore(TypeStore &&) = default;
  TypeStore &operator=(TypeStore &&) = default;

  TypeId error() const { return error_; }
  TypeId any() const { return any_; }
  TypeId never() const { return never_; }
  TypeId null() const { return null_; }
  TypeId boolean() const { return bool_; }
  TypeId integer() const { return int_; }
  TypeId floating() const { return float_; }
  TypeId string() const { return string_; }

  TypeId refinedInt(IntRange range);
  TypeId refinedFloat(FloatRange range);
  TypeId refinedString(IntRange length, std::string pattern);
  TypeId literal(LiteralValue value);
  TypeId list(TypeId element);
  TypeId map(TypeId element);
  TypeId unionOf(llvm::ArrayRef<TypeId> members); // flattens; a single member is returned as is
  TypeId optional(TypeId inner) { return unionOf({inner, null_}); }
  TypeId schema(uint32_t schemaIndex);
  TypeId function(llvm::ArrayRef<TypeId> params, TypeId result);
  // The same type, displayed as `name` (a `type` alias). Alias ids are distinct
  // from the aliased type's id; use `strip` before comparing structurally.
  TypeId alias(TypeId type, llvm::StringRef name);
  TypeId strip(TypeId type) const; // removes alias wrappers

  const Type &get(TypeId id) const { return *types_[id.index]; }
  // True for Int/Float/String types carrying a range or regex, and for Literal
  // types: their values need a check beyond the base type.
  bool isRefined(TypeId id) const;
  // The type without refinements or literal values: `int(1..5)` and `3` -> `int`.
  TypeId unrefined(TypeId id) const;
  TypeKind kind(TypeId id) const { return get(id).kind; }
  size_t size() const { return types_.size(); }

  // The compiled regex of a refined string type (cached), or null if none.
  const std::regex *regex(TypeId id) const;

  // `{string: int(1..65535)}`, `"a" | "b"`, `Service`, `Port`.
  std::string display(TypeId id, llvm::ArrayRef<SchemaInfo> schemas) const;

private:
  TypeId intern(Type type);
  std::vector<std::unique_ptr<Type>> types_;
  llvm::DenseMap<uint64_t, llvm::SmallVector<uint32_t, 1>> byHash_;
  mutable llvm::DenseMap<uint32_t, std::shared_ptr<std::regex>> regexCache_;
  TypeId error_, any_, never_, null_, bool_, int_, float_, string_;
};

} // namespace cairn::types
