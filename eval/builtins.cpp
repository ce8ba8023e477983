// Builtin dispatch, and the builtins on maps and on any collection.
#include "eval/builtins_impl.h"
#include "eval/value_ops.h"

namespace cairn::eval {

Value callBuiltin(Evaluator &ev, types::BuiltinId id, llvm::ArrayRef<Value> args, Span callSpan) {
  using types::BuiltinId;
  BuiltinCall call{ev, id, args, callSpan};
  switch (id) {
  case BuiltinId::Len:
  case BuiltinId::Keys:
  case BuiltinId::Values:
  case BuiltinId::Has:
  case BuiltinId::Contains:
  case BuiltinId::Merge:
  case BuiltinId::Fail:
  case BuiltinId::TypeOf: return collectionBuiltin(call);
  case BuiltinId::Range:
  case BuiltinId::Sort:
  case BuiltinId::Reverse:
  case BuiltinId::Unique:
  case BuiltinId::Flatten:
  case BuiltinId::Map:
  case BuiltinId::Filter:
  case BuiltinId::All:
  case BuiltinId::Exists:
  case BuiltinId::Sum:
  case BuiltinId::Min:
  case BuiltinId::Max:
  case BuiltinId::Abs: return listBuiltin(call);
  case BuiltinId::ToInt:
  case BuiltinId::ToFloat:
  case BuiltinId::Upper:
  case BuiltinId::Lower:
  case BuiltinId::Trim:
  case BuiltinId::Split:
  case BuiltinId::Join:
  case BuiltinId::Replace:
  case BuiltinId::StartsWith:
  case BuiltinId::EndsWith:
  case BuiltinId::Substr:
  case BuiltinId::Matches: return textBuiltin(call);
  case BuiltinId::Base64Encode:
  case BuiltinId::Base64Decode:
  case BuiltinId::Sha256: return encodingBuiltin(call);
  case BuiltinId::ToString:
  case BuiltinId::ToJson:
  case BuiltinId::ToYaml: return formatBuiltin(call);
  case BuiltinId::CurrentObject:
  case BuiltinId::CurrentPath:
  case BuiltinId::AllObjects:
  case BuiltinId::FindObject:
  case BuiltinId::SelectPods: return lintBuiltin(call);
  }
  call.fail("unknown builtin");
}

namespace {

Value len(BuiltinCall &call) {
  Value v = call.args[0];
  switch (v.kind()) {
  case ValueKind::String: return call.integerValue(int64_t(codePointCount(v.asString())));
  case ValueKind::List: return call.integerValue(int64_t(v.asList().size()));
  case ValueKind::Object: return call.integerValue(int64_t(v.asObject().fields.size()));
  default: call.wrongKind(0, "string | list | map");
  }
}

Value keysOrValues(BuiltinCall &call, bool keys) {
  const ObjectData &object = call.object(0);
  llvm::SmallVector<Value, 16> items;
  items.reserve(object.fields.size());
  for (const ObjectField &field : object.fields)
    items.push_back(keys ? Value::string(field.name, field.nameSpan.valid() ? field.nameSpan : call.span)
                         : field.value);
  return call.listValue(items);
}

Value contains(BuiltinCall &call) {
  Value haystack = call.args[0];
  if (haystack.kind() == ValueKind::String)
    return call.boolean(haystack.asString().contains(call.string(1)));
  if (haystack.kind() == ValueKind::List) {
    for (Value item : haystack.asList())
      if (valuesEqual(item, call.args[1]))
        return call.boolean(true);
    return call.boolean(false);
  }
  call.wrongKind(0, "string | list");
}

// Keys of the second map win; a key keeps the position it had in the first.
Value merge(BuiltinCall &call) {
  const ObjectData &first = call.object(0);
  const ObjectData &second = call.object(1);
  llvm::SmallVector<ObjectField, 16> fields(first.fields.begin(), first.fields.end());
  llvm::StringMap<uint32_t> position;
  for (uint32_t i = 0; i < fields.size(); ++i)
    position[fields[i].name] = i;
  for (const ObjectField &field : second.fields) {
    auto [it, inserted] = position.try_emplace(field.name, uint32_t(fields.size()));
    if (inserted)
      fields.push_back(field);
    else
      fields[it->second] = field;
  }
  for (ObjectField &field : fields)
    field.explicitInput = true;
  call.ev.reserveBytes(fields.size() * sizeof(ObjectField), call.span);
  return Value::object(call.ev.makeObject(kNoSchema, {}, fields), call.span);
}

} // namespace

Value collectionBuiltin(BuiltinCall &call) {
  using types::BuiltinId;
  switch (call.id) {
  case BuiltinId::Len: return len(call);
  case BuiltinId::Keys: return keysOrValues(call, true);
  case BuiltinId::Values: return keysOrValues(call, false);
  case BuiltinId::Has: {
    const ObjectField *field = call.object(0).find(call.string(1));
    return call.boolean(field && !field->value.isNull());
  }
  case BuiltinId::Contains: return contains(call);
  case BuiltinId::Merge: return merge(call);
  case BuiltinId::Fail:
    call.string(0);
    call.ev.raise(DiagKind::BuiltinFailed, call.span, call.name().str(), call.ev.messageText(call.args[0]));
  case BuiltinId::TypeOf: return call.text(kindName(call.args[0].kind()));
  default: call.fail("not a collection builtin");
  }
}

} // namespace cairn::eval
