// Parameters: values from `-p name=value` (text converted to the declared
// type) or values files (JSON), applied to the entry modules that declare
// them, checked against the type (E0702); defaults otherwise (E0703 if none).
#include <charconv>

#include <nlohmann/json.hpp>

#include "eval/evaluator.h"
#include "eval/value_ops.h"

namespace cairn::eval {
namespace {

const ast::ParamDecl *findParam(const ast::Module &module, llvm::StringRef name, ast::DeclId &id) {
  for (ast::DeclId decl : module.decls())
    if (const auto *param = module.decl(decl).as<ast::ParamDecl>(); param && param->name.text == name) {
      id = decl;
      return param;
    }
  return nullptr;
}

// The kinds of scalar a parameter type accepts, ignoring null.
struct ScalarKinds {
  bool string = false, integer = false, real = false, boolean = false, other = false;
};

void collectKinds(const types::TypeStore &store, types::TypeId type, ScalarKinds &kinds) {
  const types::Type &t = store.get(store.strip(type));
  switch (t.kind) {
  case types::TypeKind::Null: break;
  case types::TypeKind::String: kinds.string = true; break;
  case types::TypeKind::Int: kinds.integer = true; break;
  case types::TypeKind::Float: kinds.real = true; break;
  case types::TypeKind::Bool: kinds.boolean = true; break;
  case types::TypeKind::Literal:
    switch (t.literal.kind) {
    case types::LiteralValue::String: kinds.string = true; break;
    case types::LiteralValue::Int: kinds.integer = true; break;
    case types::LiteralValue::Float: kinds.real = true; break;
    case types::LiteralValue::Bool: kinds.boolean = true; break;
    }
    break;
  case types::TypeKind::Union:
    for (types::TypeId member : t.members)
      collectKinds(store, member, kinds);
    break;
  default: kinds.other = true; break;
  }
}

// Where a parameter was set, for notes: `-p name=text` shows no text for a
// secret parameter.
std::string shownOrigin(const ParamInput &input, bool secret) {
  if (secret && input.fromText && llvm::StringRef(input.origin).startswith("-p "))
    return fmt::format("-p {}={}", input.name, kSecretPlaceholder.str());
  return input.origin;
}

// A JSON scalar as a value (null for an array or object).
Value jsonScalar(Evaluator &ev, const nlohmann::ordered_json &data, types::TypeId type, Span span) {
  using Json = nlohmann::ordered_json;
  // A whole number for a float parameter becomes a float, as with `-p`.
  ScalarKinds kinds;
  if (data.is_number_integer() && type.valid())
    collectKinds(ev.types(), type, kinds);
  bool wantsFloat = kinds.real && !kinds.integer;
  switch (data.type()) {
  case Json::value_t::boolean: return Value::boolean(data.get<bool>(), span);
  case Json::value_t::number_integer:
    return wantsFloat ? Value::real(data.get<double>(), span) : Value::integer(data.get<int64_t>(), span);
  case Json::value_t::number_unsigned: {
    uint64_t u = data.get<uint64_t>();
    if (wantsFloat || u > uint64_t(INT64_MAX))
      return Value::real(double(u), span);
    return Value::integer(int64_t(u), span);
  }
  case Json::value_t::number_float: return Value::real(data.get<double>(), span);
  case Json::value_t::string: return ev.makeString(data.get_ref<const std::string &>(), span);
  default: return Value::null(span);
  }
}

} // namespace

// Converts one JSON value, guided by `type` so that objects meant for a
// schema are built as instances of it (defaults and checks included).
Value jsonToValue(Evaluator &ev, const nlohmann::ordered_json &data, types::TypeId type, Span span, bool secret) {
  using Json = nlohmann::ordered_json;
  switch (data.type()) {
  case Json::value_t::array: {
    types::TypeId element = ev.types().any();
    if (type.valid() && ev.types().kind(ev.types().strip(type)) == types::TypeKind::List)
      element = ev.types().get(ev.types().strip(type)).element;
    llvm::SmallVector<Value, 16> items;
    for (const Json &item : data)
      items.push_back(jsonToValue(ev, item, element, span, secret));
    return ev.makeList(items, span);
  }
  case Json::value_t::object: {
    InputGroup group;
    group.span = group.diagSpan = span;
    for (auto it = data.begin(); it != data.end(); ++it) {
      FieldInput input;
      input.kind = FieldInput::Kind::Value;
      input.name = ev.makeString(it.key(), span).asString();
      input.nameSpan = span;
      group.inputs.push_back(input);
    }
    // With every key known, a union type can be resolved by them.
    group.type = ev.objectTypeFor(type, &group);
    size_t i = 0;
    for (auto it = data.begin(); it != data.end(); ++it, ++i)
      group.inputs[i].value =
          jsonToValue(ev, it.value(), ev.memberType(group.type, group.inputs[i].name), span, secret);
    return ev.buildGroup(group);
  }
  default: {
    Value scalar = jsonScalar(ev, data, type, span);
    return secret ? ev.taint(scalar) : scalar;
  }
  }
}

// `-p name=text`: string types take the text as is, numbers and bools parse
// it, anything else reads it as JSON.
static bool textToValue(Evaluator &ev, const std::string &text, types::TypeId type, Span span, bool secret,
                        Value &out, std::string &error) {
  ScalarKinds kinds;
  collectKinds(ev.types(), type, kinds);
  bool onlyString = kinds.string && !kinds.integer && !kinds.real && !kinds.boolean && !kinds.other;
  if (onlyString) {
    out = ev.makeString(text, span);
    return true;
  }
  if (!kinds.other && !kinds.string) {
    int64_t i = 0;
    double f = 0;
    const char *end = text.data() + text.size();
    if ((kinds.integer || kinds.real) && std::from_chars(text.data(), end, i).ptr == end && !text.empty()) {
      out = kinds.integer ? Value::integer(i, span) : Value::real(double(i), span);
      return true;
    }
    if (kinds.real && std::from_chars(text.data(), end, f).ptr == end && !text.empty()) {
      out = Value::real(f, span);
      return true;
    }
    if (kinds.boolean && (text == "true" || text == "false")) {
      out = Value::boolean(text == "true", span);
      return true;
    }
  }
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    bool acceptsAnything = ev.types().kind(ev.types().strip(type)) == types::TypeKind::Any;
    if (kinds.string || acceptsAnything) {
      out = ev.makeString(text, span);
      return true;
    }
    error = kinds.other ? fmt::format("`{}` is not valid JSON for `{}`", text, ev.display(type))
                        : fmt::format("`{}` is not a valid `{}`", text, ev.display(type));
    return false;
  }
  out = jsonToValue(ev, json, type, span, secret);
  return true;
}

