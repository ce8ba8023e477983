// Object literals, nested blocks and dotted paths, maps, and `with`.
// A literal is first gathered into InputGroups (one per object to build,
// merging every entry that sets a part of the same nested object), then built.
#include "eval/evaluator.h"

namespace cairn::eval {

types::TypeId Evaluator::objectTypeAt(uint32_t module, ast::ExprId expr) const {
  const auto &objectTypes = checkedModule(module).objectTypes;
  return expr.index < objectTypes.size() ? objectTypes[expr.index] : types::TypeId{};
}

Value Evaluator::evalObjectLit(const ast::ObjectLit &e, ast::ExprId id, Span span, const Scope &scope) {
  Span diagSpan = span;
  if (e.typeRef.valid())
    diagSpan = ast(scope.module).expr(e.typeRef).span;
  else if (e.bodySpan.valid())
    diagSpan = Span{e.bodySpan.file, e.bodySpan.begin, e.bodySpan.begin + 1};
  InputGroups groups(groupPool_);
  InputGroup *root = groups.make(objectTypeAt(scope.module, id), span, diagSpan);
  addEntries(*root, e, scope, groups);
  return buildGroup(*root);
}

Value Evaluator::evalWith(const ast::WithExpr &e, ast::ExprId id, Span span, const Scope &scope) {
  Value base = eval(e.base, scope);
  if (base.kind() != ValueKind::Object)
    raise(DiagKind::WithNeedsObject, ast(scope.module).expr(e.base).span, kindName(base.kind()));
  types::TypeId type = objectTypeAt(scope.module, id);
  if (!type.valid())
    type = objectTypeAt(scope.module, e.overrides);
  InputGroups groups(groupPool_);
  InputGroup *root = groups.make(type, span, span);
  root->base = &base.asObject();
  if (const auto *overrides = ast(scope.module).expr(e.overrides).as<ast::ObjectLit>())
    addEntries(*root, *overrides, scope, groups);
  return buildGroup(*root);
}

void Evaluator::addEntries(InputGroup &group, const ast::ObjectLit &lit, const Scope &scope,
                           InputGroups &groups) {
  for (const ast::FieldInit &entry : lit.fields) {
    if (entry.path.empty())
      continue;
    InputGroup *target = &group;
    for (size_t i = 0; i + 1 < entry.path.size(); ++i)
      target = nestedGroup(*target, entry.path[i], entry.span, groups);
    const ast::Name &last = entry.path.back();
    if (entry.block) {
      InputGroup *nested = nestedGroup(*target, last, entry.span, groups);
      types::TypeId recorded = objectTypeAt(scope.module, entry.value); // the checker's choice wins
      if (recorded.valid() && types().kind(recorded) != types::TypeKind::Error)
        nested->type = recorded;
      if (const auto *block = ast(scope.module).expr(entry.value).as<ast::ObjectLit>())
        addEntries(*nested, *block, scope, groups);
      continue;
    }
    FieldInput input;
    input.kind = FieldInput::Kind::Expr;
    input.name = last.text;
    input.nameSpan = last.span;
    input.expr = entry.value;
    input.scope = scope;
    if (FieldInput *existing = target->find(last.text))
      *existing = input; // set twice: the checker reported E0403
    else
      target->inputs.push_back(input);
  }
}

InputGroup *Evaluator::nestedGroup(InputGroup &parent, const ast::Name &name, Span span, InputGroups &groups) {
  FieldInput *existing = parent.find(name.text);
  if (existing && existing->kind == FieldInput::Kind::Group)
    return existing->group; // another entry already set part of this object: merge
  InputGroup *group = groups.make(memberType(parent.type, name.text), span, name.span);
  group->nested = true;
  FieldInput input;
  input.kind = FieldInput::Kind::Group;
  input.name = name.text;
  input.nameSpan = name.span;
  input.group = group;
  if (existing)
    *existing = input;
  else
    parent.inputs.push_back(input);
  return group;
}

types::TypeId Evaluator::memberType(types::TypeId objectType, llvm::StringRef name) const {
  if (!objectType.valid())
    return types().any();
  types::TypeId type = types().strip(objectType);
  const types::Type &t = types().get(type);
  switch (t.kind) {
  case types::TypeKind::Schema: {
    const types::FieldInfo *field = checked_.schemas[t.schema].field(name);
    return field ? field->type : types().any();
  }
  case types::TypeKind::Map: return t.element;
  case types::TypeKind::Union:
    for (types::TypeId member : t.members) {
      const types::Type &m = types().get(types().strip(member));
      if (m.kind == types::TypeKind::Schema && checked_.schemas[m.schema].field(name))
        return checked_.schemas[m.schema].field(name)->type;
      if (m.kind == types::TypeKind::Map)
        return m.element;
    }
    return types().any();
  default: return types().any();
  }
}

types::TypeId Evaluator::objectTypeFor(types::TypeId type, const InputGroup *group) const {
  if (!type.valid())
    return {};
  type = types().strip(type);
  const types::Type &t = types().get(type);
  switch (t.kind) {
  case types::TypeKind::Schema:
  case types::TypeKind::Map:
  case types::TypeKind::Any: return type;
  case types::TypeKind::Error: return types().any();
  case types::TypeKind::Union: break;
  default: return {};
  }
  // A union: prefer the schema whose fields include every key set, then any
  // schema, then a map or `any` (members are in a deterministic order).
  types::TypeId firstSchema, firstOther;
  for (types::TypeId member : t.members) {
    types::TypeId m = types().strip(member);
    const types::Type &mt = types().get(m);
    if (mt.kind == types::TypeKind::Schema) {
      if (!firstSchema.valid())
        firstSchema = m;
      bool fits = group != nullptr;
      if (group)
        for (const FieldInput &input : group->inputs)
          fits = fits && checked_.schemas[mt.schema].field(input.name);
      if (fits)
        return m;
    } else if ((mt.kind == types::TypeKind::Map || mt.kind == types::TypeKind::Any) && !firstOther.valid()) {
      firstOther = m;
    }
  }
  return firstSchema.valid() ? firstSchema : firstOther;
}

Value Evaluator::buildGroup(InputGroup &group) {
  if (group.base && group.base->schema != kNoSchema)
    return instantiateSchema(group.base->schema, group); // the base's own schema, maybe a child of the static one
  types::TypeId type = objectTypeFor(group.type, &group);
  if (type.valid()) {
    const types::Type &t = types().get(type);
    if (t.kind == types::TypeKind::Schema && !group.base)
      return instantiateSchema(t.schema, group);
    if (t.kind == types::TypeKind::Map)
      return buildMap(group, t.element);
  }
  return buildMap(group, types().any());
}

Value Evaluator::buildMap(InputGroup &group, types::TypeId element) {
  if (group.base)
    mergeBaseInputs(group);
  llvm::SmallVector<ObjectField, 4> fields;
  fields.reserve(group.inputs.size());
  types::TypeId slot = group.nested ? element : types::TypeId{};
  for (const FieldInput &input : group.inputs) {
    Value value = inputValue(input, slot, nullptr);
    if (!value.isNull()) // objects never hold null entries; `k = null` under `with` removes k
      fields.push_back(ObjectField{input.name, value, input.nameSpan, true});
  }
  reserveBytes(fields.size() * sizeof(ObjectField), group.span);
  return Value::object(makeObject(kNoSchema, {}, fields), group.span);
}

Value Evaluator::inputValue(const FieldInput &input, types::TypeId slot, const types::FieldInfo *field) {
  switch (input.kind) {
  case FieldInput::Kind::Value: return input.value; // checked when it was first set
  case FieldInput::Kind::Group: return buildGroup(*input.group);
  case FieldInput::Kind::Expr: break;
  }
  Value value = eval(input.expr, input.scope);
  if (slotNeedsCheck(slot, exprType(input.scope.module, input.expr))) {
    Mismatch mismatch;
    if (!conforms(value, slot, mismatch)) {
      reportMismatch(mismatch, ast(input.scope.module).expr(input.expr).span,
                     field ? fieldTypeSpan(*field) : Span{});
      abortEvaluation();
    }
  }
  return value;
}

// Under `with`: the base's inputs (every entry of a map, the explicit inputs
// of an instance), overridden entry by entry; a nested override merges into
// the base's current value of that field.
void Evaluator::mergeBaseInputs(InputGroup &group) {
  const ObjectData &base = *group.base;
  group.base = nullptr;
  bool instance = base.schema != kNoSchema;
  std::vector<FieldInput> merged;
  llvm::StringMap<uint32_t> position;
  auto addBase = [&](const ObjectField &field) {
    FieldInput input;
    input.kind = FieldInput::Kind::Value;
    input.name = field.name;
    input.nameSpan = field.nameSpan;
    input.value = field.value;
    position[field.name] = uint32_t(merged.size());
    merged.push_back(input);
  };
  for (const ObjectField &field : base.fields)
    if (!instance || field.explicitInput)
      addBase(field);
  for (const ObjectField &field : base.explicitNulls)
    addBase(field);
  for (FieldInput &override : group.inputs) {
    if (override.kind == FieldInput::Kind::Group && !override.group->base) {
      const ObjectField *current = base.find(override.name);
      if (current && current->value.kind() == ValueKind::Object)
        override.group->base = &current->value.asObject();
    }
    auto [it, inserted] = position.try_emplace(override.name, uint32_t(merged.size()));
    if (inserted)
      merged.push_back(override);
    else
      merged[it->second] = override;
  }
  group.inputs = std::move(merged);
  group.resetIndex();
}

} // namespace cairn::eval
