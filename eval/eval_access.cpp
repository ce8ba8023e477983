// Lists, comprehensions, member access and indexing.
#include "eval/evaluator.h"
#include "eval/value_ops.h"

namespace cairn::eval {

Value Evaluator::evalList(const ast::ListLit &e, Span span, const Scope &scope) {
  llvm::SmallVector<Value, 4> items;
  items.reserve(e.items.size());
  for (ast::ExprId item : e.items)
    items.push_back(eval(item, scope));
  return makeList(items, span);
}

template <typename Body>
void Evaluator::runClauses(llvm::ArrayRef<ast::CompClause> clauses, const Scope &scope, Body &body) {
  if (clauses.empty()) {
    body(scope);
    return;
  }
  const ast::CompClause &clause = clauses.front();
  llvm::ArrayRef<ast::CompClause> rest = clauses.drop_front();
  Span exprSpan = ast(scope.module).expr(clause.expr).span;
  Value v = eval(clause.expr, scope);
  if (clause.kind == ast::CompClause::If) {
    if (v.kind() != ValueKind::Bool)
      raiseKind(v, "bool", exprSpan);
    if (v.asBool())
      runClauses(rest, scope, body);
    return;
  }
  // The loop variables live in this C++ frame (see Frame).
  bool pair = clause.second.valid();
  Frame first{scope.locals, clause.first.text, Value()};
  Frame second{&first, clause.second.text, Value()};
  Scope inner = scope;
  inner.locals = pair ? &second : &first;
  if (v.kind() == ValueKind::List) {
    llvm::ArrayRef<Value> items = v.asList();
    for (size_t i = 0; i < items.size(); ++i) {
      if (pair) {
        first.value = Value::integer(int64_t(i), clause.first.span);
        second.value = items[i];
      } else {
        first.value = items[i];
      }
      runClauses(rest, inner, body);
    }
    return;
  }
  if (v.kind() == ValueKind::Object) {
    for (const ObjectField &field : v.asObject().fields) {
      first.value = Value::string(field.name, field.nameSpan.valid() ? field.nameSpan : exprSpan);
      second.value = field.value;
      runClauses(rest, inner, body);
    }
    return;
  }
  raiseKind(v, "list | map", exprSpan);
}

Value Evaluator::evalListComp(const ast::ListComp &e, Span span, const Scope &scope) {
  llvm::SmallVector<Value, 4> items;
  auto body = [&](const Scope &inner) { items.push_back(eval(e.body, inner)); };
  runClauses(e.clauses, scope, body);
  return makeList(items, span);
}

Value Evaluator::evalMapComp(const ast::MapComp &e, Span span, const Scope &scope) {
  llvm::SmallVector<ObjectField, 4> fields;
  llvm::StringMap<uint32_t> seen;
  auto body = [&](const Scope &inner) {
    Value key = eval(e.key, inner);
    Span keySpan = ast(inner.module).expr(e.key).span;
    if (key.kind() != ValueKind::String)
      raiseKind(key, "string", keySpan);
    if (!seen.try_emplace(key.asString(), uint32_t(fields.size())).second)
      raise(DiagKind::DuplicateField, keySpan, key.isSecret() ? kSecretPlaceholder.str() : key.asString().str());
    Value value = eval(e.value, inner);
    if (!value.isNull()) // objects never hold null entries
      fields.push_back(ObjectField{key.asString(), value, key.span(), true});
  };
  runClauses(e.clauses, scope, body);
  reserveBytes(fields.size() * sizeof(ObjectField), span);
  return Value::object(makeObject(kNoSchema, {}, fields), span);
}

Value Evaluator::evalMember(const ast::MemberExpr &e, ast::ExprId id, Span span, const Scope &scope) {
  const types::Binding &binding = checkedModule(scope.module).bindings[id.index];
  if (binding.kind != types::BindingKind::None && binding.kind != types::BindingKind::Local)
    return evalName(binding, e.member.text, span, scope); // `alias.name`: a module member
  Value object = eval(e.object, scope);
  if (object.isNull()) {
    if (e.optional)
      return Value::null(span);
    Diagnostic *d = report(DiagKind::NullAccess, span, e.member.text.str());
    if (d)
      d->withHint("use `?.` to get null instead when the value may be null");
    abortEvaluation();
  }
  if (object.kind() != ValueKind::Object)
    raiseKind(object, "object", ast(scope.module).expr(e.object).span);
  const ObjectData &data = object.asObject();
  if (const ObjectField *field = data.find(e.member.text))
    return field->value;
  if (data.schema != kNoSchema) {
    // Absent optional fields and fields set to null read as null.
    if (checked_.schemas[data.schema].field(e.member.text))
      return Value::null(span);
    raise(DiagKind::NoSuchMember, e.member.span, data.typeName.str(), e.member.text.str());
  }
  if (e.optional)
    return Value::null(span);
  Diagnostic *d = report(DiagKind::KeyNotFound, e.member.span, e.member.text.str());
  if (d)
    d->withHint("use `has(...)` to test for a key that may be missing");
  abortEvaluation();
}

Value Evaluator::evalIndex(const ast::IndexExpr &e, Span span, const Scope &scope) {
  Value object = eval(e.object, scope);
  Value index = eval(e.index, scope);
  Span indexSpan = ast(scope.module).expr(e.index).span;
  if (object.isNull())
    raise(DiagKind::NullAccess, span, "[" + showValue(index) + "]");
  if (object.kind() == ValueKind::List) {
    if (index.kind() != ValueKind::Int)
      raiseKind(index, "int", indexSpan);
    llvm::ArrayRef<Value> items = object.asList();
    if (index.asInt() < 0 || uint64_t(index.asInt()) >= items.size())
      raise(DiagKind::IndexOutOfRange, indexSpan, showValue(index), items.size());
    return items[size_t(index.asInt())];
  }
  if (object.kind() == ValueKind::Object) {
    if (index.kind() != ValueKind::String)
      raiseKind(index, "string", indexSpan);
    const ObjectData &data = object.asObject();
    if (const ObjectField *field = data.find(index.asString()))
      return field->value;
    if (data.schema != kNoSchema && checked_.schemas[data.schema].field(index.asString()))
      return Value::null(span);
    raise(DiagKind::KeyNotFound, indexSpan, index.isSecret() ? kSecretPlaceholder.str() : index.asString().str());
  }
  raiseKind(object, "list | map", ast(scope.module).expr(e.object).span);
}

} // namespace cairn::eval
