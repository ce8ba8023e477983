// Suppressions: the ways users say "this finding is expected". An object's
// annotations (`cairn.dev/ignore`, kube-linter's `ignore-check.kube-linter.io/*`
// and `kube-linter.io/ignore-all`) and `// cairn:ignore` comments in Cairn
// source. This file finds them; the engine attaches them to findings.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <llvm/ADT/StringRef.h>

#include "frontend/diagnostic.h"
#include "frontend/source.h"
#include "lint/finding.h"

namespace cairn::lint {

// One `metadata.annotations` entry of an object; `span` is the entry (or its
// value) in the input, invalid when unknown.
struct AnnotationEntry {
  std::string key, value;
  Span span;
};

// Suppressions granted by an object's annotations:
//   cairn.dev/ignore: "check-a, check-b"  (or "*": every check), with
//   cairn.dev/ignore-reason: "why" as the justification (may be absent);
//   ignore-check.kube-linter.io/<check>: "why";
//   kube-linter.io/ignore-all: "why"      (every check).
// Returns (check name or "*", suppression) pairs, in annotation order.
std::vector<std::pair<std::string, Suppression>>
annotationSuppressions(const std::vector<AnnotationEntry> &annotations);

// The suppressions of `granted` (from annotationSuppressions) that cover `check`.
std::vector<Suppression> suppressionsFor(const std::vector<std::pair<std::string, Suppression>> &granted,
                                         llvm::StringRef check);

// A `// cairn:ignore check-a,check-b -- reason` comment of a Cairn source
// file. Checks are separated by commas and/or spaces; `*` means every check;
// the reason after ` -- ` is optional. Only `//` line comments are directives
// (not `///` doc comments, not block comments).
struct SourceDirective {
  uint32_t line = 0;               // 1-based line of the comment
  std::vector<std::string> checks; // may be empty for a malformed directive (see reportDirectiveProblems)
  std::string reason;
  Span span;                       // the whole comment
  std::vector<Span> checkSpans;    // one per entry of `checks`
};

// The directives of one Cairn source file, in source order (found with the
// real lexer through frontend/comments.h, so `//` inside strings is not a comment).
std::vector<SourceDirective> scanSourceDirectives(const SourceManager &sources, FileId file);

// Whether `d` covers `check` for a finding on line `findingLine` of an object
// whose literal (or `emit`) starts on line `objectLine`: the directive is on
// the finding's line or the line before it, or on the object's first line or
// the line before it. `objectLine` 0 means unknown.
bool directiveCovers(const SourceDirective &d, llvm::StringRef check, uint32_t findingLine, uint32_t objectLine);

// The suppression a directive grants (kind SourceComment, its reason and span).
Suppression directiveSuppression(const SourceDirective &d);

// Warnings about directives that cannot do anything: no check named (W0911),
// or a name that is not one of `policies` (W0910, with "did you mean").
void reportDirectiveProblems(const std::vector<SourceDirective> &directives,
                             const std::vector<PolicyDescriptor> &policies, DiagnosticSink &diags);

// W0910 for names in `cairn.dev/ignore` annotations that are not one of
// `policies`. kube-linter annotations are not checked: they may name
// kube-linter checks that Cairn does not have.
void reportAnnotationProblems(const std::vector<AnnotationEntry> &annotations,
                              const std::vector<PolicyDescriptor> &policies, DiagnosticSink &diags);

} // namespace cairn::lint
