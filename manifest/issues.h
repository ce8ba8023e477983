// Problems found in one manifest object, each with the field path it is
// about (`spec.template.spec.containers[0].image`), for every report format.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "frontend/diagnostic.h"

namespace cairn::manifest {

struct Issue {
  Diagnostic diagnostic;
  std::string path; // empty: the object as a whole
};

// Like a DiagnosticSink (same catalogue formatting), plus a path per entry.
class IssueSink {
public:
  template <typename... Args>
  Diagnostic &report(std::string path, DiagKind kind, Span span, const Args &...args) {
    DiagnosticSink formatter;
    formatter.report(kind, span, args...);
    return add(std::move(formatter.take().front()), std::move(path));
  }
  Diagnostic &add(Diagnostic diagnostic, std::string path = {}) {
    if (diagnostic.severity == Severity::Error)
      ++errors_;
    issues_.push_back({std::move(diagnostic), std::move(path)});
    return issues_.back().diagnostic;
  }
  void addAll(const DiagnosticSink &sink) {
    for (const Diagnostic &d : sink.diagnostics())
      add(d);
  }
  void append(IssueSink &&other) {
    for (Issue &issue : other.issues_)
      add(std::move(issue.diagnostic), std::move(issue.path));
    other.issues_.clear();
    other.errors_ = 0;
  }

  // In source order (stable), as people read a file.
  void sortByPosition() {
    std::stable_sort(issues_.begin(), issues_.end(), [](const Issue &a, const Issue &b) {
      return a.diagnostic.span.begin < b.diagnostic.span.begin;
    });
  }

  size_t errorCount() const { return errors_; }
  const std::vector<Issue> &issues() const { return issues_; }
  std::vector<Issue> take() {
    errors_ = 0;
    return std::move(issues_);
  }

private:
  std::vector<Issue> issues_;
  size_t errors_ = 0;
};

} // namespace cairn::manifest
