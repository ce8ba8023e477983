// The text report: compiler-style findings and the summary line.
#include "report_fixture.h"

namespace cairn::lint {
namespace {

using testing::ReportFixture;

TEST_F(ReportFixture, TextShowsCountedFindingsLikeCompilerDiagnostics) {
  EXPECT_EQ(renderReport(ReportFormat::Text, findings(), context()),
            "error[privileged-container]: container \"api\" runs privileged\n"
            " --> app.cairn:5:84\n"
            "  |\n"
            "5 |   spec = { containers = [{ name = \"api\", image = \"api:latest\", securityContext = { privileged "
            "= true } }] }\n"
            "  |                                                                                    "
            "^^^^^^^^^^^^^^^^^\n"
            "  |\n"
            "  = object: Pod api\n"
            "  = path: spec.containers[0].securityContext.privileged\n"
            "  = help: Set securityContext.privileged to false.\n"
            "\n"
            "warning[latest-tag]: image `nginx` has no tag or uses `latest`\n"
            "  --> deploy/web.yaml:13:18\n"
            "   |\n"
            "13 |           image: nginx\n"
            "   |                  ^^^^^\n"
            "   |\n"
            "   = object: Deployment prod/web\n"
            "   = path: spec.template.spec.containers[0].image\n"
            "   = help: Pin the image to a version tag or a digest.\n"
            "\n"
            // no span: the file only; no remediation: no help line
            "info[pdb-unhealthy-pod-eviction-policy]: no PodDisruptionBudget policy set\n"
            " --> deploy/web.yaml\n"
            "  = object: Deployment prod/web\n"
            "\n"
            // the suppressed run-as-non-root finding is not printed, only counted
            "3 findings (1 error, 1 warning, 1 info) in 12 objects from 2 files; 1 suppressed\n");
}

// A finding at a secret (a Secret's data in YAML, a literal that looks like a
// password) names its place, and shows no excerpt of the line.
TEST_F(ReportFixture, TextShowsNoExcerptOfASecret) {
  Finding f = findings()[1];
  f.secretSource = true;
  EXPECT_EQ(renderTextReport({f}, context()),
            "warning[latest-tag]: image `nginx` has no tag or uses `latest`\n"
            " --> deploy/web.yaml:13:18\n"
            "  = object: Deployment prod/web\n"
            "  = path: spec.template.spec.containers[0].image\n"
            "  = help: Pin the image to a version tag or a digest.\n"
            "\n"
            "1 finding (1 warning) in 12 objects from 2 files\n");
}

TEST_F(ReportFixture, TextWithoutFindings) {
  ReportContext c = context();
  c.objects = 1;
  c.files = 1;
  EXPECT_EQ(renderReport(ReportFormat::Text, {}, c), "no findings in 1 object from 1 file\n");
  std::vector<Finding> suppressedOnly = {findings()[2]};
  EXPECT_EQ(renderReport(ReportFormat::Text, suppressedOnly, c), "no findings in 1 object from 1 file; 1 suppressed\n");
}

TEST_F(ReportFixture, TextObjectWithoutNamespaceOrName) {
  Finding f = findings()[3];
  f.namespaceName.clear();
  f.message = "m";
  EXPECT_NE(renderTextReport({f}, context()).find("  = object: Deployment web\n"), std::string::npos);
  f.name.clear();
  EXPECT_NE(renderTextReport({f}, context()).find("  = object: Deployment\n"), std::string::npos);
  f.kind.clear();
  EXPECT_EQ(renderTextReport({f}, context()).find("object:"), std::string::npos);
}

TEST_F(ReportFixture, TextColoursLikeTheCompiler) {
  ReportContext c = context();
  c.color = true;
  std::string text = renderTextReport(findings(), c);
  EXPECT_NE(text.find("\x1b[1;31merror[privileged-container]\x1b[0m: \x1b[1mcontainer \"api\" runs privileged\x1b[0m\n"),
            std::string::npos);
  EXPECT_NE(text.find("\x1b[1;33mwarning[latest-tag]\x1b[0m"), std::string::npos);
  EXPECT_NE(text.find("\x1b[1;32minfo[pdb-unhealthy-pod-eviction-policy]\x1b[0m"), std::string::npos);
  EXPECT_NE(text.find("\x1b[1;33m^^^^^\x1b[0m"), std::string::npos); // the underline takes the level's colour
  EXPECT_EQ(renderTextReport(findings(), context()).find('\x1b'), std::string::npos);
}

TEST_F(ReportFixture, TextSpanPastTheEndOfItsFileIsClamped) {
  Finding f = findings()[1];
  f.span.begin = 100000;
  f.span.end = 100010;
  std::string text = renderTextReport({f}, context());
  EXPECT_NE(text.find("--> deploy/web.yaml:14:1\n"), std::string::npos) << text;
}

TEST(FindingSummary, CountsAndPlurals) {
  auto make = [](Level level, bool suppressed) {
    Finding f;
    f.level = level;
    if (suppressed)
      f.suppressions.push_back({});
    return f;
  };
  EXPECT_EQ(findingSummary({make(Level::Error, false)}, 1, 1), "1 finding (1 error) in 1 object from 1 file");
  EXPECT_EQ(findingSummary({make(Level::Warning, false), make(Level::Warning, false), make(Level::Info, true)}, 5, 3),
            "2 findings (2 warnings) in 5 objects from 3 files; 1 suppressed");
  EXPECT_EQ(findingSummary({make(Level::Info, false), make(Level::Info, false), make(Level::Error, false)}, 0, 0),
            "3 findings (1 error, 2 info) in 0 objects from 0 files");
}

TEST(ReportFormatNames, ParseEveryFormatAndNothingElse) {
  ReportFormat f = ReportFormat::Text;
  EXPECT_TRUE(parseReportFormat("json", f));
  EXPECT_EQ(f, ReportFormat::Json);
  EXPECT_TRUE(parseReportFormat("sarif", f));
  EXPECT_EQ(f, ReportFormat::Sarif);
  EXPECT_TRUE(parseReportFormat("github", f));
  EXPECT_EQ(f, ReportFormat::Github);
  EXPECT_TRUE(parseReportFormat("text", f));
  EXPECT_EQ(f, ReportFormat::Text);
  EXPECT_FALSE(parseReportFormat("SARIF", f));
  EXPECT_FALSE(parseReportFormat("yaml", f));
  EXPECT_EQ(f, ReportFormat::Text);
}

} // namespace
} // namespace cairn::lint
