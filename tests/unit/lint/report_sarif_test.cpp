// The SARIF report. The first test checks the output against the SARIF 2.1.0
// schema's rules for every object the report writes (required properties,
// types, enumerations, and `additionalProperties: false`: the property names
// below are the schema's own lists); the others check what code scanning uses.
#include <set>

#include <nlohmann/json.hpp>

#include "report_fixture.h"

namespace cairn::lint {
namespace {

using testing::ReportFixture;
using Json = nlohmann::ordered_json;
using Names = std::set<std::string>;

// What the SARIF 2.1.0 schema allows in each object the report writes.
class SarifSchema {
public:
  void log(const Json &j) {
    object(j, "log", {"$schema", "inlineExternalProperties", "properties", "runs", "version"}, {"version", "runs"});
    EXPECT_EQ(j.value("version", ""), "2.1.0");
    ASSERT_TRUE(j["runs"].is_array());
    for (const Json &r : j["runs"])
      run(r);
  }

private:
  void object(const Json &j, const std::string &what, const Names &allowed, const Names &required) {
    ASSERT_TRUE(j.is_object()) << what << " must be an object: " << j.dump();
    for (const auto &[key, value] : j.items())
      EXPECT_TRUE(allowed.count(key)) << what << " may not have `" << key << "`";
    for (const std::string &key : required)
      EXPECT_TRUE(j.contains(key)) << what << " needs `" << key << "`";
  }
  void string(const Json &j, const std::string &what) { EXPECT_TRUE(j.is_string()) << what << ": " << j.dump(); }
  void positive(const Json &j, const std::string &what) {
    EXPECT_TRUE(j.is_number_integer() && j.get<int64_t>() >= 1) << what << ": " << j.dump();
  }
  // A URI or relative reference: no blanks, no characters that must be percent-encoded.
  void uri(const Json &j, const std::string &what) {
    ASSERT_TRUE(j.is_string()) << what;
    for (char c : j.get<std::string>())
      EXPECT_TRUE(c > 0x20 && c < 0x7F && std::string("<>\"{}|\\^`").find(c) == std::string::npos)
          << what << " has `" << c << "` unencoded: " << j;
  }
  void level(const Json &j, const std::string &what) {
    EXPECT_TRUE(Names({"none", "note", "warning", "error"}).count(j.get<std::string>())) << what << ": " << j;
  }
  void text(const Json &j, const std::string &what) {
    object(j, what, {"markdown", "properties", "text"}, {"text"});
    string(j["text"], what + ".text");
  }
  void tags(const Json &bag, const std::string &what) {
    if (!bag.contains("tags"))
      return;
    ASSERT_TRUE(bag["tags"].is_array()) << what;
    std::set<std::string> seen;
    for (const Json &t : bag["tags"]) {
      string(t, what + ".tags[]");
      EXPECT_TRUE(seen.insert(t.get<std::string>()).second) << what << ": tags must be distinct";
    }
  }

  void run(const Json &j) {
    object(j, "run",
           {"addresses", "artifacts", "automationDetails", "baselineGuid", "columnKind", "conversion",
            "defaultEncoding", "defaultSourceLanguage", "externalPropertyFileReferences", "graphs", "invocations",
            "language", "logicalLocations", "newlineSequences", "originalUriBaseIds", "policies", "properties",
            "redactionTokens", "results", "runAggregates", "specialLocations", "taxonomies", "threadFlowLocations",
            "tool", "translations", "versionControlProvenance", "webRequests", "webResponses"},
           {"tool"});
    if (j.contains("columnKind"))
      EXPECT_TRUE(Names({"utf16CodeUnits", "unicodeCodePoints"}).count(j["columnKind"].get<std::string>()));
    object(j["tool"], "tool", {"driver", "extensions", "properties"}, {"driver"});
    const Json &driver = j["tool"]["driver"];
    object(driver, "toolComponent",
           {"associatedComponent", "contents", "dottedQuadFileVersion", "downloadUri", "fullDescription", "fullName",
            "globalMessageStrings", "guid", "informationUri", "isComprehensive", "language",
            "localizedDataSemanticVersion", "locations", "minimumRequiredLocalizedDataSemanticVersion", "name",
            "notifications", "organization", "product", "productSuite", "properties", "releaseDateUtc", "rules",
            "semanticVersion", "shortDescription", "supportedTaxonomies", "taxa", "translationMetadata", "version"},
           {"name"});
    if (driver.contains("informationUri"))
      uri(driver["informationUri"], "informationUri");
    for (const Json &r : driver.value("rules", Json::array()))
      rule(r);
    for (const Json &r : j.value("results", Json::array()))
      result(r, driver.value("rules", Json::array()));
  }

