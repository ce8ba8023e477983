#include "lint/suppress.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "frontend/comments.h"

namespace cairn::lint {
namespace {

constexpr llvm::StringLiteral kIgnoreKey = "cairn.dev/ignore";
constexpr llvm::StringLiteral kIgnoreReasonKey = "cairn.dev/ignore-reason";
constexpr llvm::StringLiteral kKubeLinterPrefix = "ignore-check.kube-linter.io/";
constexpr llvm::StringLiteral kKubeLinterAll = "kube-linter.io/ignore-all";
constexpr llvm::StringLiteral kDirective = "cairn:ignore";

bool isSpace(char c) { return c == ' ' || c == '\t'; }

// Items of a list separated by commas and/or blanks, with their offsets in `text`.
std::vector<std::pair<llvm::StringRef, size_t>> splitNames(llvm::StringRef text) {
  std::vector<std::pair<llvm::StringRef, size_t>> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (isSpace(text[i]) || text[i] == ','))
      ++i;
    size_t start = i;
    while (i < text.size() && !isSpace(text[i]) && text[i] != ',')
      ++i;
    if (i > start)
      out.emplace_back(text.substr(start, i - start), start);
  }
  return out;
}

// The offset of the ` -- ` that starts the reason in `rest` (the text after
// `cairn:ignore`), or npos. `--` must follow a blank: check names may hold `-`.
size_t reasonSeparator(llvm::StringRef rest) {
  for (size_t i = rest.find("--"); i != llvm::StringRef::npos; i = rest.find("--", i + 1)) {
    bool blankBefore = i == 0 || isSpace(rest[i - 1]);
    bool blankAfter = i + 2 == rest.size() || isSpace(rest[i + 2]);
    if (blankBefore && blankAfter)
      return i;
  }
  return llvm::StringRef::npos;
}

// A directive from one comment, or nullopt when the comment is not one.
std::optional<SourceDirective> parseDirective(const SourceManager &sources, Span comment) {
  llvm::StringRef text = sources.text(comment);
  if (!text.startswith("//") || text.startswith("///"))
    return std::nullopt;
  size_t at = 2;
  while (at < text.size() && isSpace(text[at]))
    ++at;
  if (!text.substr(at).startswith(kDirective))
    return std::nullopt;
  at += kDirective.size();
  if (at < text.size() && !isSpace(text[at]))
    return std::nullopt; // `cairn:ignored`, `cairn:ignore-all`: not this directive
  SourceDirective d;
  d.span = comment;
  d.line = sources.lineCol(comment.file, comment.begin).line;
  llvm::StringRef rest = text.substr(at);
  size_t separator = reasonSeparator(rest);
  llvm::StringRef names = separator == llvm::StringRef::npos ? rest : rest.substr(0, separator);
  if (separator != llvm::StringRef::npos)
    d.reason = rest.substr(separator + 2).trim().str();
  for (auto [name, offset] : splitNames(names)) {
    d.checks.push_back(name.str());
    uint32_t begin = comment.begin + static_cast<uint32_t>(at + offset);
    d.checkSpans.push_back(Span{comment.file, begin, begin + static_cast<uint32_t>(name.size())});
  }
  return d;
}

std::vector<llvm::StringRef> policyNames(const std::vector<PolicyDescriptor> &policies) {
  std::vector<llvm::StringRef> names;
  for (const PolicyDescriptor &p : policies)
    names.push_back(p.name);
  return names;
}

// `spanIsName`: `span` covers exactly the name, so a fix can replace it.
void reportUnknownName(llvm::StringRef name, Span span, bool spanIsName, const std::vector<llvm::StringRef> &known,
                       DiagnosticSink &diags) {
  if (name == "*" || std::find(known.begin(), known.end(), name) != known.end())
    return;
  Diagnostic &d = diags.report(DiagKind::UnknownSuppressedCheck, span, name.str());
  std::string suggestion = closestMatch(name, known);
  if (!suggestion.empty()) {
    d.withHint(fmt::format("did you mean `{}`?", suggestion));
    if (spanIsName)
      d.fix("use `" + suggestion + "`", span, suggestion);
  } else {
    d.withHint("`cairn lint --list-checks` lists the checks");
  }
}

} // namespace

