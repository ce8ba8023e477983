// The GitHub Actions report: workflow commands that become annotations.
#include "report_fixture.h"

namespace cairn::lint {
namespace {

using testing::ReportFixture;

TEST_F(ReportFixture, GithubOneCommandPerCountedFinding) {
  EXPECT_EQ(renderReport(ReportFormat::Github, findings(), context()),
            "::error file=app.cairn,line=5,endLine=5,col=84,endColumn=100,title=cairn lint%3A privileged-container::"
            "container \"api\" runs privileged (Pod api, path spec.containers[0].securityContext.privileged)"
            "%0ASet securityContext.privileged to false.\n"
            "::warning file=deploy/web.yaml,line=13,endLine=13,col=18,endColumn=22,title=cairn lint%3A latest-tag::"
            "image `nginx` has no tag or uses `latest` (Deployment prod/web, path spec.template.spec.containers[0].image)"
            "%0APin the image to a version tag or a digest.\n"
            // info is a notice; without a span only the file is named; the suppressed finding is left out
            "::notice file=deploy/web.yaml,title=cairn lint%3A pdb-unhealthy-pod-eviction-policy::"
            "no PodDisruptionBudget policy set (Deployment prod/web)\n");
}

TEST_F(ReportFixture, GithubEscapesDataAndProperties) {
  FileId file = sources_.add("we,ird:dir/100%.yaml", "a: 1\n");
  Finding f = findings()[1];
  f.file = file;
  f.span = Span{file, 0, 1};
  f.check = "odd";
  f.message = "50% off\r\nnext: line, more";
  f.remediation = "";
  f.kind.clear(); // nothing known about the object: no parenthesis
  f.name.clear();
  f.namespaceName.clear();
  f.path.clear();
  EXPECT_EQ(renderGithubReport({f}, context()),
            "::warning file=we%2Cird%3Adir/100%25.yaml,line=1,endLine=1,col=1,endColumn=1,title=cairn lint%3A odd::"
            "50%25 off%0D%0Anext: line, more\n");
}

TEST_F(ReportFixture, GithubMultiLineSpansHaveNoColumns) {
  Finding f = findings()[1];
  f.span = spanOf(yaml_, "containers:\n        - name: web");
  std::string out = renderGithubReport({f}, context());
  EXPECT_EQ(out.rfind("::warning file=deploy/web.yaml,line=11,endLine=12,title=", 0), 0u) << out;
}

TEST_F(ReportFixture, GithubNothingToReport) {
  EXPECT_EQ(renderGithubReport({}, context()), "");
  EXPECT_EQ(renderGithubReport({findings()[2]}, context()), ""); // suppressed only
}

} // namespace
} // namespace cairn::lint