  void rule(const Json &j) {
    object(j, "reportingDescriptor",
           {"defaultConfiguration", "deprecatedGuids", "deprecatedIds", "deprecatedNames", "fullDescription", "guid",
            "help", "helpUri", "id", "messageStrings", "name", "properties", "relationships", "shortDescription"},
           {"id"});
    string(j["id"], "rule.id");
    for (const char *key : {"shortDescription", "fullDescription", "help"})
      if (j.contains(key))
        text(j[key], std::string("rule.") + key);
    if (j.contains("helpUri"))
      uri(j["helpUri"], "rule.helpUri");
    if (j.contains("defaultConfiguration")) {
      object(j["defaultConfiguration"], "reportingConfiguration", {"enabled", "level", "parameters", "properties", "rank"}, {});
      level(j["defaultConfiguration"]["level"], "defaultConfiguration.level");
    }
    if (j.contains("properties"))
      tags(j["properties"], "rule.properties");
  }

  void result(const Json &j, const Json &rules) {
    object(j, "result",
           {"analysisTarget", "attachments", "baselineState", "codeFlows", "correlationGuid", "fingerprints", "fixes",
            "graphTraversals", "graphs", "guid", "hostedViewerUri", "kind", "level", "locations", "message",
            "occurrenceCount", "partialFingerprints", "properties", "provenance", "rank", "relatedLocations", "rule",
            "ruleId", "ruleIndex", "stacks", "suppressions", "taxa", "webRequest", "webResponse", "workItemUris"},
           {"message"});
    object(j["message"], "message", {"arguments", "id", "markdown", "properties", "text"}, {"text"});
    if (j.contains("ruleIndex")) {
      ASSERT_TRUE(j["ruleIndex"].is_number_integer());
      ASSERT_LT(j["ruleIndex"].get<size_t>(), rules.size());
      EXPECT_EQ(rules[j["ruleIndex"].get<size_t>()]["id"], j["ruleId"]) << "ruleIndex must point at ruleId";
    }
    if (j.contains("level"))
      level(j["level"], "result.level");
    for (const Json &l : j.value("locations", Json::array()))
      location(l);
    if (j.contains("partialFingerprints"))
      for (const auto &[key, value] : j["partialFingerprints"].items())
        string(value, "partialFingerprints." + key);
    for (const Json &s : j.value("suppressions", Json::array())) {
      object(s, "suppression", {"guid", "justification", "kind", "location", "properties", "status"}, {"kind"});
      EXPECT_TRUE(Names({"inSource", "external"}).count(s["kind"].get<std::string>()));
    }
  }