std::vector<std::pair<std::string, Suppression>>
annotationSuppressions(const std::vector<AnnotationEntry> &annotations) {
  std::string reason;
  for (const AnnotationEntry &a : annotations)
    if (a.key == kIgnoreReasonKey)
      reason = llvm::StringRef(a.value).trim().str();
  std::vector<std::pair<std::string, Suppression>> out;
  for (const AnnotationEntry &a : annotations) {
    llvm::StringRef key(a.key);
    if (key == kIgnoreKey) {
      for (auto [name, offset] : splitNames(a.value))
        out.emplace_back(name.str(), Suppression{Suppression::Kind::Annotation, reason, a.span});
    } else if (key.startswith(kKubeLinterPrefix) && key.size() > kKubeLinterPrefix.size()) {
      out.emplace_back(key.substr(kKubeLinterPrefix.size()).str(),
                       Suppression{Suppression::Kind::KubeLinterAnnotation,
                                   llvm::StringRef(a.value).trim().str(), a.span});
    } else if (key == kKubeLinterAll) {
      out.emplace_back("*", Suppression{Suppression::Kind::KubeLinterAnnotation,
                                        llvm::StringRef(a.value).trim().str(), a.span});
    }
  }
  return out;
}

std::vector<Suppression> suppressionsFor(const std::vector<std::pair<std::string, Suppression>> &granted,
                                         llvm::StringRef check) {
  std::vector<Suppression> out;
  for (const auto &[name, suppression] : granted)
    if (name == "*" || name == check)
      out.push_back(suppression);
  return out;
}

std::vector<SourceDirective> scanSourceDirectives(const SourceManager &sources, FileId file) {
  std::vector<SourceDirective> out;
  // A cheap test first: most files have no directive at all.
  if (sources.file(file).text().find(kDirective) == llvm::StringRef::npos)
    return out;
  for (Span comment : commentSpans(sources, file))
    if (std::optional<SourceDirective> d = parseDirective(sources, comment))
      out.push_back(std::move(*d));
  return out;
}

bool directiveCovers(const SourceDirective &d, llvm::StringRef check, uint32_t findingLine, uint32_t objectLine) {
  bool named = std::any_of(d.checks.begin(), d.checks.end(),
                           [&](const std::string &name) { return name == "*" || name == check; });
  if (!named)
    return false;
  auto near = [&](uint32_t line) { return line != 0 && (line == d.line || line == d.line + 1); };
  return near(findingLine) || near(objectLine);
}

Suppression directiveSuppression(const SourceDirective &d) {
  return Suppression{Suppression::Kind::SourceComment, d.reason, d.span};
}

void reportDirectiveProblems(const std::vector<SourceDirective> &directives,
                             const std::vector<PolicyDescriptor> &policies, DiagnosticSink &diags) {
  std::vector<llvm::StringRef> known = policyNames(policies);
  for (const SourceDirective &d : directives) {
    if (d.checks.empty()) {
      diags.report(DiagKind::EmptyIgnoreDirective, d.span)
          .withHint("name the checks to ignore: `// cairn:ignore latest-tag -- reason` (`*` ignores every check)");
      continue;
    }
    for (size_t i = 0; i < d.checks.size(); ++i)
      reportUnknownName(d.checks[i], i < d.checkSpans.size() ? d.checkSpans[i] : d.span, i < d.checkSpans.size(),
                        known, diags);
  }
}

void reportAnnotationProblems(const std::vector<AnnotationEntry> &annotations,
                              const std::vector<PolicyDescriptor> &policies, DiagnosticSink &diags) {
  std::vector<llvm::StringRef> known = policyNames(policies);
  for (const AnnotationEntry &a : annotations)
    if (a.key == kIgnoreKey)
      for (auto [name, offset] : splitNames(a.value))
        reportUnknownName(name, a.span, false, known, diags);
}

} // namespace cairn::lint
