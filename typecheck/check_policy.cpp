// Policies: the target type (a schema or `any`, E0425), settings (E0426,
// E0427), parameters with defaults (E0428), and checks in a scope holding
// `self`, the target's fields and the parameters. Names are unique in the
// whole program (E0424), as they identify checks on the command line.
#include <regex>

#include "typecheck/check_context.h"

namespace cairn::types {
namespace {

bool validPolicyName(llvm::StringRef name) {
  static const std::regex pattern("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  return std::regex_match(name.begin(), name.end(), pattern);
}

constexpr const char *kSettings[] = {"level", "remediation", "tags", "enabled"};

} // namespace

void Checker::checkPolicySetting(PolicyInfo &info, const ast::PolicySetting &setting) {
  llvm::StringRef name = setting.name.text;
  ast::ExprId *slot = nullptr;
  TypeId type;
  if (name == "level") {
    slot = &info.level;
    LiteralValue error, warning, note;
    error.s = "error";
    warning.s = "warning";
    note.s = "info";
    type = store().unionOf({store().literal(error), store().literal(warning), store().literal(note)});
  } else if (name == "remediation") {
    slot = &info.remediation;
    type = store().string();
  } else if (name == "tags") {
    slot = &info.tags;
    type = store().list(store().string());
  } else if (name == "enabled") {
    slot = &info.enabled;
    type = store().boolean();
  }
  if (!slot) {
    if (!setting.name.valid())
      return;
    Diagnostic &d = report(DiagKind::UnknownPolicySetting, setting.name.span, name);
    suggest(d, name, setting.name.span, {std::begin(kSettings), std::end(kSettings)});
    d.note("a policy's settings are `level`, `remediation`, `tags` and `enabled`");
    checkExpr(setting.value, Expected::none());
    return;
  }
  if (slot->valid()) {
    report(DiagKind::DuplicatePolicySetting, setting.name.span, name);
    return;
  }
  *slot = setting.value;
  checkAgainst(setting.value, Expected::of(type, setting.name.span, "expected for this setting"));
}

void Checker::checkPolicy(uint32_t m, ast::DeclId id, const ast::PolicyDecl &policy) {
  const ast::Module &module = astOf(m);
  PolicyInfo info;
  info.name = policy.name;
  info.module = m;
  info.decl = id;
  info.nameSpan = policy.nameSpan;
  info.doc = module.decl(id).docComment;
  if (!policy.name.empty() && !validPolicyName(policy.name))
    report(DiagKind::InvalidPolicyName, policy.nameSpan, policy.name)
        .withHint("policy names are check ids used on the command line, e.g. `no-latest-tag`");
  for (const PolicyInfo &other : out_.policies)
    if (!policy.name.empty() && other.name == policy.name) {
      report(DiagKind::DuplicatePolicy, policy.nameSpan, policy.name).label(other.nameSpan, "first defined here");
      break;
    }

  info.target = resolveType(m, policy.target);
  TypeId target = store().strip(info.target);
  if (store().kind(target) == TypeKind::Schema) {
    info.targetSchema = store().get(target).schema;
  } else if (store().kind(target) != TypeKind::Any && !rel_.isError(target)) {
    report(DiagKind::PolicyTargetNotSchema, module.type(policy.target).span, show(info.target))
        .withHint("write the schema of the values to check, e.g. `core.Container`, or `any` for every object");
    info.target = store().error();
  }

  CheckPosition position;
  position.module = m;
  EnterPosition enter(*this, std::move(position));
  for (const ast::PolicySetting &setting : policy.settings)
    checkPolicySetting(info, setting);
  for (const ast::PolicyParam &param : policy.params) {
    PolicyParamInfo p{param.name.text, resolveType(m, param.type), param.defaultValue, param.span};
    if (param.defaultValue.valid())
      checkAgainst(param.defaultValue, Expected::of(p.type, module.type(param.type).span,
                                                    "expected because of this declared type"));
    else if (param.name.valid())
      report(DiagKind::PolicyParamNeedsDefault, param.name.span, param.name.text)
          .withHint("give a default that suits most projects: `param " + param.name.text.str() + ": " +
                   sourceText(module.type(param.type).span) + " = ...`");
    info.params.push_back(p);
  }

  // Checks see the target's fields (like a schema's checks), `self` and the parameters.
  pos_.schema = info.targetSchema;
  pos_.policy = true;
  LocalScope locals(*this);
  locals.add("self", info.target);
  for (const PolicyParamInfo &param : info.params)
    locals.add(param.name, param.type);
  for (const ast::PolicyCheck &check : policy.checks) {
    checkCondition(check.cond);
    if (check.message.valid()) {
      TypeId message = checkExpr(check.message, Expected::none());
      if (!rel_.isUnknown(message) && !rel_.isString(message))
        report(DiagKind::CheckMessageNotString, expr(check.message).span, show(message));
    }
    if (check.at.valid())
      checkExpr(check.at, Expected::none());
  }
  out_.policies.push_back(std::move(info));
}

} // namespace cairn::types
