// The JSON report: every field scripts rely on.
#include <nlohmann/json.hpp>

#include "report_fixture.h"

namespace cairn::lint {
namespace {

using testing::ReportFixture;
using Json = nlohmann::ordered_json;

TEST_F(ReportFixture, JsonHasEveryFindingAndASummary) {
  std::string text = renderReport(ReportFormat::Json, findings(), context());
  EXPECT_EQ(text.rfind("{\n  \"findings\": [\n    {\n      \"check\": \"privileged-container\",\n", 0), 0u);
  ASSERT_EQ(text.back(), '\n');
  Json report = Json::parse(text);
  ASSERT_EQ(report["findings"].size(), 4u); // suppressed ones included
  EXPECT_EQ(report["findings"][0], Json::parse(R"({
    "check": "privileged-container", "level": "error",
    "message": "container \"api\" runs privileged",
    "remediation": "Set securityContext.privileged to false.", "tags": ["security"],
    "file": "app.cairn", "line": 5, "column": 84, "endLine": 5, "endColumn": 101,
    "object": {"apiVersion": "v1", "kind": "Pod", "namespace": null, "name": "api"},
    "path": "spec.containers[0].securityContext.privileged",
    "suppressed": false, "suppressions": []})"));
  EXPECT_EQ(report["findings"][1]["file"], "deploy/web.yaml");
  EXPECT_EQ(report["findings"][1]["line"], 13);
  EXPECT_EQ(report["findings"][1]["column"], 18);
  EXPECT_EQ(report["findings"][1]["endColumn"], 23); // exclusive, like compiler diagnostics
  EXPECT_EQ(report["findings"][1]["object"]["namespace"], "prod");
  EXPECT_EQ(report["findings"][2]["suppressed"], true);
  EXPECT_EQ(report["findings"][2]["suppressions"],
            Json::parse(R"([{"kind": "annotation", "justification": ""}])"));
  EXPECT_TRUE(report["findings"][3]["line"].is_null()); // no span: the file only
  EXPECT_EQ(report["findings"][3]["file"], "deploy/web.yaml");
  EXPECT_EQ(report["findings"][3]["path"], "");
  EXPECT_EQ(report["summary"],
            Json::parse(R"({"objects": 12, "files": 2, "errors": 1, "warnings": 1, "infos": 1, "suppressed": 1})"));
}

TEST_F(ReportFixture, JsonSuppressionKinds) {
  Finding f = findings()[1];
  f.suppressions = {{Suppression::Kind::KubeLinterAnnotation, "legacy", {}},
                    {Suppression::Kind::SourceComment, "pinned elsewhere", {}}};
  Json report = Json::parse(renderJsonReport({f}, context()));
  EXPECT_EQ(report["findings"][0]["suppressions"],
            Json::parse(R"([{"kind": "kube-linter-annotation", "justification": "legacy"},
                            {"kind": "comment", "justification": "pinned elsewhere"}])"));
  EXPECT_EQ(report["summary"]["warnings"], 0);
  EXPECT_EQ(report["summary"]["suppressed"], 1);
}

TEST_F(ReportFixture, JsonListsProblemsWithTheirCode) {
  ReportContext c = context();
  Finding problem;
  problem.check = "E0801";
  problem.level = Level::Error;
  problem.message = "invalid YAML: a `{` is never closed";
  problem.file = problem.span.file = yaml_;
  problem.span.begin = problem.span.end = 0;
  c.problems.push_back(problem);
  Json report = Json::parse(renderJsonReport({}, c));
  ASSERT_EQ(report["problems"].size(), 1u);
  EXPECT_EQ(report["problems"][0]["code"], "E0801");
  EXPECT_EQ(report["problems"][0]["level"], "error");
  EXPECT_EQ(report["problems"][0]["line"], 1);
  EXPECT_FALSE(report["problems"][0].contains("check"));
}

TEST_F(ReportFixture, JsonWithoutFindings) {
  EXPECT_EQ(renderJsonReport({}, context()),
            "{\n  \"findings\": [],\n  \"summary\": {\n    \"objects\": 12,\n    \"files\": 2,\n    \"errors\": 0,\n"
            "    \"warnings\": 0,\n    \"infos\": 0,\n    \"suppressed\": 0\n  },\n  \"problems\": []\n}\n");
}

TEST_F(ReportFixture, JsonSurvivesInvalidUtf8InMessages) {
  Finding f = findings()[0];
  f.message = "value \xFF\xFE is odd";
  Json report = Json::parse(renderJsonReport({f}, context()));
  EXPECT_EQ(report["findings"][0]["message"], "value \xEF\xBF\xBD\xEF\xBF\xBD is odd");
}

} // namespace
} // namespace cairn::lint
