// Reading parts of values: member access (`a.b`, `a?.b`, `alias.name`),
// indexing, and the variables of comprehensions.
#include "typecheck/check_context.h"

namespace cairn::types {

TypeId Checker::checkMember(ast::ExprId e, const ast::MemberExpr &member) {
  const ast::Expr &object = expr(member.object);
  if (auto *ref = object.as<ast::NameRef>(); ref && ref->name.valid()) {
    TypeId localType;
    auto binding = lookupValue(ref->name.text, &localType);
    if (binding && binding->kind == BindingKind::Import)
      if (auto import = findImport(pos_.module, ref->name.text))
        return checkModuleMember(e, member.object, *import, member.member);
  }
  TypeId objectType = checkExpr(member.object, Expected::none());
  if (!member.member.valid() || rel_.isUnknown(objectType))
    return objectType;
  bool nullable = rel_.isNullable(objectType);
  // `m?.key` on a map is how to read a key that may be missing (null then).
  bool readsMap = false;
  for (TypeId m : rel_.members(rel_.withoutNull(objectType)))
    readsMap |= store().kind(store().strip(m)) == TypeKind::Map;
  if (member.optional && !nullable && !readsMap && !pos_.policy)
    report(DiagKind::OptionalAccessNotNullable,
           Span{object.span.file, object.span.end, member.member.span.end}, show(objectType));
  // A plain `.` on a nullable value is allowed: null fails at run time (E0506).
  TypeId result = memberOf(objectType, member.member);
  if (member.optional && (nullable || readsMap || pos_.policy) && !rel_.isError(result))
    return store().optional(result);
  return result;
}

namespace {

// The type of `member` on one non-union type, or nullopt if it has no such member.
std::optional<TypeId> memberTypeOf(Checker &c, TypeId type, llvm::StringRef member) {
  TypeId t = c.store().strip(type);
  switch (c.store().kind(t)) {
  case TypeKind::Error:
  case TypeKind::Any: return t;
  case TypeKind::Map: return c.store().get(t).element;
  case TypeKind::Schema: {
    const SchemaInfo &info = c.out_.schemas[c.store().get(t).schema];
    if (const FieldInfo *field = info.field(member))
      return c.fieldAccessType(*field);
    return std::nullopt;
  }
  default: return std::nullopt;
  }
}

} // namespace

TypeId Checker::memberOf(TypeId objectType, const ast::Name &member) {
  TypeId base = rel_.withoutNull(objectType);
  TypeId result = store().never();
  bool found = store().kind(base) != TypeKind::Never;
  for (TypeId m : rel_.members(base)) {
    auto t = memberTypeOf(*this, m, member.text);
    if (!t) {
      found = false;
      break;
    }
    result = rel_.join(result, *t);
  }
  if (found)
    return result;
  Diagnostic &d = report(DiagKind::NoSuchMember, member.span, show(objectType), member.text);
  TypeId stripped = store().strip(base);
  if (store().kind(stripped) == TypeKind::Schema) {
    const SchemaInfo &info = out_.schemas[store().get(stripped).schema];
    std::vector<llvm::StringRef> names;
    for (const FieldInfo &field : info.fields)
      names.push_back(field.name);
    suggest(d, member.text, member.span, names);
  }
  return store().error();
}

TypeId Checker::checkIndex(const ast::IndexExpr &index) {
  TypeId objectType = checkExpr(index.object, Expected::none());
  TypeId base = store().strip(rel_.withoutNull(objectType));
  switch (store().kind(base)) {
  case TypeKind::List:
    checkAgainst(index.index, Expected::of(store().integer()));
    return store().get(base).element;
  case TypeKind::Map:
    checkAgainst(index.index, Expected::of(store().string()));
    return store().get(base).element;
  case TypeKind::Error:
  case TypeKind::Any:
    checkExpr(index.index, Expected::none());
    return base;
  default:
    checkExpr(index.index, Expected::none());
    report(DiagKind::NotIndexable, expr(index.object).span, show(objectType));
    return store().error();
  }
}

void Checker::checkClauses(const std::vector<ast::CompClause> &clauses) {
  for (const ast::CompClause &clause : clauses) {
    if (clause.kind == ast::CompClause::If) {
      checkCondition(clause.expr);
      continue;
    }
    TypeId iterated = checkExpr(clause.expr, Expected::none());
    TypeId base = store().strip(iterated);
    bool pair = clause.second.valid();
    TypeId first = store().error(), second = store().error();
    switch (store().kind(base)) {
    case TypeKind::List:
      first = pair ? store().integer() : store().get(base).element;
      second = store().get(base).element;
      break;
    case TypeKind::Map:
      first = store().string();
      second = store().get(base).element;
      break;
    case TypeKind::Any: first = second = store().any(); break;
    case TypeKind::Error: break;
    default: report(DiagKind::NotIterable, expr(clause.expr).span, show(iterated));
    }
    pos_.locals.push_back({clause.first.text, first});
    if (pair)
      pos_.locals.push_back({clause.second.text, second});
  }
}

TypeId Checker::checkListComp(const ast::ListComp &comp, const Expected &expected) {
  LocalScope scope(*this);
  checkClauses(comp.clauses);
  TypeId listType = expectedMember(expected, TypeKind::List);
  TypeId element = checkAgainst(comp.body, listType.valid() ? expected.withType(store().get(store().strip(listType)).element)
                                                            : Expected::none());
  consumed_ = listType.valid();
  return rel_.isError(element) ? element : store().list(element);
}

TypeId Checker::checkMapComp(const ast::MapComp &comp, const Expected &expected) {
  LocalScope scope(*this);
  checkClauses(comp.clauses);
  checkAgainst(comp.key, Expected::of(store().string()));
  TypeId mapType = expectedMember(expected, TypeKind::Map);
  TypeId element = checkAgainst(comp.value, mapType.valid() ? expected.withType(store().get(store().strip(mapType)).element)
                                                            : Expected::none());
  consumed_ = mapType.valid();
  return rel_.isError(element) ? element : store().map(element);
}

} // namespace cairn::types