  void location(const Json &j) {
    object(j, "location",
           {"annotations", "id", "logicalLocations", "message", "physicalLocation", "properties", "relationships"}, {});
    if (j.contains("physicalLocation")) {
      const Json &p = j["physicalLocation"];
      object(p, "physicalLocation", {"address", "artifactLocation", "contextRegion", "properties", "region"},
             {"artifactLocation"});
      object(p["artifactLocation"], "artifactLocation", {"description", "index", "properties", "uri", "uriBaseId"}, {});
      uri(p["artifactLocation"]["uri"], "artifactLocation.uri");
      if (p.contains("region")) {
        object(p["region"], "region",
               {"byteLength", "byteOffset", "charLength", "charOffset", "endColumn", "endLine", "message",
                "properties", "snippet", "sourceLanguage", "startColumn", "startLine"},
               {});
        for (const auto &[key, value] : p["region"].items())
          positive(value, "region." + key);
      }
    }
    for (const Json &l : j.value("logicalLocations", Json::array()))
      object(l, "logicalLocation",
             {"decoratedName", "fullyQualifiedName", "index", "kind", "name", "parentIndex", "properties"}, {});
  }
};

TEST_F(ReportFixture, SarifFollowsTheSchema) {
  Json log = Json::parse(renderReport(ReportFormat::Sarif, findings(), context()));
  SarifSchema().log(log);
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(log["runs"].size(), 1u);
}

TEST_F(ReportFixture, SarifListsProblemsAsToolNotifications) {
  ReportContext c = context();
  Finding problem;
  problem.check = "E0801";
  problem.level = Level::Error;
  problem.message = "invalid YAML: a `{` is never closed";
  problem.file = problem.span.file = yaml_;
  c.problems.push_back(problem);
  Json log = Json::parse(renderSarifReport(findings(), c));
  SarifSchema().log(log);
  const Json &invocation = log["runs"][0]["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], false);
  ASSERT_EQ(invocation["toolExecutionNotifications"].size(), 1u);
  EXPECT_EQ(invocation["toolExecutionNotifications"][0]["descriptor"]["id"], "E0801");
  EXPECT_EQ(invocation["toolExecutionNotifications"][0]["level"], "error");
  // Without problems the run succeeded.
  EXPECT_EQ(Json::parse(renderSarifReport(findings(), context()))["runs"][0]["invocations"][0]["executionSuccessful"],
            true);
}

TEST_F(ReportFixture, SarifLinksOnlyDefaultChecksToTheirDocs) {
  ReportContext c = context();
  c.policies[0].module = "policies/org.cairn"; // a project's own policy: no page in docs/policies.md
  Json rules = Json::parse(renderSarifReport(findings(), c))["runs"][0]["tool"]["driver"]["rules"];
  EXPECT_FALSE(rules[0].contains("helpUri"));
  EXPECT_TRUE(rules[1].contains("helpUri"));
}

TEST_F(ReportFixture, SarifRulesDescribeTheChecksThatRan) {
  Json driver = Json::parse(renderSarifReport(findings(), context()))["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "cairn");
  EXPECT_EQ(driver["version"], "0.4.0");
  ASSERT_EQ(driver["rules"].size(), 4u);
  EXPECT_EQ(driver["rules"][0], Json::parse(R"({
    "id": "latest-tag", "name": "LatestTag",
    "shortDescription": {"text": "Containers should not run the `latest` tag."},
    "fullDescription": {"text": "Containers should not run the `latest` tag. The image that runs changes without a change in the manifests."},
    "help": {"text": "Pin the image to a version tag or a digest.", "markdown": "Pin the image to a version tag or a digest."},
    "helpUri": "https://github.com/cairn-lang/cairn/blob/main/docs/policies.md#latest-tag",
    "defaultConfiguration": {"level": "warning"},
    "properties": {"tags": ["reproducibility"]}})"));
  EXPECT_EQ(driver["rules"][3]["defaultConfiguration"]["level"], "note"); // info
  // Without a description the name stands in: SARIF texts must not be empty.
  EXPECT_EQ(driver["rules"][3]["shortDescription"]["text"], "pdb-unhealthy-pod-eviction-policy");
}

TEST_F(ReportFixture, SarifResultsPointAtFilesObjectsAndFields) {
  Json results = Json::parse(renderSarifReport(findings(), context()))["runs"][0]["results"];
  ASSERT_EQ(results.size(), 4u); // suppressed findings are results too
  Json latest = results[1];
  EXPECT_EQ(latest["ruleId"], "latest-tag");
  EXPECT_EQ(latest["ruleIndex"], 0);
  EXPECT_EQ(latest["level"], "warning");
  EXPECT_EQ(latest["message"]["text"], "image `nginx` has no tag or uses `latest`");
  EXPECT_EQ(latest["locations"][0], Json::parse(R"({
    "physicalLocation": {
      "artifactLocation": {"uri": "deploy/web.yaml", "uriBaseId": "%SRCROOT%"},
      "region": {"startLine": 13, "startColumn": 18, "endLine": 13, "endColumn": 23}},
    "logicalLocations": [{"fullyQualifiedName": "Deployment/prod/web", "kind": "object"}]})"));
  EXPECT_EQ(results[0]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "Pod/api");
  EXPECT_FALSE(latest.contains("suppressions"));
  EXPECT_EQ(results[2]["suppressions"], Json::parse(R"([{"kind": "inSource", "justification": ""}])"));
  EXPECT_EQ(results[3]["level"], "note");
  // No span: the start of the file (code scanning needs a line).
  EXPECT_EQ(results[3]["locations"][0]["physicalLocation"]["region"], Json::parse(R"({"startLine": 1, "startColumn": 1})"));
}

TEST_F(ReportFixture, SarifFingerprintsIgnoreLinesButSeparateFindings) {
  std::vector<Finding> before = findings();
  std::vector<Finding> after = findings();
  after[1].span.begin += 3; // the same finding after an unrelated edit above it
  after[1].span.end += 3;
  Json a = Json::parse(renderSarifReport(before, context()))["runs"][0]["results"];
  Json b = Json::parse(renderSarifReport(after, context()))["runs"][0]["results"];
  std::set<std::string> distinct;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i]["partialFingerprints"], b[i]["partialFingerprints"]);
    distinct.insert(a[i]["partialFingerprints"]["cairnFinding/v1"].get<std::string>());
  }
  EXPECT_EQ(distinct.size(), a.size());
  // Two findings of one check on one field (two `check`s of a policy) differ.
  std::vector<Finding> twice = {before[1], before[1]};
  Json t = Json::parse(renderSarifReport(twice, context()))["runs"][0]["results"];
  EXPECT_NE(t[0]["partialFingerprints"], t[1]["partialFingerprints"]);
}

TEST_F(ReportFixture, SarifColumnsAreUtf16AndUrisAreEncoded) {
  SourceManager &sources = sources_;
  FileId odd = sources.add("my dir/caf\xC3\xA9 #1.yaml", "name: \"\xF0\x9F\x98\x80 \xC3\xA9\" x: bad\n");
  Finding f = findings()[1];
  f.file = odd;
  f.span = Span{odd, 16, 17}; // the `x` (byte column 17) after a 4-byte emoji (2 UTF-16 units) and a 2-byte é (1 unit)
  Json log = Json::parse(renderSarifReport({f}, context()));
  SarifSchema().log(log);
  Json location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(log["runs"][0]["columnKind"], "utf16CodeUnits");
  EXPECT_EQ(location["region"], Json::parse(R"({"startLine": 1, "startColumn": 14, "endLine": 1, "endColumn": 15})"));
  EXPECT_EQ(location["artifactLocation"]["uri"], "my%20dir/caf%C3%A9%20%231.yaml");
}

TEST_F(ReportFixture, SarifPathsAreRelativeToTheSourceRoot) {
  FileId inside = sources_.add("/home/ci/repo/./k8s/app.yaml", "a: 1\n");
  FileId outside = sources_.add("/etc/cairn/x.yaml", "a: 1\n");
  FileId dotted = sources_.add("./k8s/b.yaml", "a: 1\n");
  std::vector<Finding> list;
  for (FileId file : {inside, outside, dotted}) {
    Finding f = findings()[1];
    f.file = file;
    f.span = Span{file, 0, 1};
    list.push_back(f);
  }
  ReportContext c = context();
  c.sourceRoot = "/home/ci/repo";
  Json results = Json::parse(renderSarifReport(list, c))["runs"][0]["results"];
  auto artifact = [&](size_t i) { return results[i]["locations"][0]["physicalLocation"]["artifactLocation"]; };
  EXPECT_EQ(artifact(0), Json::parse(R"({"uri": "k8s/app.yaml", "uriBaseId": "%SRCROOT%"})"));
  EXPECT_EQ(artifact(1), Json::parse(R"({"uri": "file:///etc/cairn/x.yaml"})"));
  EXPECT_EQ(artifact(2), Json::parse(R"({"uri": "k8s/b.yaml", "uriBaseId": "%SRCROOT%"})"));
}

TEST_F(ReportFixture, SarifWithoutFindingsIsAValidEmptyRun) {
  ReportContext c = context();
  c.policies.clear();
  c.toolVersion.clear();
  Json log = Json::parse(renderSarifReport({}, c));
  SarifSchema().log(log);
  EXPECT_TRUE(log["runs"][0]["results"].empty());
  EXPECT_TRUE(log["runs"][0]["tool"]["driver"]["rules"].empty());
  EXPECT_FALSE(log["runs"][0]["tool"]["driver"].contains("version"));
}

TEST_F(ReportFixture, SarifTagsAreDistinctAndUnknownChecksHaveNoRuleIndex) {
  ReportContext c = context();
  c.policies[0].tags = {"security", "security", "images"};
  Finding stray = findings()[1];
  stray.check = "from-another-module";
  Json log = Json::parse(renderSarifReport({stray}, c));
  SarifSchema().log(log);
  EXPECT_EQ(log["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["tags"], Json::parse(R"(["security", "images"])"));
  EXPECT_FALSE(log["runs"][0]["results"][0].contains("ruleIndex"));
}

} // namespace
} // namespace cairn::lint
