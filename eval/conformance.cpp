// Run-time conformance of values to types: the checks the checker deferred
// (refinements and literal types on non-constant values, values out of `any`).
#include <regex>

#include "eval/evaluator.h"
#include "eval/value_ops.h"

namespace cairn::eval {
namespace {

enum TypeFlag : uint8_t { kComputed = 1, kNeedsCheck = 2, kContainsAny = 4 };

bool isSubschema(const types::CheckedProgram &checked, uint32_t schema, uint32_t ancestor) {
  for (uint32_t s = schema; s != types::kNone && s != kNoSchema; s = checked.schemas[s].parent)
    if (s == ancestor)
      return true;
  return false;
}

} // namespace

static uint8_t computeFlags(const types::TypeStore &store, types::TypeId id, std::vector<uint8_t> &cache);

static uint8_t flagsOf(const types::TypeStore &store, types::TypeId id, std::vector<uint8_t> &cache) {
  if (id.index >= cache.size())
    cache.resize(store.size(), 0);
  if (!(cache[id.index] & kComputed))
    cache[id.index] = computeFlags(store, id, cache) | kComputed;
  return cache[id.index];
}

static uint8_t computeFlags(const types::TypeStore &store, types::TypeId id, std::vector<uint8_t> &cache) {
  const types::Type &t = store.get(store.strip(id));
  switch (t.kind) {
  case types::TypeKind::Any:
  case types::TypeKind::Error: return kContainsAny;
  case types::TypeKind::Int: return t.intRange.unbounded() ? 0 : kNeedsCheck;
  case types::TypeKind::Float: return t.floatRange.unbounded() ? 0 : kNeedsCheck;
  case types::TypeKind::String: return t.intRange.unbounded() && t.pattern.empty() ? 0 : kNeedsCheck;
  case types::TypeKind::Literal: return kNeedsCheck;
  case types::TypeKind::List:
  case types::TypeKind::Map: return flagsOf(store, t.element, cache) & (kNeedsCheck | kContainsAny);
  case types::TypeKind::Union: {
    uint8_t flags = 0;
    for (types::TypeId member : t.members)
      flags |= flagsOf(store, member, cache) & (kNeedsCheck | kContainsAny);
    return flags;
  }
  default: return 0; // schema instances were checked when built; functions cannot be
  }
}

bool Evaluator::needsRuntimeCheck(types::TypeId type) const {
  return type.valid() && (flagsOf(types(), type, typeFlags_) & kNeedsCheck);
}

bool Evaluator::containsAny(types::TypeId type) const {
  return type.valid() && (flagsOf(types(), type, typeFlags_) & kContainsAny);
}

// Whether `value` has the kind `type` wants, ignoring refinements.
static bool kindMatches(const types::CheckedProgram &checked, Value value, types::TypeId type) {
  const types::TypeStore &store = checked.types;
  const types::Type &t = store.get(store.strip(type));
  ValueKind k = value.kind();
  switch (t.kind) {
  case types::TypeKind::Any:
  case types::TypeKind::Error: return true;
  case types::TypeKind::Never: return false;
  case types::TypeKind::Null: return k == ValueKind::Null;
  case types::TypeKind::Bool: return k == ValueKind::Bool;
  case types::TypeKind::Int: return k == ValueKind::Int;
  case types::TypeKind::Float: return k == ValueKind::Int || k == ValueKind::Float;
  case types::TypeKind::String: return k == ValueKind::String;
  case types::TypeKind::Literal:
    switch (t.literal.kind) {
    case types::LiteralValue::Bool: return k == ValueKind::Bool;
    case types::LiteralValue::Int: return k == ValueKind::Int;
    case types::LiteralValue::Float: return k == ValueKind::Int || k == ValueKind::Float;
    case types::LiteralValue::String: return k == ValueKind::String;
    }
    return false;
  case types::TypeKind::List: return k == ValueKind::List;
  case types::TypeKind::Map: return k == ValueKind::Object;
  case types::TypeKind::Schema:
    return k == ValueKind::Object && isSubschema(checked, value.asObject().schema, t.schema);
  case types::TypeKind::Function: return k == ValueKind::Function;
  case types::TypeKind::Union:
    for (types::TypeId member : t.members)
      if (kindMatches(checked, value, member))
        return true;
    return false;
  }
  return false;
}

static bool literalEquals(const types::LiteralValue &literal, Value value) {
  switch (literal.kind) {
  case types::LiteralValue::Bool: return value.asBool() == literal.b;
  case types::LiteralValue::Int: return value.asInt() == literal.i;
  case types::LiteralValue::Float: return value.asNumber() == literal.f;
  case types::LiteralValue::String: return value.asString() == literal.s;
  }
  return false;
}

bool Evaluator::conforms(Value value, types::TypeId type, Mismatch &mismatch) const {
  if (!type.valid())
    return true;
  auto fail = [&](bool refinementOnly) {
    mismatch = Mismatch{value, type, refinementOnly};
    return false;
  };
  if (!kindMatches(checked_, value, type))
    return fail(false);
  types::TypeId stripped = types().strip(type);
  const types::Type &t = types().get(stripped);
  switch (t.kind) {
  case types::TypeKind::Int: return t.intRange.contains(value.asInt()) || fail(true);
  case types::TypeKind::Float: return t.floatRange.contains(value.asNumber()) || fail(true);
  case types::TypeKind::String: {
    if (!t.intRange.unbounded() && !t.intRange.contains(int64_t(codePointCount(value.asString()))))
      return fail(true);
    if (t.pattern.empty())
      return true;
    std::string error;
    const std::regex *re = compiledRegex(t.pattern, error);
    if (!re) // a back-reference: only the recursive matcher has them
      re = types().regex(stripped);
    llvm::StringRef text = value.asString();
    return !re || regexMatches(*re, t.pattern, text) || fail(true);
  }
  case types::TypeKind::Literal: return literalEquals(t.literal, value) || fail(true);
  case types::TypeKind::List:
    for (Value item : value.asList())
      if (!conforms(item, t.element, mismatch))
        return false;
    return true;
  case types::TypeKind::Map:
    for (const ObjectField &field : value.asObject().fields)
      if (!conforms(field.value, t.element, mismatch))
        return false;
    return true;
  case types::TypeKind::Union: {
    // With one member of the right kind, its own (deeper) mismatch is the
    // useful one; otherwise blame the union as a whole.
    types::TypeId only;
    size_t matching = 0;
    for (types::TypeId member : t.members) {
      Mismatch ignored;
      if (kindMatches(checked_, value, member)) {
        if (conforms(value, member, ignored))
          return true;
        only = member;
        ++matching;
      }
    }
    if (matching == 1)
      return conforms(value, only, mismatch);
    return fail(true);
  }
  default: return true;
  }
}

void Evaluator::checkSlot(Value value, types::TypeId slot, types::TypeId source, Span site, Span typeSpan) {
  if (!slotNeedsCheck(slot, source))
    return;
  Mismatch mismatch;
  if (conforms(value, slot, mismatch))
    return;
  reportMismatch(mismatch, site, typeSpan);
  abortEvaluation();
}

Diagnostic *Evaluator::reportMismatch(const Mismatch &mismatch, Span site, Span typeSpan) {
  Span primary = mismatch.value.span().valid() ? mismatch.value.span() : site;
  Diagnostic *d =
      mismatch.refinementOnly
          ? report(DiagKind::RefinementFailed, primary, showValue(mismatch.value), display(mismatch.type))
          : report(DiagKind::RuntimeTypeMismatch, primary, display(mismatch.type), describeValue(mismatch.value));
  if (!d)
    return nullptr;
  if (site.valid() && (site.file != primary.file || site.begin != primary.begin || site.end != primary.end))
    d->label(site, "value used here");
  if (typeSpan.valid())
    d->label(typeSpan, "required by this type");
  return d;
}

} // namespace cairn::eval
