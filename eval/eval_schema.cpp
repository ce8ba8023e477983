// Schema instantiation: explicit inputs, lazily evaluated defaults that may
// read sibling fields, run-time conformance of field values, then checks.
#include "eval/evaluator.h"
#include "eval/value_ops.h"

namespace cairn::eval {

Value Evaluator::instantiateSchema(uint32_t schemaIndex, InputGroup &group) {
  if (group.base)
    mergeBaseInputs(group);
  const types::SchemaInfo &schema = checked_.schemas[schemaIndex];
  size_t count = schema.fields.size();
  SlotStackScope release(slots_);
  FieldSlot *slots = slots_.allocate(count);
  for (const FieldInput &input : group.inputs) {
    auto it = schema.fieldIndex.find(input.name);
    if (it == schema.fieldIndex.end())
      raise(DiagKind::UnknownField, input.nameSpan, input.name.str(), schema.name.str());
    FieldSlot &slot = slots[it->second];
    slot.input = &input;
    slot.nameSpan = input.nameSpan;
    slot.explicitInput = true;
  }
  SchemaScope scope{schemaIndex, slots, group.diagSpan};
  for (uint32_t i = 0; i < count; ++i)
    forceField(scope, i);
  Value instance = finishInstance(scope, group);
  if (scope.persisted)
    scope.persisted->slots = copySlots(slots, count);
  return instance;
}

SchemaScope *Evaluator::persistSchemaScope(SchemaScope *scope) {
  if (!scope || scope->inArena)
    return scope;
  if (!scope->persisted) {
    auto *twin = new (arena_.allocator().Allocate<SchemaScope>()) SchemaScope(*scope);
    twin->inArena = true;
    twin->persisted = nullptr;
    scope->persisted = twin;
  }
  return scope->persisted;
}

FieldSlot *Evaluator::copySlots(const FieldSlot *slots, size_t count) {
  FieldSlot *copy = arena_.allocator().Allocate<FieldSlot>(count ? count : 1);
  std::uninitialized_copy(slots, slots + count, copy);
  return copy;
}

Value Evaluator::finishInstance(SchemaScope &scope, const InputGroup &group) {
  const types::SchemaInfo &schema = checked_.schemas[scope.schemaIndex];
  llvm::SmallVector<ObjectField, 8> fields;
  llvm::SmallVector<ObjectField, 2> nulls;
  for (size_t i = 0; i < schema.fields.size(); ++i) {
    const FieldSlot &slot = scope.slots[i];
    if (slot.state != FieldSlot::Done)
      continue;
    ObjectField field{schema.fields[i].name, slot.value, slot.nameSpan, slot.explicitInput};
    if (!slot.value.isNull())
      fields.push_back(field);
    else if (slot.explicitInput)
      nulls.push_back(field);
  }
  reserveBytes((fields.size() + nulls.size()) * sizeof(ObjectField) + sizeof(ObjectData), group.diagSpan);
  Value instance = Value::object(makeObject(scope.schemaIndex, schema.name, fields, nulls), group.span);
  runChecks(scope, instance);
  return instance;
}

Value Evaluator::forceField(SchemaScope &scope, uint32_t index) {
  FieldSlot &slot = scope.slots[index];
  const types::FieldInfo &field = checked_.schemas[scope.schemaIndex].fields[index];
  switch (slot.state) {
  case FieldSlot::Done: return slot.value;
  case FieldSlot::Absent: return Value::null(field.span);
  case FieldSlot::Evaluating: raise(DiagKind::CyclicDefault, field.span, field.name.str());
  case FieldSlot::Pending: break;
  }
  slot.state = FieldSlot::Evaluating;
  Value value;
  if (slot.input) {
    value = inputValue(*slot.input, field.type, &field);
  } else {
    switch (field.presence) {
    case types::FieldPresence::Optional: slot.state = FieldSlot::Absent; return Value::null(field.span);
    case types::FieldPresence::Required: {
      // Only reachable when a static check was skipped (`with` on a nested
      // object that did not exist, values files); the checker reports the rest.
      Diagnostic *d = report(DiagKind::MissingField, scope.diagSpan, field.name.str(),
                             checked_.schemas[scope.schemaIndex].name.str());
      if (d)
        d->label(field.span, "declared here");
      abortEvaluation();
    }
    case types::FieldPresence::Defaulted: value = evalFieldDefault(scope, field); break;
    }
    slot.nameSpan = field.span;
  }
  slot.value = value;
  slot.state = FieldSlot::Done;
  return value;
}

Value Evaluator::evalFieldDefault(SchemaScope &scope, const types::FieldInfo &field) {
  if (!field.defaultValue.valid())
    return Value::null(field.span); // `name: T?` without a default
  // Defaults nest instantiations (`child: Node? = Node {}`): count them like calls.
  Span defaultSpan = ast(field.module).expr(field.defaultValue).span;
  CallDepthGuard guard(*this, defaultSpan);
  Value value = eval(field.defaultValue, Scope{nullptr, &scope, field.module});
  if (slotNeedsCheck(field.type, exprType(field.module, field.defaultValue))) {
    Mismatch mismatch;
    if (!conforms(value, field.type, mismatch)) {
      if (Diagnostic *d = reportMismatch(mismatch, defaultSpan, fieldTypeSpan(field)))
        d->label(scope.diagSpan, fmt::format("default of `{}` computed for this `{}`", field.name.str(),
                                             checked_.schemas[scope.schemaIndex].name.str()));
      abortEvaluation();
    }
  }
  return value.withSpan(defaultSpan);
}

Value Evaluator::schemaFieldValue(const types::Binding &binding, llvm::StringRef name, Span span,
                                  const Scope &scope) {
  if (!scope.schema)
    raise(DiagKind::UnknownName, span, name.str());
  SchemaScope &instance = *scope.schema;
  const types::SchemaInfo &schema = checked_.schemas[instance.schemaIndex];
  // Inherited fields keep their positions, so the index the checker gave in
  // the declaring schema is the index here; confirm by name all the same.
  uint32_t index = binding.index;
  if (index >= schema.fields.size() || schema.fields[index].name != name) {
    auto it = schema.fieldIndex.find(name);
    if (it == schema.fieldIndex.end())
      raise(DiagKind::UnknownName, span, name.str());
    index = it->second;
  }
  Value value = forceField(instance, index);
  return value.isNull() ? Value::null(span) : value;
}

void Evaluator::runChecks(SchemaScope &scope, Value instance) {
  const types::SchemaInfo &schema = checked_.schemas[scope.schemaIndex];
  bool failed = false;
  for (const types::CheckInfo &check : schema.checks) {
    Scope checkScope{nullptr, &scope, check.module};
    Value cond = eval(check.cond, checkScope);
    Span condSpan = ast(check.module).expr(check.cond).span;
    if (cond.kind() != ValueKind::Bool)
      raiseKind(cond, "bool", condSpan);
    if (cond.asBool())
      continue;
    std::string message;
    if (check.message.valid()) {
      Value text = eval(check.message, checkScope);
      message = messageText(text);
    } else {
      message = "`" + sourceText(condSpan).str() + "`";
    }
    if (Diagnostic *d = report(DiagKind::CheckFailed, scope.diagSpan, message))
      d->label(check.span, "check declared here");
    failed = true;
  }
  if (failed)
    abortEvaluation();
}

} // namespace cairn::eval
