// evaluateProgram: parameters, then the `emit`s of the entry modules in
// order (lists flattened), then the lets `cairn eval` asked for; all on a
// thread with a stack sized for the call-depth limit.
#include <algorithm>

#include "eval/evaluator.h"
#include "eval/stack_thread.h"
#include "eval/value_ops.h"

namespace cairn::eval {
namespace {

void flattenDocuments(Evaluator &ev, Value value, Span emitSpan, std::vector<Value> &documents,
                      std::vector<Span> &emits) {
  if (value.kind() == ValueKind::List) {
    for (Value item : value.asList())
      flattenDocuments(ev, item, emitSpan, documents, emits);
    return;
  }
  if (value.kind() == ValueKind::Object) {
    // A Kubernetes Secret's data is secret from here on (output writers and
    // the policies run on the output see the marks; the text is unchanged).
    documents.push_back(markSecretData(ev.arena(), value));
    emits.push_back(emitSpan);
    return;
  }
  Span span = value.span().valid() ? value.span() : emitSpan;
  if (Diagnostic *d = ev.report(DiagKind::OutputNotObject, span, describeValue(value)))
    if (span.begin != emitSpan.begin || span.end != emitSpan.end)
      d->label(emitSpan, "emitted here");
}

} // namespace

void Evaluator::collectDocuments(std::vector<Value> &documents, std::vector<Span> &emits) {
  for (uint32_t module : program_.entries) {
    const ast::Module &code = ast(module);
    for (ast::DeclId decl : code.decls()) {
      const auto *emit = code.decl(decl).as<ast::EmitDecl>();
      if (!emit)
        continue;
      if (fatal_)
        return;
      try {
        Value value = eval(emit->value, Scope{nullptr, nullptr, module});
        flattenDocuments(*this, value, code.decl(decl).span, documents, emits);
        if (documents.size() > options_.limits.maxDocuments) {
          documents.resize(options_.limits.maxDocuments);
          emits.resize(options_.limits.maxDocuments);
          fatal_ = true;
          if (Diagnostic *d = report(DiagKind::ValueTooLarge, code.decl(decl).span, "the number of emitted objects",
                                     fmt::format("{}", options_.limits.maxDocuments)))
            d->withHint("`--max-objects N` raises the limit");
          return;
        }
      } catch (EvalAbort &) {
        // Reported; the other emits are still evaluated for more diagnostics.
        abandoned_ = true;
      }
    }
  }
}

void Evaluator::collectLets(uint32_t module, std::vector<NamedValue> &lets) {
  const ast::Module &code = ast(module);
  for (ast::DeclId decl : code.decls()) {
    const auto *let = code.decl(decl).as<ast::LetDecl>();
    if (!let || fatal_)
      continue;
    try {
      lets.push_back(NamedValue{module, let->name.text, topLevelLet(module, decl, let->name.span)});
    } catch (EvalAbort &) {
      abandoned_ = true;
    }
  }
}

EvalResult evaluateProgram(const Program &program, const types::CheckedProgram &checked,
                           const EvalOptions &options, DiagnosticSink &diags) {
  EvalResult result;
  result.arena = std::make_unique<ValueArena>();
  size_t errorsBefore = diags.errorCount();
  bool abandoned = false;
  auto evaluate = [&] {
    Evaluator evaluator(program, checked, options, diags, *result.arena);
    evaluator.applyParams();
    evaluator.collectDocuments(result.documents, result.documentEmits);
    for (uint32_t module : options.collectLetsOf)
      if (module < program.modules.size())
        evaluator.collectLets(module, result.lets);
    abandoned = evaluator.abandonedAny();
  };
  // Room for the deepest recursion the call limit allows, with frames of a
  // sanitizer build; only the pages actually used are ever touched.
  constexpr uint64_t kStackPerCall = 32 * 1024;
  uint64_t stack = std::clamp<uint64_t>(uint64_t(options.limits.maxCallDepth) * kStackPerCall, 8ull << 20, 1ull << 30);
  runWithStack(static_cast<size_t>(stack), evaluate);
  result.ok = diags.errorCount() == errorsBefore && !abandoned;
  return result;
}

} // namespace cairn::eval
