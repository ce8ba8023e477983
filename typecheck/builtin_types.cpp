// Typing of calls to the built-in functions. Generic ones are special-cased:
// `map([1, 2], fn(x) => x * 2)` is `[int]`, with `x: int` from the list.
#include <regex>

#include "typecheck/check_context.h"
#include "typecheck/constant_fold.h"

namespace cairn::types {

namespace {

class BuiltinCall {
public:
  BuiltinCall(Checker &c, const ast::CallExpr &call) : c_(c), call_(call) {}

  TypeId expect(size_t i, TypeId type) { return c_.checkAgainst(arg(i), Expected::of(type)); }
  TypeId string(size_t i) { return expect(i, store().string()); }
  TypeId integer(size_t i) { return expect(i, store().integer()); }
  TypeId any(size_t i) { return c_.checkExpr(arg(i), Expected::none()); }
  bool has(size_t i) const { return i < call_.args.size(); }

  // An argument that must pass `accepts`; `wanted` describes it for E0302.
  template <typename Pred> TypeId accepting(size_t i, const char *wanted, Pred accepts) {
    TypeId t = any(i);
    if (!c_.rel_.isUnknown(t) && !accepts(t))
      mismatch(i, wanted, t);
    return t;
  }
  // The element type of a list argument (any / error pass through).
  TypeId listElement(size_t i, const char *wanted = "[any]") {
    return container(i, TypeKind::List, wanted);
  }
  TypeId mapElement(size_t i) { return container(i, TypeKind::Map, "{string: any}"); }

  void mismatch(size_t i, const char *wanted, TypeId found) {
    c_.report(DiagKind::TypeMismatch, c_.expr(arg(i)).span, wanted, c_.show(found));
  }
  // The number type of a list of numbers' elements: int if all are ints, else float.
  std::optional<TypeId> numericElement(TypeId element) {
    if (c_.rel_.isUnknown(element) || store().kind(element) == TypeKind::Never)
      return element;
    bool allInt = true;
    for (TypeId m : c_.rel_.members(element)) {
      if (!c_.rel_.isNumeric(m))
        return std::nullopt;
      allInt = allInt && c_.rel_.assignable(m, store().integer());
    }
    return allInt ? store().integer() : store().floating();
  }
  TypeStore &store() { return c_.store(); }
  ast::ExprId arg(size_t i) const { return call_.args[i]; }

private:
  TypeId container(size_t i, TypeKind kind, const char *wanted) {
    TypeId t = any(i);
    TypeId s = store().strip(t);
    if (c_.rel_.isUnknown(s))
      return s;
    if (store().kind(s) == kind)
      return store().get(s).element;
    mismatch(i, wanted, t);
    return store().error();
  }

