// Secret values in the evaluator: marking results computed from secrets, and
// the texts of messages that may quote them (eval/secret.h).
#include "eval/evaluator.h"
#include "eval/value_ops.h"

namespace cairn::eval {

Value Evaluator::taint(Value value) {
  secretsPossible_ = true;
  Value marked = markSecret(arena_, value);
  secretTexts_.addLeaves(marked);
  return marked;
}

std::string Evaluator::messageText(Value text, llvm::ArrayRef<Value> context) {
  if (text.kind() != ValueKind::String)
    return showValue(text); // shows the placeholder for a secret
  if (!text.isSecret())
    return text.asString().str();
  SecretTexts secrets = secretTexts_;
  for (Value v : context)
    secrets.addLeaves(v);
  return redactMessageText(text, secrets);
}

std::string Evaluator::scrubbed(const std::string &why, llvm::ArrayRef<Value> args) {
  if (!secretsPossible_ || !anyContainsSecret(args))
    return why;
  SecretTexts secrets = secretTexts_;
  for (Value v : args)
    secrets.addLeaves(v);
  bool replaced = false;
  return secrets.scrub(why, replaced);
}

} // namespace cairn::eval
