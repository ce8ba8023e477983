// Results of calls to pure functions (function_purity.h), by function and
// arguments. Policies ask the same questions of the same values again and
// again (every container policy computes the container's label, its pod
// spec, its resources), and programs call helpers with equal arguments
// (`labels(i)` for each object of a service): a hit returns the earlier
// result, which also shares its memory.
//
// Arguments match by identity, not by deep equality: the same scalar, the
// same string text, the same list or object in memory - and the same span,
// because a result may carry its arguments' spans (lint findings locate
// values by span). A hit is therefore exactly what the call would compute.
// What the call cost (steps, value bytes, nesting depth) is recorded and
// charged again on a hit, so limits are hit exactly where they would be
// without the memo, whatever was called before.
#pragma once

#include <cstdint>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/DenseMap.h>

#include "eval/value.h"
#include "frontend/ast.h"

namespace cairn::eval {

// What computing a value cost, charged again when it is reused.
struct RecordedCost {
  uint64_t steps = 0;
  uint64_t bytes = 0;
  uint32_t depth = 0; // call nesting below the point of use
};

struct MemoEntry {
  uint32_t module = 0;
  uint32_t decl = 0;
  llvm::ArrayRef<Value> args; // in the value arena
  Value result;
  RecordedCost cost;
};

class CallMemo {
public:
  // The entry for exactly this call, or null.
  const MemoEntry *find(uint32_t module, ast::DeclId decl, llvm::ArrayRef<Value> args) const;
  void insert(const MemoEntry &entry);

private:
  static uint64_t hashCall(uint32_t module, uint32_t decl, llvm::ArrayRef<Value> args);
  // Bounded: past this many entries the memo starts again (results do not
  // change, only how many calls hit).
  static constexpr size_t kMaxEntries = 1u << 12;
  llvm::DenseMap<uint64_t, MemoEntry> entries_;
};

} // namespace cairn::eval
