// The policies of a lint run: their descriptions (settings evaluated once),
// which run, their parameters; then the objects checked by one worker per
// core (policy_checks.cpp), and the findings joined in object order.
#include <algorithm>

#include <fmt/format.h>

#include <set>
#include <thread>

#include "eval/secret.h"
#include "eval/stack_thread.h"
#include "lint/engine_state.h"

namespace cairn::lint {
namespace {

using eval::Value;
using eval::ValueKind;

// The settings and parameters are evaluated by one evaluator before the workers start.
struct PolicySetup {
  LintState &state;
  eval::PolicyEvaluator &evaluator;
  DiagnosticSink &policyDiags;
  PolicyPlan &plan;
};

llvm::StringRef stringSetting(std::optional<Value> v) {
  return v && v->kind() == ValueKind::String ? v->asString() : llvm::StringRef();
}

// Doc comments are hard-wrapped: lines join with spaces, paragraphs stay.
std::string unwrap(llvm::StringRef doc) {
  std::string out;
  llvm::SmallVector<llvm::StringRef, 8> lines;
  doc.split(lines, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    llvm::StringRef line = lines[i].trim();
    if (line.empty()) {
      if (!out.empty() && out.back() != '\n')
        out += "\n\n";
      continue;
    }
    if (!out.empty() && out.back() != '\n')
      out += ' ';
    out += line.str();
  }
  return out;
}

// Up to the first `.`, `!` or `?` followed by a space and a capital letter.
std::string firstSentence(const std::string &text) {
  for (size_t i = 0; i + 2 < text.size(); ++i)
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && (text[i + 1] == ' ' || text[i + 1] == '\n') &&
        text[i + 2] >= 'A' && text[i + 2] <= 'Z')
      return text.substr(0, i + 1);
  return text.substr(0, text.find('\n'));
}

void describePolicies(LintState &state, eval::PolicyEvaluator &evaluator) {
  const types::CheckedProgram &checked = *state.checked;
  const Program &program = state.result.program;
  for (const types::PolicyInfo &info : checked.policies) {
    PolicyDescriptor d;
    d.name = info.name.str();
    d.description = unwrap(info.doc);
    d.summary = firstSentence(d.description);
    for (const types::PolicyParamInfo &param : info.params)
      d.params.push_back(program.sources.text(param.span).str());
    d.span = info.nameSpan;
    d.module = program.modules[info.module].displayPath;
    const auto &decl = *program.modules[info.module].ast.decl(info.decl).as<ast::PolicyDecl>();
    d.target = program.sources.text(program.modules[info.module].ast.type(decl.target).span).str();
    if (info.level.valid())
      parseLevel(stringSetting(evaluator.evalTopLevel(info.module, info.level)).str(), d.level);
    if (info.remediation.valid())
      d.remediation = stringSetting(evaluator.evalTopLevel(info.module, info.remediation)).str();
    if (info.tags.valid())
      if (std::optional<Value> tags = evaluator.evalTopLevel(info.module, info.tags); tags && tags->kind() == ValueKind::List)
        for (Value tag : tags->asList())
          if (tag.kind() == ValueKind::String)
            d.tags.push_back(tag.asString().str());
    if (info.enabled.valid())
      if (std::optional<Value> on = evaluator.evalTopLevel(info.module, info.enabled); on && on->kind() == ValueKind::Bool)
        d.enabledByDefault = on->asBool();
    state.result.policies.push_back(std::move(d));
  }
}

// The value of each parameter of each selected policy: the configuration's,
// else the default. False after a configuration error.
bool resolveParams(PolicySetup &run) {
  const types::CheckedProgram &checked = *run.state.checked;
  const LintConfig &config = run.state.request.config;
  LintResult &result = run.state.result;
  bool ok = true;
  run.plan.params.resize(checked.policies.size());
  for (uint32_t p = 0; p < checked.policies.size(); ++p) {
    const types::PolicyInfo &info = checked.policies[p];
    auto given = config.params.find(info.name.str());
    if (given != config.params.end())
      for (const auto &entry : given->second) {
        const std::string &name = entry.first;
        bool known = std::any_of(info.params.begin(), info.params.end(),
                                 [&](const types::PolicyParamInfo &param) { return param.name == name; });
        if (known)
          continue;
        Span span = config.paramSpans.count(info.name.str()) ? config.paramSpans.at(info.name.str()).at(name) : Span{};
        Diagnostic &d = result.diags.report(DiagKind::UnknownParam, span, info.name.str() + "." + name);
        std::vector<llvm::StringRef> names;
        for (const types::PolicyParamInfo &param : info.params)
          names.push_back(param.name);
        if (names.empty())
          d.note(fmt::format("check `{}` has no parameters", info.name.str()));
        else
          d.note(fmt::format("the parameters of `{}` are: {}", info.name.str(), fmt::join(names, ", ")));
        ok = false;
      }
    if (!result.selected[p])
      continue;
    for (const types::PolicyParamInfo &param : info.params) {
      std::optional<Value> value;
      if (given != config.params.end() && given->second.count(param.name.str())) {
        Span span = config.paramSpans.count(info.name.str()) &&
                            config.paramSpans.at(info.name.str()).count(param.name.str())
                        ? config.paramSpans.at(info.name.str()).at(param.name.str())
                        : Span{};
        value = run.evaluator.paramFromJson(given->second.at(param.name.str()), param.type, span,
                                            info.name.str() + "." + param.name.str());
      } else if (param.defaultValue.valid()) {
        value = run.evaluator.evalTopLevel(info.module, param.defaultValue);
      }
      if (!value && given != config.params.end() && given->second.count(param.name.str()))
        for (Diagnostic &d : run.policyDiags.take())
          result.diags.add(std::move(d)).withHint(
              "a structured value is written as JSON: --check-param " + info.name.str() + "." +
              param.name.str() + "='[\"a\", \"b\"]'");
      if (!value) {
        ok = false;
        value = Value::null(param.span);
      }
      run.plan.params[p].push_back(*value);
    }
  }
  for (Diagnostic &d : run.policyDiags.take())
    result.diags.add(std::move(d));
  return ok;
}

// The schema index of `name` in the standard library's k8s/core/v1 module.
uint32_t coreSchema(const LintState &state, llvm::StringRef name) {
  const Program &program = state.result.program;
  for (uint32_t m = 0; m < program.modules.size(); ++m) {
    const ProgramModule &module = program.modules[m];
    if (!module.isStdlib || !llvm::StringRef(module.canonicalPath).endswith("/k8s/core/v1.cairn"))
      continue;
    for (ast::DeclId decl : module.ast.decls())
      if (const auto *schema = module.ast.decl(decl).as<ast::SchemaDecl>(); schema && schema->name.text == name)
        return state.checked->modules[m].declSchemas[decl.index];
  }
  return types::kNone;
}

void indexPolicies(const LintState &state, PolicyPlan &plan) {
  const types::CheckedProgram &checked = *state.checked;
  plan.bySchema.resize(checked.schemas.size());
  for (uint32_t p = 0; p < checked.policies.size(); ++p) {
    if (!state.result.selected[p])
      continue;
    uint32_t schema = checked.policies[p].targetSchema;
    if (schema == types::kNone)
      plan.onAny.push_back(p);
    else
      plan.bySchema[schema].push_back(p);
  }
  // Ephemeral containers have the fields of containers: container policies see them.
  uint32_t container = coreSchema(state, "Container");
  uint32_t ephemeral = coreSchema(state, "EphemeralContainer");
  if (container != types::kNone && ephemeral != types::kNone)
    for (uint32_t p : plan.bySchema[container])
      plan.bySchema[ephemeral].push_back(p);
}

// The objects of [begin, end) checked by one worker with its own evaluator,
// arena and cursor; the checked program, the objects and the plan are shared
// and only read.
void checkRange(LintState &state, const ObjectIndex &index, const PolicyPlan &plan, const eval::EvalOptions &base,
                uint32_t begin, uint32_t end, WorkerOutput &out) {
  eval::ValueArena arena;
  LintCursor cursor(index);
  eval::EvalOptions options = base;
  options.lint = &cursor;
  DiagnosticSink policyDiags;
  eval::PolicyEvaluator evaluator(state.result.program, *state.checked, options, policyDiags, arena);
  PolicyWorker worker{state, plan, evaluator, cursor, policyDiags, out, {}, UINT32_MAX};
  for (uint32_t i = begin; i < end; ++i)
    checkObject(worker, i);
}

// The same policy error met by two workers is one problem, as in one evaluator.
void addProblems(std::vector<Diagnostic> &problems, DiagnosticSink &diags) {
  std::set<std::string> seen;
  for (Diagnostic &d : problems) {
    std::string key = fmt::format("{}:{}:{}:{}", d.code(), d.span.file.index, d.span.begin, d.message);
    if (seen.insert(key).second)
      diags.add(std::move(d));
  }
}

} // namespace

