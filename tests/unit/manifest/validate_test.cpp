// Checking documents against types the way the API server decodes them.
#include <gtest/gtest.h>

#include "library_fixture.h"
#include "manifest/validate_run.h"

namespace cairn::manifest {
namespace {

using testing::TempDir;

struct Found {
  std::string code;
  std::string path;
  std::string hint;
};

class Validation : public ::testing::Test {
protected:
  Validation() {
    dir_.write("crds/kinds.json", testing::kWidgetIndex);
    dir_.write("crds/demo/v1.cairn", testing::kWidgetModule);
  }

  // Validates `yaml` (one or more documents); returns every issue.
  std::vector<Found> run(const std::string &yaml, bool strict = false, RunOptions options = {}) {
    sources_ = std::make_unique<SourceManager>();
    FileId file = sources_->add("test.yaml", yaml);
    options.strict = strict;
    options.library.workingDir = dir_.path();
    options.library.schemaLocations = {"crds"};
    result_ = validateFiles(*sources_, {file}, options);
    std::vector<Found> found;
    for (const ManifestObject &object : result_.files.at(0).objects)
      for (const Issue &issue : object.issues.issues())
        found.push_back({issue.diagnostic.code(), issue.path, issue.diagnostic.hint});
    return found;
  }

  static std::string widget(const std::string &spec) {
    return "apiVersion: demo.example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n" + spec;
  }

  ObjectStatus status(size_t i) const { return result_.files.at(0).objects.at(i).status; }

  TempDir dir_;
  std::unique_ptr<SourceManager> sources_;
  RunResult result_;
};

TEST_F(Validation, AValidObjectHasNoIssues) {
  EXPECT_TRUE(run(widget("  replicas: 2\n  containers:\n    - name: app\n      ports: [{containerPort: 80}]\n"),
                  true).empty());
  EXPECT_EQ(status(0), ObjectStatus::Valid);
}

TEST_F(Validation, WrongScalarTypesWithHowToFix) {
  auto found = run(widget("  replicas: \"3\"\n  containers:\n    - name: app\n      image: 42\n      args: [yes]\n"));
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].code, "E0807");
  EXPECT_EQ(found[0].path, "spec.replicas");
  EXPECT_EQ(found[0].hint, "remove the quotes: `3`");
  EXPECT_EQ(found[1].path, "spec.containers[0].image");
  EXPECT_EQ(found[1].hint, "quote it: `\"42\"`");
  EXPECT_EQ(found[2].path, "spec.containers[0].args[0]");
  EXPECT_NE(found[2].hint.find("YAML 1.1"), std::string::npos);
  EXPECT_EQ(status(0), ObjectStatus::Invalid);
}

TEST_F(Validation, NumbersAsTheApiServerReadsThem) {
  // An integral float reaches the server as an int; an int is a fine float.
  EXPECT_TRUE(run(widget("  replicas: 2.0\n  ratio: 1\n  containers: []\n")).empty());
  auto found = run(widget("  replicas: 2.5\n  ratio: 1.5\n  containers: []\n"));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].code, "E0807");
  EXPECT_EQ(found[1].code, "E0808");
  EXPECT_EQ(found[1].path, "spec.ratio");
  auto tooLarge = run(widget("  replicas: 3000000000\n  containers: []\n"));
  ASSERT_EQ(tooLarge.size(), 1u);
  EXPECT_EQ(tooLarge[0].code, "E0808");
}

TEST_F(Validation, RefinementsLiteralsAndPatterns) {
  auto found = run("apiVersion: demo.example.com/v1\nkind: Widget\nmetadata:\n  name: a-name-that-is-far-too-long\n"
                   "spec:\n  containers:\n    - name: app\n      pullPolicy: IfNotPresnt\n"
                   "      ports: [{containerPort: 70000, name: HTTP, protocol: tcp}]\n");
  ASSERT_EQ(found.size(), 5u);
  EXPECT_EQ(found[0].path, "metadata.name");
  EXPECT_EQ(found[0].hint, "it has 27 characters; it must have between 1 and 20");
  EXPECT_EQ(found[1].path, "spec.containers[0].pullPolicy");
  EXPECT_EQ(found[1].hint, "did you mean `IfNotPresent`?");
  EXPECT_EQ(found[2].path, "spec.containers[0].ports[0].containerPort");
  EXPECT_EQ(found[3].path, "spec.containers[0].ports[0].name");
  EXPECT_EQ(found[4].path, "spec.containers[0].ports[0].protocol");
  EXPECT_EQ(found[4].hint, "did you mean `TCP`?");
}

TEST_F(Validation, UnionsTakeTheMemberThatFits) {
  EXPECT_TRUE(run(widget("  containers:\n    - {name: a, cpu: 500m, target: 8080}\n"
                         "    - {name: b, cpu: 2, target: http}\n    - {name: c, cpu: 0.5}\n")).empty());
  auto found = run(widget("  containers:\n    - {name: a, cpu: lots, target: [1]}\n"));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].code, "E0808"); // the string member came closest
  EXPECT_EQ(found[0].path, "spec.containers[0].cpu");
  EXPECT_EQ(found[1].code, "E0807");
  EXPECT_EQ(found[1].path, "spec.containers[0].target");
}