bool Evaluator::isSecretParamName(llvm::StringRef name) const {
  for (uint32_t module : program_.entries)
    for (ast::DeclId decl : ast(module).decls())
      if (const auto *param = ast(module).decl(decl).as<ast::ParamDecl>(); param && param->name.text == name)
        return param->isSecret();
  return false;
}

void Evaluator::reportUnknownParam(const ParamInput &input) {
  Diagnostic *d = report(DiagKind::UnknownParam, Span{}, input.name);
  if (!d)
    return;
  if (!input.origin.empty())
    d->note("set by " + input.origin);
  std::vector<llvm::StringRef> known;
  for (uint32_t module : program_.entries)
    for (ast::DeclId decl : ast(module).decls())
      if (const auto *param = ast(module).decl(decl).as<ast::ParamDecl>())
        known.push_back(param->name.text);
  std::string suggestion = closestMatch(input.name, known);
  if (!suggestion.empty())
    d->withHint(fmt::format("did you mean `{}`?", suggestion));
  // A misspelt secret parameter: its value must not show in the note.
  if (!input.origin.empty())
    d->notes.back() = "set by " + shownOrigin(input, isSecretParamName(suggestion));
}

void Evaluator::applyParams() {
  for (const ParamInput &input : options_.params) {
    bool declared = false;
    for (uint32_t module : program_.entries) {
      ast::DeclId decl;
      const ast::ParamDecl *param = findParam(ast(module), input.name, decl);
      if (!param)
        continue;
      declared = true;
      ParamSlot &slot = modules_[module].params[decl.index];
      types::TypeId type = param->type.valid() ? checkedModule(module).localTypes[param->type.index] : types().any();
      Span span = param->name.span;
      try {
        Value value;
        std::string error;
        bool secret = param->isSecret();
        bool converted = input.fromText ? textToValue(*this, input.text, type, span, secret, value, error)
                                        : (value = jsonToValue(*this, input.json ? *input.json : nlohmann::ordered_json(),
                                                               type, span, secret), true);
        // Marked before it is checked: a failure then shows no value.
        if (param->isSecret()) {
          if (!error.empty())
            error = fmt::format("the text given is not a valid `{}`", display(type));
          if (converted)
            value = taint(value);
        }
        Mismatch mismatch;
        if (converted && !conforms(value, type, mismatch))
          error = mismatch.refinementOnly
                      ? fmt::format("{} does not satisfy `{}`", showValue(mismatch.value), display(mismatch.type))
                      : fmt::format("expected `{}`, found {}", display(mismatch.type), describeValue(mismatch.value));
        if (!error.empty()) {
          if (Diagnostic *d = report(DiagKind::InvalidParamValue, span, input.name, error))
            d->note("set by " + shownOrigin(input, param->isSecret()));
          slot.state = ParamSlot::Failed;
          continue;
        }
        slot.value = value;
        slot.state = ParamSlot::Given;
      } catch (EvalAbort &) {
        slot.state = ParamSlot::Failed; // building an object for it failed and was reported
      }
    }
    if (!declared)
      reportUnknownParam(input);
  }
  // Every required parameter of an entry module must be set.
  for (uint32_t module : program_.entries)
    for (ast::DeclId decl : ast(module).decls())
      if (const auto *param = ast(module).decl(decl).as<ast::ParamDecl>();
          param && !param->defaultValue.valid() && modules_[module].params[decl.index].state == ParamSlot::Unset) {
        if (Diagnostic *d = report(DiagKind::MissingParam, param->name.span, param->name.text.str()))
          d->withHint(fmt::format("set it with `-p {}=...` or in a values file", param->name.text.str()));
        modules_[module].params[decl.index].state = ParamSlot::Failed;
      }
}

Value Evaluator::paramValue(uint32_t module, ast::DeclId decl, Span useSpan) {
  ParamSlot &slot = modules_[module].params[decl.index];
  switch (slot.state) {
  case ParamSlot::Given:
  case ParamSlot::Done: return slot.value;
  case ParamSlot::Failed: abortEvaluation();
  case ParamSlot::Unset: break;
  }
  const auto &param = std::get<ast::ParamDecl>(ast(module).decl(decl).data);
  if (!param.defaultValue.valid()) {
    slot.state = ParamSlot::Failed; // a module imported by the entries: nobody can set it
    raise(DiagKind::MissingParam, param.name.span, param.name.text.str());
  }
  try {
    Value value = evalDeclared(module, param.defaultValue, param.type);
    if (param.isSecret())
      value = taint(value);
    slot.value = value;
    slot.state = ParamSlot::Done;
    return value;
  } catch (EvalAbort &) {
    slot.state = ParamSlot::Failed;
    throw;
  }
}

} // namespace cairn::eval
