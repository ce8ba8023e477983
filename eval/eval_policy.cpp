// Policies: the checks of one policy run on one value, in a scope holding
// `self`, the parameters and the target's fields (read straight from the
// value, like the fields of an instance in a schema's checks).
#include <nlohmann/json.hpp>

#include "eval/evaluator.h"
#include "eval/value_ops.h"

namespace cairn::eval {

void Evaluator::runPolicyChecks(const types::PolicyInfo &policy, Value target, llvm::ArrayRef<Value> params,
                                std::vector<CheckFailure> &failures) {
  const auto &decl = *ast(policy.module).decl(policy.decl).as<ast::PolicyDecl>();
  if (target.kind() == ValueKind::Object && isKubernetesSecret(target.asObject()))
    expectSecrets();
  // `self` and the parameters, innermost last, as the checker pushed them.
  llvm::SmallVector<Frame, 4> frames;
  frames.push_back(Frame{nullptr, "self", target});
  for (size_t i = 0; i < policy.params.size() && i < params.size(); ++i)
    frames.push_back(Frame{nullptr, policy.params[i].name, params[i]});
  for (size_t i = 1; i < frames.size(); ++i)
    frames[i].parent = &frames[i - 1];

  // The fields of a schema target, as slots of an instance already built.
  // They live on this C++ frame: nothing evaluated in a check outlives it.
  llvm::SmallVector<FieldSlot, 32> slots;
  SchemaScope fields;
  Scope scope{&frames.back(), nullptr, policy.module};
  if (policy.targetSchema != types::kNone) {
    const types::SchemaInfo &schema = checked_.schemas[policy.targetSchema];
    slots.resize(schema.fields.size());
    const ObjectData *object = target.kind() == ValueKind::Object ? &target.asObject() : nullptr;
    for (size_t i = 0; i < schema.fields.size(); ++i) {
      const ObjectField *field = object ? object->find(schema.fields[i].name) : nullptr;
      slots[i].state = field ? FieldSlot::Done : FieldSlot::Absent;
      if (field) {
        slots[i].value = field->value;
        slots[i].nameSpan = field->nameSpan;
      }
    }
    fields = SchemaScope{policy.targetSchema, slots.data(), target.span()};
    scope.schema = &fields;
  }

  for (uint32_t c = 0; c < decl.checks.size(); ++c) {
    const ast::PolicyCheck &check = decl.checks[c];
    Value cond = eval(check.cond, scope);
    Span condSpan = ast(policy.module).expr(check.cond).span;
    if (cond.kind() != ValueKind::Bool)
      raiseKind(cond, "bool", condSpan);
    if (cond.asBool())
      continue;
    CheckFailure failure;
    failure.check = c;
    failure.checkSpan = check.span;
    if (check.message.valid()) {
      Value text = eval(check.message, scope);
      failure.message = messageText(text, target);
    } else {
      failure.message = "`" + sourceText(condSpan).str() + "` is false";
    }
    failure.at = target;
    if (check.at.valid()) {
      Value at = eval(check.at, scope);
      if (!at.isNull() && at.span().valid())
        failure.at = at;
    }
    failures.push_back(std::move(failure));
  }
}

PolicyEvaluator::PolicyEvaluator(const Program &program, const types::CheckedProgram &checked,
                                 const EvalOptions &options, DiagnosticSink &diags, ValueArena &arena)
    : checked_(checked), ev_(std::make_unique<Evaluator>(program, checked, options, diags, arena)) {}

PolicyEvaluator::~PolicyEvaluator() = default;

std::optional<Value> PolicyEvaluator::evalTopLevel(uint32_t module, ast::ExprId expr) {
  try {
    return ev_->evalTopLevel(module, expr);
  } catch (EvalAbort &) {
    return std::nullopt;
  }
}

std::optional<Value> PolicyEvaluator::paramFromJson(const nlohmann::ordered_json &json, types::TypeId type,
                                                    Span span, const std::string &origin) {
  try {
    Value value = jsonToValue(*ev_, json, type, span);
    Mismatch mismatch;
    if (!ev_->conforms(value, type, mismatch)) {
      ev_->report(DiagKind::InvalidParamValue, span, origin, "expected `" + ev_->display(type) + "`");
      return std::nullopt;
    }
    return value;
  } catch (EvalAbort &) {
    return std::nullopt;
  }
}

bool PolicyEvaluator::run(uint32_t policy, Value target, llvm::ArrayRef<Value> params,
                          std::vector<CheckFailure> &failures) {
  try {
    ev_->beginPolicyRun();
    ev_->runPolicyChecks(checked_.policies[policy], target, params, failures);
    return true;
  } catch (EvalAbort &) {
    return false;
  }
}

} // namespace cairn::eval
