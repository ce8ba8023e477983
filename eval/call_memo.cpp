#include "eval/call_memo.h"

#include <cstring>

#include <llvm/Support/xxhash.h>

namespace cairn::eval {
namespace {

bool sameSpan(Span a, Span b) { return a.file == b.file && a.begin == b.begin && a.end == b.end; }

bool sameArgument(const Value &a, const Value &b) {
  // A secret argument must not hit the entry of an equal public one: the
  // result would lose its mark.
  if (a.isSecret() != b.isSecret())
    return false;
  if (a.kind() != b.kind() || !sameSpan(a.span(), b.span()))
    return false;
  switch (a.kind()) {
  case ValueKind::Null: return true;
  case ValueKind::Bool: return a.asBool() == b.asBool();
  case ValueKind::Int: return a.asInt() == b.asInt();
  case ValueKind::Float: {
    double x = a.asFloat(), y = b.asFloat();
    return std::memcmp(&x, &y, sizeof x) == 0;
  }
  case ValueKind::String: return a.asString() == b.asString();
  case ValueKind::List: return a.asList().data() == b.asList().data() && a.asList().size() == b.asList().size();
  case ValueKind::Object: return &a.asObject() == &b.asObject();
  case ValueKind::Function: return a.asFunction() == b.asFunction();
  }
  return false;
}

// A cheap mix (llvm::hash_combine cost more than most memoized calls save).
uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  return h;
}

uint64_t hashArgument(const Value &v) {
  Span s = v.span();
  uint64_t h = mix(mix(static_cast<uint64_t>(v.kind()), s.file.index), (uint64_t(s.begin) << 32) | s.end);
  switch (v.kind()) {
  case ValueKind::Null: return h;
  case ValueKind::Bool: return mix(h, v.asBool());
  case ValueKind::Int: return mix(h, static_cast<uint64_t>(v.asInt()));
  case ValueKind::Float: {
    double x = v.asFloat();
    uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    return mix(h, bits);
  }
  case ValueKind::String: return mix(h, llvm::xxHash64(v.asString()));
  case ValueKind::List: return mix(mix(h, reinterpret_cast<uintptr_t>(v.asList().data())), v.asList().size());
  case ValueKind::Object: return mix(h, reinterpret_cast<uintptr_t>(&v.asObject()));
  case ValueKind::Function: return mix(h, reinterpret_cast<uintptr_t>(v.asFunction()));
  }
  return h;
}

} // namespace

uint64_t CallMemo::hashCall(uint32_t module, uint32_t decl, llvm::ArrayRef<Value> args) {
  uint64_t key = mix(mix(module, decl), args.size());
  for (const Value &arg : args)
    key = mix(key, hashArgument(arg));
  key ^= key >> 29; // the low bits pick the DenseMap bucket
  key *= 0xBF58476D1CE4E5B9ull;
  key ^= key >> 32;
  // DenseMap reserves two keys for itself.
  return key >= UINT64_MAX - 1 ? key - 2 : key;
}

const MemoEntry *CallMemo::find(uint32_t module, ast::DeclId decl, llvm::ArrayRef<Value> args) const {
  auto it = entries_.find(hashCall(module, decl.index, args));
  if (it == entries_.end())
    return nullptr;
  const MemoEntry &entry = it->second;
  if (entry.module != module || entry.decl != decl.index || entry.args.size() != args.size())
    return nullptr; // a hash collision: computed again
  for (size_t i = 0; i < args.size(); ++i)
    if (!sameArgument(entry.args[i], args[i]))
      return nullptr;
  return &entry;
}

void CallMemo::insert(const MemoEntry &entry) {
  if (entries_.size() >= kMaxEntries)
    entries_.clear();
  entries_[hashCall(entry.module, entry.decl, entry.args)] = entry;
}

} // namespace cairn::eval
