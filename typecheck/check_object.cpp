// Object literals, checked against the type they build (bidirectional): a
// schema (closed: E0401, E0402, E0403), a map, `any`, or a union member
// (E0405); nested blocks and dotted paths merge per name. And `with` (E0411).
#include <fmt/format.h>

#include "typecheck/check_context.h"

namespace cairn::types {

namespace {

std::vector<EntryRef> entriesOf(const ast::ObjectLit &object) {
  std::vector<EntryRef> entries;
  for (const ast::FieldInit &init : object.fields)
    if (!init.path.empty())
      entries.push_back({&init, 0});
  return entries;
}

Span openBrace(const ast::ObjectLit &object) {
  Span s = object.bodySpan;
  return Span{s.file, s.begin, s.begin + 1};
}

// A value a user can start from when a fix inserts a missing field.
std::string placeholder(const TypeStore &store, TypeId type) {
  const Type &t = store.get(store.strip(type));
  switch (t.kind) {
  case TypeKind::Bool: return "false";
  case TypeKind::Int: return std::to_string(t.intRange.hasLow ? t.intRange.low : 0);
  case TypeKind::Float: return t.floatRange.hasLow ? formatFloat(t.floatRange.low) : "0.0";
  case TypeKind::String: return "\"\"";
  case TypeKind::Literal: return displayLiteral(t.literal);
  case TypeKind::List: return "[]";
  case TypeKind::Map:
  case TypeKind::Schema: return "{}";
  case TypeKind::Union:
    for (TypeId m : t.members)
      if (store.kind(m) != TypeKind::Null)
        return placeholder(store, m);
    return "null";
  default: return "null";
  }
}

} // namespace

TypeId Checker::chooseObjectType(TypeId target, llvm::ArrayRef<EntryRef> entries, Span at) {
  TypeId s = store().strip(target);
  if (rel_.isError(s) || rel_.isObject(s))
    return s;
  if (store().kind(s) != TypeKind::Union)
    return TypeId{};
  std::vector<TypeId> objects, fitting;
  for (TypeId m : store().get(s).members)
    if (rel_.isObject(store().strip(m)))
      objects.push_back(store().strip(m));
  if (objects.size() <= 1)
    return objects.empty() ? TypeId{} : objects.front();
  TypeId open;
  for (TypeId m : objects) {
    if (store().kind(m) != TypeKind::Schema) {
      open = open.valid() ? open : m;
      continue;
    }
    const SchemaInfo &info = out_.schemas[store().get(m).schema];
    bool fits = true;
    for (const EntryRef &entry : entries)
      fits = fits && info.field(entry.name().text) != nullptr;
    if (fits)
      fitting.push_back(m);
  }
  if (fitting.size() == 1)
    return fitting.front();
  if (fitting.empty() && open.valid())
    return open;
  Diagnostic &d = report(DiagKind::AmbiguousObjectType, at, show(target));
  if (fitting.size() > 1)
    d.note(fmt::format("its fields fit both `{}` and `{}`", show(fitting[0]), show(fitting[1])));
  else
    d.note("its fields fit none of the object types");
  d.withHint(fmt::format("write the type before the braces, e.g. `{} {{ ... }}`",
                         show(fitting.empty() ? objects.front() : fitting.front())));
  return store().error();
}

TypeId Checker::checkObjectLit(ast::ExprId e, const ast::ObjectLit &object,
                               const Expected &expected) {
  std::vector<EntryRef> entries = entriesOf(object);
  TypeId result;
  TypeId target;
  Span at = openBrace(object);
  if (object.typeRef.valid()) {
    result = resolveTypeRef(object.typeRef);
    at = expr(object.typeRef).span;
    target = chooseObjectType(result, entries, at);
    if (!target.valid()) {
      report(DiagKind::NotAnObjectType, at, show(result));
      result = target = store().error();
    }
  } else if (expected.has()) {
    target = chooseObjectType(expected.type, entries, at);
    if (!target.valid()) {
      report(DiagKind::NotAnObjectType, at, show(expected.type));
      target = store().error();
    }
    result = target;
  }
  TypeId built = checkEntries(target, entries, /*partial=*/false, at, &object);
  table().objectTypes[e.index] = built;
  // Built as the expected type (or E0404 said why not); a typed literal is
  // still compared with the expected type by the caller.
  consumed_ = !object.typeRef.valid() && expected.has();
  return result.valid() ? result : built;
}

TypeId Checker::checkWith(ast::ExprId e, const ast::WithExpr &with, const Expected &expected) {
  TypeId base = checkExpr(with.base, expected);
  TypeId target = store().strip(base);
  if (!rel_.isError(target) && !rel_.isObject(target)) {
    report(DiagKind::WithNeedsObject, expr(with.base).span, show(base));
    target = store().error();
  }
  const ast::Expr &overrides = expr(with.overrides);
  if (auto *object = overrides.as<ast::ObjectLit>()) {
    checkEntries(target, entriesOf(*object), /*partial=*/true, openBrace(*object), nullptr);
    table().objectTypes[with.overrides.index] = target;
  }
  record(with.overrides, target);
  table().objectTypes[e.index] = target;
  return rel_.isError(target) ? target : base;
}

TypeId Checker::checkEntries(TypeId target, llvm::ArrayRef<EntryRef> entries, bool partial,
                             Span missingAt, const ast::ObjectLit *body) {
  // Group the entries by the name they set, in order of first appearance.
  llvm::StringMap<size_t> groupIndex;
  std::vector<std::vector<EntryRef>> groups;
  for (const EntryRef &entry : entries) {
    if (!entry.name().valid()) {
      checkEntryAlone(entry);
      continue;
    }
    auto [it, inserted] = groupIndex.try_emplace(entry.name().text, groups.size());
    if (inserted)
      groups.emplace_back();
    groups[it->second].push_back(entry);
  }
  llvm::StringMap<bool> set;
  TypeId element = store().never();
  for (const auto &group : groups) {
    element = rel_.join(element, checkGroup(target, group, partial));
    set[group.front().name().text] = true;
  }
  if (!target.valid())
    return rel_.isError(element) ? element : store().map(element); // inferred `{string: T}`
  if (store().kind(store().strip(target)) == TypeKind::Schema && !partial) {
    // A misspelt field (`nmae`) is one mistake: E0401 with its "did you mean"
    // already says so, so the field it stands for is not reported missing too.
    const SchemaInfo &info = out_.schemas[store().get(store().strip(target)).schema];
    std::vector<llvm::StringRef> fieldNames;
    for (const FieldInfo &f : info.fields)
      fieldNames.push_back(f.name);
    for (const auto &group : groups)
      if (!info.field(group.front().name().text))
        if (std::string match = closestMatch(group.front().name().text, fieldNames); !match.empty())
          set[match] = true;
    reportMissingFields(target, set, missingAt, body);
  }
  return target;
}

TypeId Checker::fieldTarget(TypeId target, const EntryRef &first, Expected &expected) {
  TypeId t = store().strip(target);
  const ast::Name &name = first.name();
  switch (store().kind(t)) {
  case TypeKind::Schema: {
    uint32_t schema = store().get(t).schema;
    const SchemaInfo &info = out_.schemas[schema];
    const FieldInfo *field = info.field(name.text);
    if (!field) {
      Diagnostic &d = report(DiagKind::UnknownField, name.span, name.text, info.name);
      std::vector<llvm::StringRef> names;
      for (const FieldInfo &f : info.fields)
        names.push_back(f.name);
      suggest(d, name.text, name.span, names);
      return TypeId{};
    }
    // An optional field may be set to null, which leaves it absent.
    TypeId type = field->presence == FieldPresence::Optional ? fieldAccessType(*field) : field->type;
    expected = Expected::of(type, fieldTypeSpan(schema, *field),
                            "expected because of this field's type");
    return type;
  }
  case TypeKind::Map:
    expected = Expected::of(store().get(t).element);
    return store().get(t).element;
  case TypeKind::Any: expected = Expected::none(); return store().any();
  default: expected = Expected::none(); return store().error();
  }
}

TypeId Checker::checkGroup(TypeId target, llvm::ArrayRef<EntryRef> group, bool partial) {
  bool infer = !target.valid();
  Expected expected;
  TypeId fieldType = infer ? TypeId{} : fieldTarget(target, group.front(), expected);
  bool unknownField = !infer && !fieldType.valid();
  TypeId valueType = store().error();
  std::vector<EntryRef> children;
  std::vector<ast::ExprId> blocks;
  const EntryRef *firstNested = nullptr;
  bool sawLeaf = false;
  for (size_t i = 0; i < group.size(); ++i) {
    const EntryRef &entry = group[i];
    if (i > 0 && (sawLeaf || entry.isLeaf())) {
      report(DiagKind::DuplicateField, entry.name().span, entry.name().text)
          .label(group.front().name().span, "first set here");
      checkEntryAlone(entry);
      continue;
    }
    if (entry.isLeaf()) {
      sawLeaf = true;
      valueType = infer || unknownField ? checkExpr(entry.init->value, Expected::none())
                                        : checkAgainst(entry.init->value, expected);
      continue;
    }
    firstNested = firstNested ? firstNested : &entry;
    if (entry.depth + 1 < entry.init->path.size()) {
      children.push_back({entry.init, entry.depth + 1});
    } else if (auto *block = expr(entry.init->value).as<ast::ObjectLit>()) {
      blocks.push_back(entry.init->value);
      for (const EntryRef &child : entriesOf(*block))
        children.push_back(child);
    }
  }
  if (!firstNested)
    return valueType;
  const ast::Name &name = firstNested->name();
  TypeId sub;
  if (unknownField) {
    sub = store().error();
  } else if (!infer) {
    sub = chooseObjectType(fieldType, children, name.span);
    if (!sub.valid()) {
      Diagnostic &d = report(DiagKind::NotAnObjectType, name.span, show(fieldType));
      if (expected.reasonSpan.valid())
        d.label(expected.reasonSpan, "the field's type is declared here");
      sub = store().error();
    }
  }
  const ast::ObjectLit *body = nullptr;
  if (firstNested->init->block && firstNested->depth + 1 == firstNested->init->path.size())
    body = expr(firstNested->init->value).as<ast::ObjectLit>();
  valueType = checkEntries(sub, children, partial, name.span, body);
  for (ast::ExprId block : blocks) {
    table().objectTypes[block.index] = valueType;
    record(block, valueType);
  }
  return valueType;
}

void Checker::checkEntryAlone(const EntryRef &entry) {
  // A block's untyped body is inferred as a map, like any other value here.
  checkExpr(entry.init->value, Expected::none());
}

void Checker::reportMissingFields(TypeId target, const llvm::StringMap<bool> &set, Span at,
                                  const ast::ObjectLit *body) {
  const SchemaInfo &info = out_.schemas[store().get(store().strip(target)).schema];
  for (const FieldInfo &field : info.fields) {
    if (field.presence != FieldPresence::Required || set.count(field.name))
      continue;
    Diagnostic &d = report(DiagKind::MissingField, at, field.name, info.name);
    d.label(field.span, "declared here");
    if (!body)
      continue;
    std::string assignment = fmt::format("{} = {}", field.name, placeholder(store(), field.type));
    Span insertAt{body->bodySpan.file, body->bodySpan.begin + 1, body->bodySpan.begin + 1};
    d.fix(fmt::format("add `{}`", assignment), insertAt,
          body->fields.empty() ? " " + assignment + " " : " " + assignment + ",");
  }
}

} // namespace cairn::types
