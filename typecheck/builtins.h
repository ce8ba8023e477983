// The built-in functions in every module's scope. The checker types calls to
// them (typecheck/builtins.cpp); the evaluator implements them (eval/builtins.cpp).
#pragma once

#include <cstdint>
#include <optional>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>

namespace cairn::types {

#define CAIRN_BUILTINS(X)                                                                         \
  X(Len, "len", 1, 1, "number of elements of a list or map, or characters of a string")          \
  X(Keys, "keys", 1, 1, "the keys of a map, in order")                                            \
  X(Values, "values", 1, 1, "the values of a map, in order")                                      \
  X(Has, "has", 2, 2, "whether a map has a key")                                                  \
  X(Contains, "contains", 2, 2, "whether a string contains a substring or a list an element")     \
  X(ToString, "toString", 1, 1, "a value as text (numbers and booleans as written)")              \
  X(ToInt, "toInt", 1, 1, "a string or float as an int")                                          \
  X(ToFloat, "toFloat", 1, 1, "a string or int as a float")                                       \
  X(Upper, "upper", 1, 1, "a string in upper case (ASCII)")                                       \
  X(Lower, "lower", 1, 1, "a string in lower case (ASCII)")                                       \
  X(Trim, "trim", 1, 1, "a string without leading and trailing white space")                      \
  X(Split, "split", 2, 2, "a string cut at every separator")                                      \
  X(Join, "join", 2, 2, "strings joined with a separator")                                        \
  X(Replace, "replace", 3, 3, "a string with every occurrence of a substring replaced")           \
  X(StartsWith, "startsWith", 2, 2, "whether a string starts with a prefix")                      \
  X(EndsWith, "endsWith", 2, 2, "whether a string ends with a suffix")                            \
  X(Substr, "substr", 2, 3, "part of a string: start and optional length, in characters")         \
  X(Matches, "matches", 2, 2, "whether a whole string matches a regular expression")              \
  X(Range, "range", 1, 2, "the ints from 0 (or a start) up to, not including, an end")            \
  X(Sort, "sort", 1, 1, "a list of strings or numbers in ascending order")                        \
  X(Reverse, "reverse", 1, 1, "a list in reverse order")                                          \
  X(Unique, "unique", 1, 1, "a list without repeated elements, first occurrences kept")           \
  X(Flatten, "flatten", 1, 1, "a list of lists as one list")                                      \
  X(Map, "map", 2, 2, "a list with a function applied to each element")                           \
  X(Filter, "filter", 2, 2, "the elements of a list for which a function returns true")           \
  X(All, "all", 2, 2, "whether a function returns true for every element of a list")              \
  X(Exists, "exists", 2, 2, "whether a function returns true for some element of a list")         \
  X(Sum, "sum", 1, 1, "the sum of a list of numbers")                                             \
  X(Min, "min", 1, 1, "the smallest element of a non-empty list of numbers")                      \
  X(Max, "max", 1, 1, "the largest element of a non-empty list of numbers")                       \
  X(Abs, "abs", 1, 1, "the absolute value of a number")                                           \
  X(Merge, "merge", 2, 2, "two maps as one; keys of the second win")                              \
  X(Base64Encode, "base64Encode", 1, 1, "a string encoded as base64")                             \
  X(Base64Decode, "base64Decode", 1, 1, "a base64 string decoded")                                \
  X(Sha256, "sha256", 1, 1, "the SHA-256 of a string, as 64 hex digits")                          \
  X(ToJson, "toJson", 1, 1, "a value as compact JSON text")                                       \
  X(ToYaml, "toYaml", 1, 1, "a value as YAML text")                                               \
  X(Fail, "fail", 1, 1, "stops evaluation with an error message")                                \
  X(TypeOf, "typeOf", 1, 1, "the kind of a value: null, bool, int, float, string, list, object or function") \
  X(CurrentObject, "currentObject", 0, 0, "in a policy: the top-level object being checked")     \
  X(CurrentPath, "currentPath", 0, 0, "in a policy: the field path of `self` in that object")    \
  X(AllObjects, "allObjects", 0, 0, "in a policy: every object being linted")                    \
  X(FindObject, "findObject", 3, 3, "in a policy: the object of a kind, namespace and name, or null") \
  X(SelectPods, "selectPods", 2, 2, "in a policy: the pod-running objects of a namespace whose pod labels include a selector")

enum class BuiltinId : uint8_t {
#define CAIRN_BUILTIN_ENUM(id, name, minArgs, maxArgs, doc) id,
  CAIRN_BUILTINS(CAIRN_BUILTIN_ENUM)
#undef CAIRN_BUILTIN_ENUM
};

struct BuiltinInfo {
  BuiltinId id;
  llvm::StringLiteral name;
  uint8_t minArgs, maxArgs;
  llvm::StringLiteral doc;
};

llvm::ArrayRef<BuiltinInfo> builtinTable();
std::optional<BuiltinId> findBuiltin(llvm::StringRef name);
const BuiltinInfo &builtinInfo(BuiltinId id);

} // namespace cairn::types
