// Which checks run: the selection lists against the policies that exist.
#include <set>

#include <fmt/format.h>

#include "lint/config.h"

namespace cairn::lint {
namespace {

// Reports names of one list that no policy has, once each.
class UnknownNameReporter {
public:
  UnknownNameReporter(const std::vector<PolicyDescriptor> &policies, DiagnosticSink &diags) : diags_(diags) {
    for (const PolicyDescriptor &p : policies) {
      known_.insert(p.name);
      candidates_.push_back(p.name);
    }
  }

  // `fileKey` names the list in the project file (`lint.checks.exclude`),
  // `flag` the command-line flag that feeds it (`--exclude`).
  void check(const std::vector<std::string> &names, const std::map<std::string, Span> &spans,
             const std::string &fileKey, const std::string &flag) {
    std::set<std::string> seen;
    for (const std::string &name : names) {
      if (known_.count(name) || !seen.insert(name).second)
        continue;
      auto located = spans.find(name);
      Span span = located == spans.end() ? Span{} : located->second;
      Diagnostic &d = diags_.report(DiagKind::UnknownCheck, span, name);
      d.note(span.valid() ? fmt::format("named in `{}`", fileKey) : fmt::format("named by `{}`", flag));
      std::vector<llvm::StringRef> candidates(candidates_.begin(), candidates_.end());
      std::string suggestion = closestMatch(name, candidates);
      if (!suggestion.empty()) {
        d.withHint(fmt::format("did you mean `{}`?", suggestion));
        if (span.valid())
          d.fix("use `" + suggestion + "`", span, suggestion);
      } else {
        d.withHint("`cairn lint --list-checks` lists the checks");
      }
    }
  }

private:
  DiagnosticSink &diags_;
  std::set<std::string> known_;
  std::vector<std::string> candidates_;
};

bool contains(const std::vector<std::string> &names, const std::string &name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

std::vector<bool> selectChecks(const std::vector<PolicyDescriptor> &policies, const LintConfig &config,
                               DiagnosticSink &diags) {
  const CheckSelection &s = config.checks;
  UnknownNameReporter reporter(policies, diags);
  reporter.check(s.only, s.onlySpans, "lint.checks.only", "--only");
  reporter.check(s.include, s.includeSpans, "lint.checks.include", "--include");
  reporter.check(s.exclude, s.excludeSpans, "lint.checks.exclude", "--exclude");
  std::vector<std::string> paramChecks;
  for (const auto &entry : config.params)
    paramChecks.push_back(entry.first);
  reporter.check(paramChecks, config.paramCheckSpans, "lint.params", "--check-param");

  std::vector<bool> run;
  run.reserve(policies.size());
  for (const PolicyDescriptor &p : policies) {
    bool selected = s.only.empty() ? s.all || p.enabledByDefault || contains(s.include, p.name)
                                   : contains(s.only, p.name);
    run.push_back(selected && !contains(s.exclude, p.name));
  }
  return run;
}

} // namespace cairn::lint