TEST_F(Validation, RequiredFieldsAndNull) {
  auto found = run(widget("  containers:\n    - image: nginx\n  nullable: null\n  replicas: ~\n"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "E0806");
  EXPECT_EQ(found[0].path, "spec.containers[0].name");
  auto nullRequired = run(widget("  containers:\n"));
  ASSERT_EQ(nullRequired.size(), 1u);
  EXPECT_EQ(nullRequired[0].path, "spec.containers");
  // A null map value is the zero value "" to the API server's decoder.
  EXPECT_TRUE(run("apiVersion: demo.example.com/v1\nkind: Widget\nmetadata:\n  labels:\n    a:\n").empty());
}

TEST_F(Validation, UnknownFieldsOnlyWhenStrict) {
  std::string yaml = widget("  replica: 2\n  containers: []\n");
  EXPECT_TRUE(run(yaml).empty());
  auto found = run(yaml, true);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "E0805");
  EXPECT_EQ(found[0].path, "spec.replica");
  EXPECT_EQ(found[0].hint, "did you mean `replicas`?");
}

TEST_F(Validation, ListsAndMappingsInTheWrongPlace) {
  auto found = run(widget("  containers:\n    name: app\n"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, "spec.containers");
  EXPECT_EQ(found[0].hint, "this field is a list: start each item with `- `");
}

TEST_F(Validation, AnyAcceptsEverything) {
  EXPECT_TRUE(run(widget("  containers: []\n  extra: {a: [1, {b: c}], d: null}\n"), true).empty());
}

TEST_F(Validation, ListKindsAreValidatedItemByItem) {
  auto found = run("apiVersion: v1\nkind: List\nitems:\n"
                   "  - apiVersion: demo.example.com/v1\n    kind: Widget\n    metadata: {name: a}\n"
                   "  - apiVersion: demo.example.com/v1\n    kind: Widget\n    metadata: {name: b}\n"
                   "    spec: {containers: {}}\n");
  ASSERT_EQ(result_.files[0].objects.size(), 2u);
  EXPECT_EQ(status(0), ObjectStatus::Valid);
  EXPECT_EQ(status(1), ObjectStatus::Invalid);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, "spec.containers");
}

TEST_F(Validation, KindsAreFoundSkippedRejectedOrUnknown) {
  std::string yaml = widget("  containers: []\n") + "\n---\napiVersion: demo.example.com/v2\nkind: Widget\n"
                     "---\napiVersion: demo.example.com/v1\nkind: Gizmo\n---\nkind: Widget\n";
  auto found = run(yaml);
  EXPECT_EQ(status(0), ObjectStatus::Valid);
  EXPECT_EQ(status(1), ObjectStatus::Error);
  EXPECT_EQ(status(2), ObjectStatus::Error);
  EXPECT_EQ(status(3), ObjectStatus::Error);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].path, "apiVersion"); // Widget exists, in another version
  EXPECT_EQ(found[0].hint, "`Widget` is in `demo.example.com/v1`: set `apiVersion: demo.example.com/v1`");
  EXPECT_EQ(found[1].path, "kind");
  EXPECT_EQ(found[2].code, "E0803");

  RunOptions options;
  options.ignoreMissingSchemas = true;
  options.skipKinds = {"demo.example.com/v1/Widget"};
  run(yaml, false, options);
  EXPECT_EQ(status(0), ObjectStatus::Skipped);
  EXPECT_EQ(status(1), ObjectStatus::Skipped);
  EXPECT_EQ(status(2), ObjectStatus::Skipped);
  EXPECT_EQ(status(3), ObjectStatus::Error); // no apiVersion is never fine

  RunOptions reject;
  reject.rejectKinds = {"Widget"};
  auto rejected = run(widget("  containers: []\n"), false, reject);
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_EQ(rejected[0].code, "E0811");
  EXPECT_EQ(status(0), ObjectStatus::Invalid);
}

TEST_F(Validation, AMalformedDocumentDoesNotStopTheOthers) {
  auto found = run(widget("  containers: [\n") + "---\n" + widget("  containers: []\n"));
  ASSERT_EQ(result_.files[0].objects.size(), 2u);
  EXPECT_EQ(status(0), ObjectStatus::Error);
  EXPECT_EQ(status(1), ObjectStatus::Valid);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "E0801");
}

TEST_F(Validation, DuplicateKeysHaveAPath) {
  auto found = run(widget("  containers: []\n  replicas: 1\n  replicas: 2\n"), true);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "E0809");
  EXPECT_EQ(found[0].path, "spec.replicas");
  auto lenient = run(widget("  containers: []\n  replicas: 1\n  replicas: 2\n"));
  ASSERT_EQ(lenient.size(), 1u);
  EXPECT_EQ(lenient[0].code, "E0810");
  EXPECT_EQ(status(0), ObjectStatus::Valid);
}

TEST_F(Validation, KeysWithDotsAreBracketedInPaths) {
  auto found = run("apiVersion: demo.example.com/v1\nkind: Widget\nmetadata:\n  labels:\n"
                   "    app.kubernetes.io/name: 3\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, "metadata.labels[\"app.kubernetes.io/name\"]");
}

} // namespace
} // namespace cairn::manifest
