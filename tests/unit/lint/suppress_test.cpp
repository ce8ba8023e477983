// Suppressions from annotations and from `// cairn:ignore` comments.
#include <gtest/gtest.h>

#include "frontend/diag_render.h"
#include "lint/suppress.h"

namespace cairn::lint {
namespace {

using Granted = std::vector<std::pair<std::string, Suppression>>;

std::vector<std::string> names(const Granted &granted) {
  std::vector<std::string> out;
  for (const auto &entry : granted)
    out.push_back(entry.first);
  return out;
}

TEST(AnnotationSuppressions, CairnIgnoreListsChecksWithOneReason) {
  Granted g = annotationSuppressions({{"app.kubernetes.io/name", "web", {}},
                                      {"cairn.dev/ignore", " latest-tag, host-pid ,", {}},
                                      {"cairn.dev/ignore-reason", " pinned by the deploy tool ", {}}});
  EXPECT_EQ(names(g), (std::vector<std::string>{"latest-tag", "host-pid"}));
  for (const auto &[name, s] : g) {
    EXPECT_EQ(s.kind, Suppression::Kind::Annotation);
    EXPECT_EQ(s.justification, "pinned by the deploy tool");
  }
}

TEST(AnnotationSuppressions, StarAndMissingReason) {
  Granted g = annotationSuppressions({{"cairn.dev/ignore", "*", {}}});
  ASSERT_EQ(names(g), (std::vector<std::string>{"*"}));
  EXPECT_EQ(g[0].second.justification, "");
  EXPECT_EQ(suppressionsFor(g, "anything").size(), 1u);
}

TEST(AnnotationSuppressions, KubeLinterAnnotationsKeepWorking) {
  SourceManager sources;
  FileId file = sources.add("a.yaml", "x");
  Granted g = annotationSuppressions({{"ignore-check.kube-linter.io/run-as-non-root", "runs as root by design", {file, 0, 1}},
                                      {"ignore-check.kube-linter.io/", "no check named", {}},
                                      {"kube-linter.io/ignore-all", "legacy", {}}});
  ASSERT_EQ(names(g), (std::vector<std::string>{"run-as-non-root", "*"}));
  EXPECT_EQ(g[0].second.kind, Suppression::Kind::KubeLinterAnnotation);
  EXPECT_EQ(g[0].second.justification, "runs as root by design");
  EXPECT_TRUE(g[0].second.span.valid());
  EXPECT_EQ(g[1].second.justification, "legacy");
}

TEST(AnnotationSuppressions, SuppressionsForPicksMatchingNamesAndStar) {
  Granted g = annotationSuppressions({{"cairn.dev/ignore", "latest-tag", {}},
                                      {"ignore-check.kube-linter.io/host-pid", "r", {}}});
  EXPECT_EQ(suppressionsFor(g, "latest-tag").size(), 1u);
  EXPECT_EQ(suppressionsFor(g, "host-pid").size(), 1u);
  EXPECT_TRUE(suppressionsFor(g, "host-ipc").empty());
  EXPECT_TRUE(annotationSuppressions({{"cairn.dev/ignore", "", {}}}).empty());
}

class DirectiveTest : public ::testing::Test {
protected:
  std::vector<SourceDirective> scan(const std::string &text) {
    file_ = sources_.add("app.cairn", text);
    return scanSourceDirectives(sources_, file_);
  }
  SourceManager sources_;
  FileId file_;
};

TEST_F(DirectiveTest, ParsesChecksAndReason) {
  std::vector<SourceDirective> d = scan("import \"k8s/core/v1\" as core\n"
                                        "// cairn:ignore latest-tag,host-pid -- the image is pinned elsewhere\n"
                                        "emit core.Pod {}\n"
                                        "let x = 1 //cairn:ignore  ssh-port  run-as-non-root\n");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].line, 2u);
  EXPECT_EQ(d[0].checks, (std::vector<std::string>{"latest-tag", "host-pid"}));
  EXPECT_EQ(d[0].reason, "the image is pinned elsewhere");
  EXPECT_EQ(sources_.text(d[0].span), "// cairn:ignore latest-tag,host-pid -- the image is pinned elsewhere");
  ASSERT_EQ(d[0].checkSpans.size(), 2u);
  EXPECT_EQ(sources_.text(d[0].checkSpans[1]), "host-pid");
  EXPECT_EQ(d[1].line, 4u);
  EXPECT_EQ(d[1].checks, (std::vector<std::string>{"ssh-port", "run-as-non-root"}));
  EXPECT_EQ(d[1].reason, "");
  Suppression s = directiveSuppression(d[0]);
  EXPECT_EQ(s.kind, Suppression::Kind::SourceComment);
  EXPECT_EQ(s.justification, "the image is pinned elsewhere");
}

