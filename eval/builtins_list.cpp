// Builtins on lists and numbers, including the higher-order ones.
#include <algorithm>
#include <cmath>

#include <llvm/ADT/DenseMap.h>

#include "eval/builtins_impl.h"
#include "eval/value_ops.h"

namespace cairn::eval {
namespace {

bool isNumber(Value v) { return v.kind() == ValueKind::Int || v.kind() == ValueKind::Float; }

Value range(BuiltinCall &call) {
  int64_t start = call.args.size() == 2 ? call.integer(0) : 0;
  int64_t end = call.integer(call.args.size() - 1);
  uint64_t count = end > start ? uint64_t(end) - uint64_t(start) : 0;
  call.ev.chargeSteps(count, call.span); // one step per element: the work, before the memory
  call.ev.reserveBytes(count * sizeof(Value), call.span);
  llvm::SmallVector<Value, 16> items;
  items.reserve(count);
  for (uint64_t i = 0; i < count; ++i)
    items.push_back(Value::integer(start + int64_t(i), call.span));
  return call.listValue(items);
}

// Every element a number, or every element a string: the two orders we have.
void requireOrdered(BuiltinCall &call, llvm::ArrayRef<Value> items) {
  if (items.empty())
    return;
  bool strings = items.front().kind() == ValueKind::String;
  for (Value item : items)
    if (strings ? item.kind() != ValueKind::String : !isNumber(item))
      call.fail("the elements must be all numbers or all strings, found " + describeValue(item));
}

Value sort(BuiltinCall &call) {
  llvm::SmallVector<Value, 16> items(call.list(0).begin(), call.list(0).end());
  requireOrdered(call, items);
  call.ev.chargeSteps(items.size(), call.span);
  std::stable_sort(items.begin(), items.end(), [](Value a, Value b) { return compareScalars(a, b) < 0; });
  return call.listValue(items);
}

Value unique(BuiltinCall &call) {
  llvm::ArrayRef<Value> items = call.list(0);
  llvm::SmallVector<Value, 16> kept;
  llvm::DenseMap<uint64_t, llvm::SmallVector<uint32_t, 1>> byHash; // looked up only, never iterated
  for (Value item : items) {
    auto &bucket = byHash[hashValue(item)];
    bool seen = std::any_of(bucket.begin(), bucket.end(), [&](uint32_t i) { return valuesEqual(kept[i], item); });
    if (!seen) {
      bucket.push_back(uint32_t(kept.size()));
      kept.push_back(item);
    }
  }
  return call.listValue(kept);
}

Value flatten(BuiltinCall &call) {
  llvm::SmallVector<Value, 16> items;
  for (Value item : call.list(0)) {
    if (item.kind() != ValueKind::List)
      call.fail("every element must be a list, found " + describeValue(item));
    items.append(item.asList().begin(), item.asList().end());
  }
  return call.listValue(items);
}

bool predicate(BuiltinCall &call, Value fn, Value item) {
  Value result = call.ev.callValue(fn, item, call.span);
  if (result.kind() != ValueKind::Bool)
    call.ev.raiseKind(result, "bool", call.span);
  return result.asBool();
}

Value mapOrFilter(BuiltinCall &call, bool filter) {
  llvm::ArrayRef<Value> items = call.list(0);
  Value fn = call.function(1);
  llvm::SmallVector<Value, 4> out;
  out.reserve(items.size());
  for (Value item : items) {
    if (!filter)
      out.push_back(call.ev.callValue(fn, item, call.span));
    else if (predicate(call, fn, item))
      out.push_back(item);
  }
  return call.listValue(out);
}

Value quantifier(BuiltinCall &call, bool all) {
  llvm::ArrayRef<Value> items = call.list(0);
  Value fn = call.function(1);
  for (Value item : items)
    if (predicate(call, fn, item) != all)
      return call.boolean(!all);
  return call.boolean(all);
}

Value sum(BuiltinCall &call) {
  int64_t total = 0;
  double real = 0;
  bool isFloat = false;
  for (Value item : call.list(0)) {
    if (!isNumber(item))
      call.ev.raiseKind(item, "int | float", call.span);
    if (item.kind() == ValueKind::Float && !isFloat) {
      isFloat = true;
      real = double(total);
    }
    if (isFloat)
      real += item.asNumber();
    else if (__builtin_add_overflow(total, item.asInt(), &total))
      call.ev.raise(DiagKind::IntegerOverflow, call.span, call.ev.sourceText(call.span).str());
  }
  return isFloat ? Value::real(real, call.span) : call.integerValue(total);
}

Value extreme(BuiltinCall &call, bool wantMax) {
  llvm::ArrayRef<Value> items = call.list(0);
  if (items.empty())
    call.fail("the list is empty");
  requireOrdered(call, items);
  Value best = items.front();
  for (Value item : items.drop_front()) {
    int c = compareScalars(item, best);
    if (wantMax ? c > 0 : c < 0)
      best = item;
  }
  return best;
}

Value abs(BuiltinCall &call) {
  Value v = call.args[0];
  if (v.kind() == ValueKind::Float)
    return Value::real(std::fabs(v.asFloat()), call.span);
  int64_t i = call.integer(0);
  if (i == INT64_MIN)
    call.ev.raise(DiagKind::IntegerOverflow, call.span, call.ev.sourceText(call.span).str());
  return call.integerValue(i < 0 ? -i : i);
}

} // namespace

Value listBuiltin(BuiltinCall &call) {
  using types::BuiltinId;
  switch (call.id) {
  case BuiltinId::Range: return range(call);
  case BuiltinId::Sort: return sort(call);
  case BuiltinId::Reverse: {
    llvm::SmallVector<Value, 16> items(call.list(0).rbegin(), call.list(0).rend());
    return call.listValue(items);
  }
  case BuiltinId::Unique: return unique(call);
  case BuiltinId::Flatten: return flatten(call);
  case BuiltinId::Map: return mapOrFilter(call, false);
  case BuiltinId::Filter: return mapOrFilter(call, true);
  case BuiltinId::All: return quantifier(call, true);
  case BuiltinId::Exists: return quantifier(call, false);
  case BuiltinId::Sum: return sum(call);
  case BuiltinId::Min: return extreme(call, false);
  case BuiltinId::Max: return extreme(call, true);
  case BuiltinId::Abs: return abs(call);
  default: call.fail("not a list builtin");
  }
}

} // namespace cairn::eval
