// Expressions: the dispatch, the expected-type check (E0302 / E0310), and the
// simple constructs (literals, strings, lists, `if`, `let ... in`).
#include <fmt/format.h>

#include "typecheck/check_context.h"
#include "typecheck/constant_fold.h"

namespace cairn::types {

TypeId Checker::checkExpr(ast::ExprId e, const Expected &expected) {
  if (!e.valid())
    return store().error();
  const ast::Expr &x = expr(e);
  TypeId t = store().error();
  if (x.is<ast::NullLit>()) t = store().null();
  else if (x.is<ast::BoolLit>()) t = store().boolean();
  else if (x.is<ast::IntLit>()) t = store().integer();
  else if (x.is<ast::FloatLit>()) t = store().floating();
  else if (auto *s = x.as<ast::StringLit>()) t = checkString(*s);
  else if (auto *n = x.as<ast::NameRef>()) t = checkNameRef(e, *n);
  else if (auto *l = x.as<ast::ListLit>()) t = checkList(*l, expected);
  else if (auto *c = x.as<ast::ListComp>()) t = checkListComp(*c, expected);
  else if (auto *c = x.as<ast::MapComp>()) t = checkMapComp(*c, expected);
  else if (auto *o = x.as<ast::ObjectLit>()) t = checkObjectLit(e, *o, expected);
  else if (auto *m = x.as<ast::MemberExpr>()) t = checkMember(e, *m);
  else if (auto *i = x.as<ast::IndexExpr>()) t = checkIndex(*i);
  else if (auto *c = x.as<ast::CallExpr>()) t = checkCall(e, *c, expected);
  else if (auto *f = x.as<ast::LambdaExpr>()) t = checkLambda(*f, expected);
  else if (auto *u = x.as<ast::UnaryExpr>()) t = checkUnary(*u);
  else if (auto *b = x.as<ast::BinaryExpr>()) t = checkBinary(e, *b, expected);
  else if (auto *i = x.as<ast::IfExpr>()) t = checkIf(*i, expected);
  else if (auto *l = x.as<ast::LetExpr>()) t = checkLet(*l, expected);
  else if (auto *w = x.as<ast::WithExpr>()) t = checkWith(e, *w, expected);
  expectationMet_ = std::exchange(consumed_, false) && expected.has();
  return record(e, t);
}

TypeId Checker::checkAgainst(ast::ExprId e, const Expected &expected) {
  TypeId actual = checkExpr(e, expected);
  if (expected.has() && !expectationMet_)
    requireAssignable(e, actual, expected);
  return actual;
}

namespace {

bool contains(Span outer, Span inner) {
  return outer.file == inner.file && outer.begin <= inner.begin && inner.end <= outer.end;
}

} // namespace

bool Checker::requireAssignable(ast::ExprId e, TypeId actual, const Expected &expected) {
  if (!e.valid() || rel_.isUnknown(actual) || rel_.isError(expected.type))
    return true;
  const ast::Expr &x = expr(e);
  Span span = x.span;
  if (auto *object = x.as<ast::ObjectLit>(); object && object->typeRef.valid())
    span = expr(object->typeRef).span; // `Service { ... }`: point at the type, not the whole body
  if (auto value = constantValue(ast(), e)) {
    if (constantFits(store(), *value, expected.type))
      return true;
    if (rel_.assignable(actual, expected.type)) {
      std::string shown = pos_.secret ? kSecretPlaceholder.str() : fmt::format("`{}`", displayLiteral(*value));
      Diagnostic &d = report(DiagKind::ConstantBreaksRefinement, span, shown, show(expected.type));
      const TypeOrigin *origin = typeOrigin(expected.type);
      for (TypeId m : rel_.members(expected.type))
        if (!origin)
          origin = typeOrigin(m);
      if (origin)
        d.label(origin->span, origin->what);
      if (expected.reason && (!origin || !contains(expected.reasonSpan, origin->span)))
        d.label(expected.reasonSpan, expected.reason);
      return false;
    }
  } else if (rel_.assignable(actual, expected.type)) {
    return true;
  }
  // A literal type would quote a secret param's default: its kind is shown.
  Diagnostic &d = report(DiagKind::TypeMismatch, span, show(expected.type), show(pos_.secret ? rel_.widen(actual) : actual));
  if (expected.reason && expected.reasonSpan.valid())
    d.label(expected.reasonSpan, expected.reason);
  return false;
}

void Checker::checkCondition(ast::ExprId e) {
  TypeId t = checkExpr(e, Expected::none());
  if (!rel_.isUnknown(t) && !rel_.isBool(t))
    report(DiagKind::ConditionNotBool, expr(e).span, show(t));
}

TypeId Checker::expectedMember(const Expected &expected, TypeKind kind) {
  if (!expected.has())
    return TypeId{};
  for (TypeId m : rel_.members(expected.type))
    if (store().kind(m) == kind)
      return m;
  return TypeId{};
}

TypeId Checker::checkString(const ast::StringLit &lit) {
  for (const ast::StringPart &part : lit.parts) {
    if (!part.expr.valid())
      continue;
    TypeId t = checkExpr(part.expr, Expected::none());
    bool printable = true;
    for (TypeId m : rel_.members(t))
      printable = printable && (rel_.isUnknown(m) || rel_.isString(m) || rel_.isNumeric(m) ||
                                rel_.isBool(m) || store().kind(m) == TypeKind::Never);
    if (!printable)
      report(DiagKind::TypeMismatch, expr(part.expr).span, "string | int | float | bool", show(t))
          .note("only strings, numbers and booleans can be interpolated; use toJson() for others");
  }
  return store().string();
}

TypeId Checker::checkList(const ast::ListLit &list, const Expected &expected) {
  TypeId element = store().never();
  TypeId listType = expectedMember(expected, TypeKind::List);
  Expected itemExpected = listType.valid()
                              ? expected.withType(store().get(store().strip(listType)).element)
                              : Expected::none();
  for (ast::ExprId item : list.items)
    element = rel_.join(element, checkAgainst(item, itemExpected));
  consumed_ = listType.valid(); // each item was checked against the element type
  return rel_.isError(element) ? element : store().list(element);
}

TypeId Checker::checkIf(const ast::IfExpr &ifExpr, const Expected &expected) {
  checkCondition(ifExpr.cond);
  TypeId thenType = checkAgainst(ifExpr.thenExpr, expected);
  TypeId elseType = checkAgainst(ifExpr.elseExpr, expected);
  consumed_ = true;
  return rel_.join(thenType, elseType);
}

TypeId Checker::checkLet(const ast::LetExpr &let, const Expected &expected) {
  TypeId valueType;
  if (let.type.valid()) {
    valueType = resolveType(pos_.module, let.type);
    checkAgainst(let.value, Expected::of(valueType, ast().type(let.type).span,
                                         "expected because of this declared type"));
  } else {
    valueType = checkExpr(let.value, Expected::none());
  }
  LocalScope scope(*this);
  scope.add(let.name.text, valueType);
  TypeId result = checkAgainst(let.body, expected);
  if (let.name.valid() && !let.name.text.startswith("_") && !scope.used(let.name.text))
    report(DiagKind::UnusedLet, let.name.span, let.name.text)
        .withHint(fmt::format("remove the binding, or name it `_{}` to keep it", let.name.text));
  consumed_ = true;
  return result;
}

} // namespace cairn::types