TEST_F(DirectiveTest, OnlyRealLineCommentsAreDirectives) {
  std::vector<SourceDirective> d = scan("let url = \"// cairn:ignore latest-tag\"\n"
                                        "/// cairn:ignore latest-tag\n"
                                        "/* cairn:ignore latest-tag */\n"
                                        "// cairn:ignored latest-tag\n"
                                        "// see cairn:ignore latest-tag\n"
                                        "// cairn:ignore *\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 6u);
  EXPECT_EQ(d[0].checks, (std::vector<std::string>{"*"}));
}

TEST_F(DirectiveTest, DashesInNamesAreNotTheReasonSeparator) {
  std::vector<SourceDirective> d = scan("// cairn:ignore no-read-only-root-fs --   writes /tmp -- on purpose\n"
                                        "// cairn:ignore -- only a reason\n");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].checks, (std::vector<std::string>{"no-read-only-root-fs"}));
  EXPECT_EQ(d[0].reason, "writes /tmp -- on purpose");
  EXPECT_TRUE(d[1].checks.empty());
  EXPECT_EQ(d[1].reason, "only a reason");
}

TEST(DirectiveCovers, SameLineLineBeforeAndObjectStart) {
  SourceDirective d;
  d.line = 10;
  d.checks = {"latest-tag"};
  EXPECT_TRUE(directiveCovers(d, "latest-tag", 10, 3));  // trailing comment on the finding's line
  EXPECT_TRUE(directiveCovers(d, "latest-tag", 11, 3));  // the line before the finding
  EXPECT_FALSE(directiveCovers(d, "latest-tag", 12, 3)); // two lines above: too far
  EXPECT_FALSE(directiveCovers(d, "latest-tag", 9, 3));  // below the finding
  EXPECT_TRUE(directiveCovers(d, "latest-tag", 40, 11)); // the line before the object
  EXPECT_TRUE(directiveCovers(d, "latest-tag", 40, 10)); // on the object's first line
  EXPECT_FALSE(directiveCovers(d, "latest-tag", 40, 0)); // object line unknown
  EXPECT_FALSE(directiveCovers(d, "host-pid", 11, 3));   // another check
  d.checks = {"host-pid", "*"};
  EXPECT_TRUE(directiveCovers(d, "host-pid", 11, 3));
  EXPECT_TRUE(directiveCovers(d, "anything", 11, 3));
}

std::vector<PolicyDescriptor> knownPolicies() {
  PolicyDescriptor a, b;
  a.name = "latest-tag";
  b.name = "host-pid";
  return {a, b};
}

TEST_F(DirectiveTest, ProblemsAreWarnings) {
  std::vector<SourceDirective> d = scan("// cairn:ignore latset-tag, *, host-pid, zzz -- r\n"
                                        "// cairn:ignore\n");
  DiagnosticSink diags;
  reportDirectiveProblems(d, knownPolicies(), diags);
  EXPECT_FALSE(diags.hasErrors());
  EXPECT_EQ(renderDiagnostics(diags.diagnostics(), sources_, DiagRenderFormat::Compact),
            "app.cairn:1:17: warning[W0910]: `latset-tag` in this suppression is not a known check\n"
            "  hint: did you mean `latest-tag`?\n"
            "app.cairn:1:42: warning[W0910]: `zzz` in this suppression is not a known check\n"
            "  hint: `cairn lint --list-checks` lists the checks\n"
            "app.cairn:2:1: warning[W0911]: this `cairn:ignore` comment names no check\n"
            "  hint: name the checks to ignore: `// cairn:ignore latest-tag -- reason` (`*` ignores every check)\n");
  ASSERT_EQ(diags.diagnostics()[0].fixes.size(), 1u);
  EXPECT_EQ(sources_.text(diags.diagnostics()[0].fixes[0].edits[0].span), "latset-tag");
}

TEST(AnnotationProblems, UnknownCairnNamesWarnKubeLinterNamesDoNot) {
  SourceManager sources;
  FileId file = sources.add("a.yaml", "cairn.dev/ignore: host-pdi\n");
  DiagnosticSink diags;
  reportAnnotationProblems({{"cairn.dev/ignore", "host-pdi, latest-tag", Span{file, 0, 26}},
                            {"ignore-check.kube-linter.io/kube-only-check", "r", {}}},
                           knownPolicies(), diags);
  EXPECT_EQ(renderDiagnostics(diags.diagnostics(), sources, DiagRenderFormat::Compact),
            "a.yaml:1:1: warning[W0910]: `host-pdi` in this suppression is not a known check\n"
            "  hint: did you mean `host-pid`?\n");
  EXPECT_TRUE(diags.diagnostics()[0].fixes.empty()); // the span is the whole entry, not the name
}

} // namespace
} // namespace cairn::lint
