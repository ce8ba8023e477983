// One policy worker's job: every selected policy on every value of its type
// in one object, findings located at the value a check names (its source
// span and field path), and problems when a check cannot be evaluated.
#include <algorithm>

#include <fmt/format.h>

#include "eval/secret.h"
#include "lint/engine_state.h"
#include "lint/typed_walk.h"

namespace cairn::lint {
namespace {

using eval::Value;
using eval::ValueKind;

std::string objectLabel(const LintObject &object) {
  std::string label = object.kind.empty() ? "object" : object.kind;
  if (!object.name.empty())
    label += " " + (object.namespaceName.empty() ? object.name : object.namespaceName + "/" + object.name);
  return label;
}

// A message quotes manifest data: control bytes are escaped so that no
// report (text on a terminal, a CI log) can be driven or forged by them.
std::string printable(llvm::StringRef text) {
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (u < 0x20 || u == 0x7f)
      out += fmt::format("\\u{{{:x}}}", u);
    else
      out.push_back(c);
  }
  return out;
}

bool sameSpan(Span a, Span b) { return a.file == b.file && a.begin == b.begin && a.end == b.end; }

// The path of `needle` inside `value` (by its span), appended to `path`;
// `setAt` receives where the field (or map entry) holding it was set.
bool findPath(Value value, Value needle, std::string &path, Span &setAt) {
  if (sameSpan(value.span(), needle.span()) && value.kind() == needle.kind())
    return true;
  size_t length = path.size();
  if (value.kind() == ValueKind::Object) {
    for (const eval::ObjectField &field : value.asObject().fields) {
      appendKey(path, field.name);
      if (findPath(field.value, needle, path, setAt)) {
        if (!setAt.valid())
          setAt = field.nameSpan;
        return true;
      }
      path.resize(length);
    }
  } else if (value.kind() == ValueKind::List) {
    llvm::ArrayRef<Value> items = value.asList();
    for (size_t i = 0; i < items.size(); ++i) {
      path += "[" + std::to_string(i) + "]";
      if (findPath(items[i], needle, path, setAt))
        return true;
      path.resize(length);
    }
  }
  return false;
}

// A span users can act on (see LintState::sourceRoles).
bool userSpan(const LintState &state, Span span) {
  if (!span.valid())
    return false;
  auto role = state.sourceRoles.find(span.file.index);
  if (role == state.sourceRoles.end())
    return true; // a manifest file
  switch (role->second) {
  case SourceRole::Manifest:
  case SourceRole::Objects: return true;
  case SourceRole::Library: return false;
  case SourceRole::ObjectsAndPolicies: break;
  }
  for (Span policy : state.policySpans)
    if (policy.file == span.file && span.begin >= policy.begin && span.end <= policy.end)
      return false;
  return true;
}

void runOne(PolicyWorker &run, uint32_t objectIndex, uint32_t policy, Value target, const std::string &path) {
  const LintObject &object = run.state.objects[objectIndex];
  const types::PolicyInfo &info = run.state.checked->policies[policy];
  const PolicyDescriptor &descriptor = run.state.result.policies[policy];
  run.failures.clear();
  if (!run.evaluator.run(policy, target, run.plan.params[policy], run.failures)) {
    // A malformed object (a list where a mapping belongs) trips every policy
    // that reads the field: the first error says it, the rest would repeat it.
    std::vector<Diagnostic> errors = run.policyDiags.take();
    if (run.failedObject != objectIndex) {
      run.failedObject = objectIndex;
      std::string where = objectLabel(object) + (path.empty() ? "" : " at `" + path + "`");
      // The note names the value; an excerpt of a Secret's YAML would show it.
      bool secretInYaml = !object.fromCairn && eval::containsSecret(target);
      for (Diagnostic &d : errors) {
        d.note(fmt::format("while checking policy `{}` on {}", info.name.str(), where));
        d.note("errors of other policies on this object are not shown; fix the value first (`cairn validate` "
               "checks manifests against their types)");
        if (!secretInYaml)
          d.label(userSpan(run.state, target.span()) ? target.span() : object.span, "the value being checked");
        run.out.problems.push_back(std::move(d));
      }
    }
  }
  for (eval::CheckFailure &failure : run.failures) {
    Finding f;
    f.check = descriptor.name;
    f.level = descriptor.level;
    f.message = printable(failure.message);
    f.remediation = descriptor.remediation;
    f.tags = descriptor.tags;
    f.file = object.file;
    f.apiVersion = object.apiVersion;
    f.kind = object.kind;
    f.name = object.name;
    f.namespaceName = object.namespaceName;
    f.policySpan = failure.checkSpan;
    f.path = path;
    Value at = failure.at;
    if (!userSpan(run.state, at.span()))
      at = target;
    Span setAt;
    if (!sameSpan(at.span(), target.span()) && !findPath(target, at, f.path, setAt)) {
      // `at` names a value outside the target (a pod-level setting seen from
      // a container): its path from the object's root.
      std::string fromRoot;
      setAt = {};
      f.path = findPath(object.value, at, fromRoot, setAt) ? fromRoot : path;
    }
    f.span = userSpan(run.state, at.span()) ? at.span()
             : userSpan(run.state, target.span()) ? target.span()
                                                  : object.span;
    if (object.fromCairn && userSpan(run.state, setAt) && !sameSpan(setAt, f.span))
      f.setAt = setAt;
    // No excerpt of a Secret's data read from YAML, nor of what a policy
    // tagged `secrets` found (a literal that looks like a password).
    f.secretSource = (!object.fromCairn && eval::containsSecret(at)) ||
                     std::find(f.tags.begin(), f.tags.end(), "secrets") != f.tags.end();
    run.out.findings.push_back(std::move(f));
    run.out.findingObjects.push_back(objectIndex);
  }
}

} // namespace

void checkObject(PolicyWorker &run, uint32_t index) {
  const LintObject &object = run.state.objects[index];
  run.cursor.setCurrent(index, "");
  for (uint32_t policy : run.plan.onAny)
    runOne(run, index, policy, object.value, "");
  if (object.schema == types::kNone)
    return;
  std::string path;
  walkSchema(*run.state.checked, object.value, object.schema, path,
             [&](Value value, uint32_t schema, const std::string &at) {
               if (run.plan.bySchema[schema].empty())
                 return;
               run.cursor.setCurrent(index, at);
               for (uint32_t policy : run.plan.bySchema[schema])
                 runOne(run, index, policy, value, at);
             });
}


} // namespace cairn::lint
