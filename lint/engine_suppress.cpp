// Suppressions applied to the findings of a run (annotations of the object,
// `// cairn:ignore` comments next to Cairn objects), then the findings in
// report order: file, position, check.
#include <algorithm>

#include <llvm/ADT/DenseMap.h>

#include "lint/engine_state.h"
#include "lint/suppress.h"

namespace cairn::lint {
namespace {

using eval::Value;
using eval::ValueKind;

std::vector<AnnotationEntry> annotationsOf(const LintObject &object) {
  std::vector<AnnotationEntry> entries;
  Value annotations = fieldOf(fieldOf(object.value, "metadata"), "annotations");
  if (annotations.kind() != ValueKind::Object)
    return entries;
  for (const eval::ObjectField &field : annotations.asObject().fields)
    if (field.value.kind() == ValueKind::String)
      entries.push_back({field.name.str(), field.value.asString().str(), field.nameSpan});
  return entries;
}

} // namespace

void applySuppressions(LintState &state, const std::vector<uint32_t> &findingObjects) {
  LintResult &result = state.result;
  const SourceManager &sources = result.program.sources;
  llvm::DenseMap<uint32_t, std::vector<SourceDirective>> directives; // per Cairn file
  auto directivesOf = [&](FileId file) -> const std::vector<SourceDirective> & {
    auto it = directives.find(file.index);
    if (it == directives.end()) {
      it = directives.try_emplace(file.index, scanSourceDirectives(sources, file)).first;
      reportDirectiveProblems(it->second, result.policies, result.diags);
    }
    return it->second;
  };
  std::vector<std::vector<std::pair<std::string, Suppression>>> byObject(state.objects.size());
  std::vector<bool> annotationsRead(state.objects.size(), false);
  for (size_t i = 0; i < result.findings.size(); ++i) {
    Finding &finding = result.findings[i];
    uint32_t o = findingObjects[i];
    const LintObject &object = state.objects[o];
    if (!annotationsRead[o]) {
      std::vector<AnnotationEntry> annotations = annotationsOf(object);
      byObject[o] = annotationSuppressions(annotations);
      reportAnnotationProblems(annotations, result.policies, result.diags);
      annotationsRead[o] = true;
    }
    for (const auto &[check, suppression] : byObject[o])
      if (check == "*" || check == finding.check)
        finding.suppressions.push_back(suppression);
    if (!object.fromCairn)
      continue;
    // Comments next to the value, to where its field was set, or to the
    // object or the `emit` that output it.
    auto lineOf = [&](Span span, FileId file) {
      return span.valid() && span.file == file ? sources.lineCol(file, span.begin).line : 0u;
    };
    for (Span at : {finding.span, finding.setAt}) {
      if (!at.valid() || !finding.suppressions.empty())
        continue;
      uint32_t findingLine = lineOf(at, at.file);
      for (Span objectSpan : {object.span, object.emitSpan})
        for (const SourceDirective &d : directivesOf(at.file))
          if (finding.suppressions.empty() &&
              directiveCovers(d, finding.check, findingLine, lineOf(objectSpan, at.file)))
            finding.suppressions.push_back(directiveSuppression(d));
    }
    // The `emit` may be in another file than the value (a library builds it).
    if (finding.suppressions.empty() && object.emitSpan.valid() && object.emitSpan.file != finding.span.file)
      for (const SourceDirective &d : directivesOf(object.emitSpan.file))
        if (finding.suppressions.empty() &&
            directiveCovers(d, finding.check, 0, lineOf(object.emitSpan, object.emitSpan.file)))
          finding.suppressions.push_back(directiveSuppression(d));
  }
  std::vector<size_t> order(result.findings.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  auto fileOf = [&](const Finding &f) { return f.span.valid() ? f.span.file : f.file; };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Finding &x = result.findings[a], &y = result.findings[b];
    const std::string &px = sources.file(fileOf(x)).path(), &py = sources.file(fileOf(y)).path();
    if (px != py)
      return px < py;
    if (x.span.begin != y.span.begin)
      return x.span.begin < y.span.begin;
    return x.check < y.check;
  });
  std::vector<Finding> sorted;
  sorted.reserve(order.size());
  for (size_t i : order)
    sorted.push_back(std::move(result.findings[i]));
  result.findings = std::move(sorted);
}

} // namespace cairn::lint
