// Schemas: registration, `extends` (E0407, E0408), fields with inheritance
// (E0409, E0304), defaults and checks in the scope of the fields, and cycles
// between defaults (E0406).
#include <fmt/format.h>

#include "typecheck/check_context.h"
#include "typecheck/cycles.h"

namespace cairn::types {

void Checker::registerSchema(uint32_t module, ast::DeclId decl) {
  const auto &schema = *astOf(module).decl(decl).as<ast::SchemaDecl>();
  SchemaInfo info;
  info.name = schema.name.text;
  info.module = module;
  info.decl = decl;
  info.span = schema.name.span;
  out_.modules[module].declSchemas[decl.index] = static_cast<uint32_t>(out_.schemas.size());
  out_.schemas.push_back(std::move(info));
  schemaProgress_.push_back(Progress::NotStarted);
  fieldTypeSpans_.emplace_back();
}

void Checker::resolveSchemaParents() {
  for (SchemaInfo &info : out_.schemas) {
    const auto &decl = *astOf(info.module).decl(info.decl).as<ast::SchemaDecl>();
    if (!decl.parent.valid())
      continue;
    TypeId parent = resolveTypeName(info.module, decl.parentQualifier, decl.parent);
    if (rel_.isError(parent))
      continue;
    TypeId stripped = store().strip(parent);
    if (store().kind(stripped) == TypeKind::Schema) {
      info.parent = store().get(stripped).schema;
      continue;
    }
    Span span = decl.parentQualifier.valid() ? decl.parentQualifier.span.to(decl.parent.span)
                                             : decl.parent.span;
    report(DiagKind::ExtendsNonSchema, span, sourceText(span));
  }
  // Cut every `extends` cycle at the first schema found on it.
  for (uint32_t s = 0; s < out_.schemas.size(); ++s) {
    uint32_t current = out_.schemas[s].parent;
    for (size_t steps = 0; current != kNone && steps < out_.schemas.size(); ++steps) {
      if (current == s) {
        SchemaInfo &info = out_.schemas[s];
        const auto &decl = *astOf(info.module).decl(info.decl).as<ast::SchemaDecl>();
        report(DiagKind::ExtendsCycle, decl.parent.span, info.name)
            .label(info.span, "declared here");
        info.parent = kNone;
        break;
      }
      current = out_.schemas[current].parent;
    }
  }
}

namespace {

bool hasNullMember(const TypeRelations &rel, TypeId type) {
  for (TypeId m : rel.members(type))
    if (rel.kind(m) == TypeKind::Null)
      return true;
  return false;
}

} // namespace

void Checker::buildSchemaFields(uint32_t s) {
  if (schemaProgress_[s] != Progress::NotStarted)
    return;
  schemaProgress_[s] = Progress::InProgress;
  uint32_t parent = out_.schemas[s].parent;
  if (parent != kNone) {
    buildSchemaFields(parent);
    const SchemaInfo &p = out_.schemas[parent];
    out_.schemas[s].fields = p.fields;
    out_.schemas[s].checks = p.checks;
    for (auto &entry : p.fieldIndex)
      out_.schemas[s].fieldIndex[entry.getKey()] = entry.getValue();
    fieldTypeSpans_[s] = fieldTypeSpans_[parent];
  }
  SchemaInfo &info = out_.schemas[s];
  const ast::Module &m = astOf(info.module);
  const auto &decl = *m.decl(info.decl).as<ast::SchemaDecl>();
  for (const ast::SchemaField &f : decl.fields) {
    if (!f.name.valid())
      continue;
    FieldInfo field;
    field.name = f.name.text;
    field.type = resolveType(info.module, f.type);
    field.module = info.module;
    field.defaultValue = f.defaultValue;
    field.span = f.span;
    field.ownerSchema = s;
    field.doc = f.docComment;
    if (f.defaultValue.valid() || (!f.optional && hasNullMember(rel_, field.type)))
      field.presence = FieldPresence::Defaulted;
    else
      field.presence = f.optional ? FieldPresence::Optional : FieldPresence::Required;
    Span typeSpan = f.type.valid() ? m.type(f.type).span : f.span;
    auto existing = info.fieldIndex.find(field.name);
    if (existing == info.fieldIndex.end()) {
      info.fieldIndex[field.name] = static_cast<uint32_t>(info.fields.size());
      info.fields.push_back(field);
      fieldTypeSpans_[s].push_back(typeSpan);
      continue;
    }
    FieldInfo &previous = info.fields[existing->second];
    if (previous.ownerSchema == s) {
      report(DiagKind::DuplicateDefinition, f.name.span, field.name)
          .label(previous.span, "first defined here");
    } else if (!rel_.assignable(field.type, previous.type)) {
      report(DiagKind::FieldRedefined, f.name.span, field.name,
             out_.schemas[previous.ownerSchema].name)
          .label(previous.span, "defined here")
          .note(fmt::format("a redefined field must keep a type assignable to `{}`",
                            show(previous.type)));
    } else {
      previous = field; // narrows or re-defaults the inherited field, in its position
      fieldTypeSpans_[s][existing->second] = typeSpan;
    }
  }
  for (const ast::SchemaCheck &check : decl.checks)
    info.checks.push_back(CheckInfo{info.module, check.cond, check.message, check.span, s});
  schemaProgress_[s] = Progress::Done;
}

TypeId Checker::fieldAccessType(const FieldInfo &field) {
  if (field.presence == FieldPresence::Optional && !rel_.isError(field.type))
    return store().optional(field.type);
  return field.type;
}

Span Checker::fieldTypeSpan(uint32_t schema, const FieldInfo &field) const {
  auto it = out_.schemas[schema].fieldIndex.find(field.name);
  if (it == out_.schemas[schema].fieldIndex.end())
    return field.span;
  return fieldTypeSpans_[schema][it->second];
}

void Checker::checkSchemaBodies(uint32_t s) {
  const SchemaInfo &info = out_.schemas[s];
  for (uint32_t i = 0; i < info.fields.size(); ++i) {
    const FieldInfo &field = info.fields[i];
    if (field.ownerSchema != s || !field.defaultValue.valid())
      continue;
    CheckPosition position;
    position.module = info.module;
    position.schema = s;
    position.defaultField = i;
    EnterPosition enter(*this, std::move(position));
    checkAgainst(field.defaultValue, Expected::of(field.type, fieldTypeSpans_[s][i],
                                                  "expected because of this field's type"));
  }
  for (const CheckInfo &check : info.checks) {
    if (check.ownerSchema != s)
      continue;
    CheckPosition position;
    position.module = info.module;
    position.schema = s;
    EnterPosition enter(*this, std::move(position));
    checkCondition(check.cond);
    if (!check.message.valid())
      continue;
    TypeId message = checkExpr(check.message, Expected::none());
    if (!rel_.isUnknown(message) && !rel_.isString(message))
      report(DiagKind::CheckMessageNotString, expr(check.message).span, show(message));
  }
}

void Checker::checkDefaultCycles() {
  for (uint32_t s = 0; s < out_.schemas.size(); ++s) {
    const SchemaInfo &info = out_.schemas[s];
    std::vector<GraphEdge> edges;
    for (uint32_t i = 0; i < info.fields.size(); ++i) {
      const FieldInfo &field = info.fields[i];
      if (!field.defaultValue.valid())
        continue;
      auto uses = defaultUses_.find(key(field.module, field.defaultValue.index));
      if (uses == defaultUses_.end())
        continue;
      for (const auto &[name, span] : uses->second) {
        const FieldInfo *target = info.field(name);
        if (target && target->defaultValue.valid())
          edges.push_back({i, info.fieldIndex.lookup(name), span});
      }
    }
    for (const auto &cycle : findCycles(static_cast<uint32_t>(info.fields.size()), edges)) {
      bool owned = false;
      for (const GraphEdge &edge : cycle)
        owned = owned || info.fields[edge.from].ownerSchema == s;
      if (!owned)
        continue; // reported in the schema that declares these defaults
      const FieldInfo &first = info.fields[cycle.front().from];
      std::string chain = fmt::format("`{}`", first.name);
      for (const GraphEdge &edge : cycle)
        chain += fmt::format(" -> `{}`", info.fields[edge.to].name);
      Diagnostic &d = report(DiagKind::CyclicDefault,
                             astOf(first.module).expr(first.defaultValue).span, first.name);
      for (const GraphEdge &edge : cycle)
        d.label(edge.span, fmt::format("uses `{}`", info.fields[edge.to].name));
      d.note("the defaults form a cycle: " + chain);
    }
  }
}

} // namespace cairn::types