void runPolicies(LintState &state) {
  LintResult &result = state.result;
  ObjectIndex index(state.objects, *state.arena);
  LintCursor setupCursor(index);
  eval::EvalOptions options;
  options.limits = state.request.limits;
  options.lint = &setupCursor;
  // Secrets in the objects (a Secret's data, values from a secret param):
  // the evaluators then track what the policies compute from them.
  options.secretInputs = std::any_of(state.objects.begin(), state.objects.end(),
                                     [](const LintObject &o) { return eval::containsSecret(o.value); });
  constexpr uint64_t kStackPerCall = 32 * 1024;
  uint64_t stack = std::clamp<uint64_t>(uint64_t(options.limits.maxCallDepth) * kStackPerCall, 8ull << 20, 1ull << 30);
  PolicyPlan plan;
  bool configOk = true;
  eval::runWithStack(static_cast<size_t>(stack), [&] {
    DiagnosticSink policyDiags;
    eval::PolicyEvaluator evaluator(result.program, *state.checked, options, policyDiags, *state.arena);
    describePolicies(state, evaluator);
    DiagnosticSink selection;
    result.selected = selectChecks(result.policies, state.request.config, selection);
    configOk = !selection.hasErrors();
    for (Diagnostic &d : selection.take())
      result.diags.add(std::move(d));
    PolicySetup setup{state, evaluator, policyDiags, plan};
    configOk = resolveParams(setup) && configOk;
  });
  if (!configOk) {
    result.stop = LintResult::Stop::Config;
    return;
  }
  indexPolicies(state, plan);

  // Objects are independent: each core takes a contiguous range, and the
  // ranges' results joined in order are what one thread would produce.
  constexpr uint32_t kObjectsPerWorker = 256;
  uint32_t count = static_cast<uint32_t>(state.objects.size());
  uint32_t workers = std::min<uint32_t>({std::max(1u, std::thread::hardware_concurrency()), 8,
                                         std::max<uint32_t>(1, (count + kObjectsPerWorker - 1) / kObjectsPerWorker)});
  std::vector<WorkerOutput> outputs(workers);
  std::vector<std::exception_ptr> errors(workers);
  uint32_t chunk = (count + workers - 1) / workers;
  auto work = [&](uint32_t w) {
    try {
      eval::runWithStack(static_cast<size_t>(stack), [&] {
        checkRange(state, index, plan, options, std::min(w * chunk, count), std::min((w + 1) * chunk, count),
                   outputs[w]);
      });
    } catch (...) {
      errors[w] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (uint32_t w = 1; w < workers; ++w)
    threads.emplace_back(work, w);
  work(0);
  for (std::thread &thread : threads)
    thread.join();
  for (std::exception_ptr &error : errors)
    if (error)
      std::rethrow_exception(error);

  std::vector<uint32_t> findingObjects;
  std::vector<Diagnostic> problems;
  for (WorkerOutput &out : outputs) {
    for (Finding &f : out.findings)
      result.findings.push_back(std::move(f));
    findingObjects.insert(findingObjects.end(), out.findingObjects.begin(), out.findingObjects.end());
    for (Diagnostic &d : out.problems)
      problems.push_back(std::move(d));
  }
  addProblems(problems, result.diags);
  applySuppressions(state, findingObjects);
}

} // namespace cairn::lint
