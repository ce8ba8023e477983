#include "lsp/signature_builtins.h"

#include <array>

namespace cairn::lsp {
namespace {

using types::BuiltinId;

struct Entry {
  BuiltinId id;
  BuiltinSignature signature;
};

const std::vector<Entry> &table() {
  static const std::vector<Entry> entries = {
      {BuiltinId::Len, {{"x: [any] | {string: any} | string"}, "int"}},
      {BuiltinId::Keys, {{"m: {string: any}"}, "[string]"}},
      {BuiltinId::Values, {{"m: {string: T}"}, "[T]"}},
      {BuiltinId::Has, {{"m: {string: any}", "key: string"}, "bool"}},
      {BuiltinId::Contains, {{"haystack: string | [T]", "needle: string | T"}, "bool"}},
      {BuiltinId::ToString, {{"x: any"}, "string"}},
      {BuiltinId::ToInt, {{"x: string | float | int"}, "int"}},
      {BuiltinId::ToFloat, {{"x: string | int | float"}, "float"}},
      {BuiltinId::Upper, {{"s: string"}, "string"}},
      {BuiltinId::Lower, {{"s: string"}, "string"}},
      {BuiltinId::Trim, {{"s: string"}, "string"}},
      {BuiltinId::Split, {{"s: string", "separator: string"}, "[string]"}},
      {BuiltinId::Join, {{"parts: [string]", "separator: string"}, "string"}},
      {BuiltinId::Replace, {{"s: string", "old: string", "new: string"}, "string"}},
      {BuiltinId::StartsWith, {{"s: string", "prefix: string"}, "bool"}},
      {BuiltinId::EndsWith, {{"s: string", "suffix: string"}, "bool"}},
      {BuiltinId::Substr, {{"s: string", "start: int", "length?: int"}, "string"}},
      {BuiltinId::Matches, {{"s: string", "regex: string"}, "bool"}},
      {BuiltinId::Range, {{"startOrEnd: int", "end?: int"}, "[int]"}},
      {BuiltinId::Sort, {{"xs: [T]"}, "[T]"}},
      {BuiltinId::Reverse, {{"xs: [T]"}, "[T]"}},
      {BuiltinId::Unique, {{"xs: [T]"}, "[T]"}},
      {BuiltinId::Flatten, {{"xss: [[T]]"}, "[T]"}},
      {BuiltinId::Map, {{"xs: [T]", "f: fn(T) -> R"}, "[R]"}},
      {BuiltinId::Filter, {{"xs: [T]", "f: fn(T) -> bool"}, "[T]"}},
      {BuiltinId::All, {{"xs: [T]", "f: fn(T) -> bool"}, "bool"}},
      {BuiltinId::Exists, {{"xs: [T]", "f: fn(T) -> bool"}, "bool"}},
      {BuiltinId::Sum, {{"xs: [int] | [float]"}, "int | float"}},
      {BuiltinId::Min, {{"xs: [int] | [float]"}, "int | float"}},
      {BuiltinId::Max, {{"xs: [int] | [float]"}, "int | float"}},
      {BuiltinId::Abs, {{"x: int | float"}, "int | float"}},
      {BuiltinId::Merge, {{"a: {string: T}", "b: {string: T}"}, "{string: T}"}},
      {BuiltinId::Base64Encode, {{"s: string"}, "string"}},
      {BuiltinId::Base64Decode, {{"s: string"}, "string"}},
      {BuiltinId::Sha256, {{"s: string"}, "string"}},
      {BuiltinId::ToJson, {{"x: any"}, "string"}},
      {BuiltinId::ToYaml, {{"x: any"}, "string"}},
      {BuiltinId::Fail, {{"message: string"}, "never"}},
      {BuiltinId::TypeOf, {{"x: any"}, "string"}},
      {BuiltinId::CurrentObject, {{}, "any"}},
      {BuiltinId::CurrentPath, {{}, "string"}},
      {BuiltinId::AllObjects, {{}, "[any]"}},
      {BuiltinId::FindObject, {{"kind: string", "namespace: string?", "name: string"}, "any"}},
      {BuiltinId::SelectPods, {{"namespace: string?", "selector: {string: string}"}, "[any]"}},
  };
  return entries;
}

} // namespace

const BuiltinSignature &builtinSignature(BuiltinId builtin) {
  static const BuiltinSignature unknown{{}, "any"};
  for (const Entry &entry : table())
    if (entry.id == builtin)
      return entry.signature;
  return unknown;
}

} // namespace cairn::lsp