  Checker &c_;
  const ast::CallExpr &call_;
};

TypeId listOf(TypeStore &store, const TypeRelations &rel, TypeId element) {
  return rel.isError(element) ? element : store.list(element);
}

} // namespace

TypeId Checker::checkBuiltinCall(ast::ExprId e, BuiltinId id, const ast::CallExpr &call) {
  const BuiltinInfo &info = builtinInfo(id);
  if (!checkArity(e, call, info.name, info.minArgs, info.maxArgs, {})) {
    for (ast::ExprId arg : call.args)
      checkExpr(arg, Expected::none());
    return store().error();
  }
  BuiltinCall b(*this, call);
  TypeStore &ts = store();
  auto isList = [&](TypeId t) { return ts.kind(ts.strip(t)) == TypeKind::List; };
  auto isMap = [&](TypeId t) { return ts.kind(ts.strip(t)) == TypeKind::Map; };
  auto isNumber = [&](TypeId t) { return rel_.isNumeric(t); };
  switch (id) {
  case BuiltinId::Len:
    b.accepting(0, "string | [any] | {string: any}",
                [&](TypeId t) { return rel_.isString(t) || isList(t) || isMap(t); });
    return ts.integer();
  case BuiltinId::Keys: b.mapElement(0); return ts.list(ts.string());
  case BuiltinId::Values: return listOf(ts, rel_, b.mapElement(0));
  case BuiltinId::Has:
    b.accepting(0, "{string: any}", [&](TypeId t) {
      return isMap(t) || ts.kind(ts.strip(t)) == TypeKind::Schema;
    });
    b.string(1);
    return ts.boolean();
  case BuiltinId::Contains: {
    TypeId haystack = b.any(0);
    TypeId s = ts.strip(haystack);
    if (rel_.isString(s))
      b.string(1);
    else if (ts.kind(s) == TypeKind::List)
      b.expect(1, ts.get(s).element);
    else {
      if (!rel_.isUnknown(s))
        b.mismatch(0, "string | [any]", haystack);
      b.any(1);
    }
    return ts.boolean();
  }
  case BuiltinId::ToString:
  case BuiltinId::ToJson:
  case BuiltinId::ToYaml: b.any(0); return ts.string();
  case BuiltinId::ToInt:
  case BuiltinId::ToFloat:
    b.accepting(0, "string | int | float", [&](TypeId t) { return rel_.isString(t) || isNumber(t); });
    return id == BuiltinId::ToInt ? ts.integer() : ts.floating();
  case BuiltinId::Upper:
  case BuiltinId::Lower:
  case BuiltinId::Trim:
  case BuiltinId::Base64Encode:
  case BuiltinId::Base64Decode:
  case BuiltinId::Sha256: b.string(0); return ts.string();
  case BuiltinId::Split: b.string(0); b.string(1); return ts.list(ts.string());
  case BuiltinId::TypeOf: b.any(0); return ts.string();
  case BuiltinId::CurrentObject: return ts.any();
  case BuiltinId::CurrentPath: return ts.string();
  case BuiltinId::AllObjects: return ts.list(ts.any());
  case BuiltinId::FindObject:
    b.string(0);
    b.expect(1, ts.optional(ts.string()));
    b.string(2);
    return ts.any();
  case BuiltinId::SelectPods:
    b.expect(0, ts.optional(ts.string()));
    b.expect(1, ts.map(ts.string()));
    return ts.list(ts.any());
  case BuiltinId::Join: b.expect(0, ts.list(ts.string())); b.string(1); return ts.string();
  case BuiltinId::Replace: b.string(0); b.string(1); b.string(2); return ts.string();
  case BuiltinId::StartsWith:
  case BuiltinId::EndsWith: b.string(0); b.string(1); return ts.boolean();
  case BuiltinId::Substr:
    b.string(0);
    b.integer(1);
    if (b.has(2))
      b.integer(2);
    return ts.string();
  case BuiltinId::Matches: {
    b.string(0);
    b.string(1);
    if (auto pattern = constantValue(ast(), b.arg(1)); pattern && pattern->kind == LiteralValue::String) {
      try {
        std::regex check(pattern->s, std::regex::ECMAScript);
      } catch (const std::regex_error &) {
        report(DiagKind::InvalidRegex, expr(b.arg(1)).span, pattern->s, "not a valid ECMAScript pattern");
      }
    }
    return ts.boolean();
  }
  case BuiltinId::Range:
    b.integer(0);
    if (b.has(1))
      b.integer(1);
    return ts.list(ts.integer());
  case BuiltinId::Sort: {
    TypeId element = b.listElement(0, "[string] | [int] | [float]");
    bool sortable = rel_.isUnknown(element) || ts.kind(element) == TypeKind::Never ||
                    b.numericElement(element) || rel_.isString(element);
    if (!sortable)
      b.mismatch(0, "[string] | [int] | [float]", ts.list(element));
    return listOf(ts, rel_, element);
  }
  case BuiltinId::Reverse:
  case BuiltinId::Unique: return listOf(ts, rel_, b.listElement(0));
  case BuiltinId::Flatten: {
    TypeId element = b.listElement(0, "[[any]]");
    TypeId s = ts.strip(element);
    if (rel_.isUnknown(s) || ts.kind(s) == TypeKind::Never)
      return listOf(ts, rel_, s);
    if (ts.kind(s) == TypeKind::List)
      return ts.list(ts.get(s).element);
    b.mismatch(0, "[[any]]", ts.list(element));
    return ts.error();
  }
  case BuiltinId::Map: {
    TypeId element = b.listElement(0);
    TypeId fn = store().strip(b.expect(1, ts.function({element}, ts.any())));
    TypeId result = ts.kind(fn) == TypeKind::Function ? ts.get(fn).result : ts.any();
    return listOf(ts, rel_, rel_.isError(element) ? element : result);
  }
  case BuiltinId::Filter:
  case BuiltinId::All:
  case BuiltinId::Exists: {
    TypeId element = b.listElement(0);
    b.expect(1, ts.function({element}, ts.boolean()));
    return id == BuiltinId::Filter ? listOf(ts, rel_, element) : ts.boolean();
  }
  case BuiltinId::Sum:
  case BuiltinId::Min:
  case BuiltinId::Max: {
    TypeId element = b.listElement(0, "[int] | [float]");
    auto number = b.numericElement(element);
    if (!number) {
      b.mismatch(0, "[int] | [float]", ts.list(element));
      return ts.error();
    }
    if (ts.kind(*number) == TypeKind::Never)
      return id == BuiltinId::Sum ? ts.integer() : ts.never(); // fails at run time
    return *number;
  }
  case BuiltinId::Abs: {
    TypeId t = b.accepting(0, "int | float", isNumber);
    return rel_.isUnknown(t) || !isNumber(t) ? t : rel_.widen(t);
  }
  case BuiltinId::Merge: {
    TypeId a = b.mapElement(0), c = b.mapElement(1);
    if (rel_.isError(a) || rel_.isError(c))
      return ts.error();
    return ts.map(rel_.join(a, c));
  }
  case BuiltinId::Fail: b.string(0); return ts.never();
  }
  return ts.error();
}

} // namespace cairn::types
