// A Kubernetes Secret's `data` and `stringData` in `cairn validate`: errors
// there show `<secret>` instead of the value, hide the excerpt of the line,
// and keep the path, the constraint and the hint (without the value).
#include <gtest/gtest.h>

#include "library_fixture.h"
#include "manifest/validate_run.h"

namespace cairn::manifest {
namespace {

using testing::TempDir;

constexpr const char *kIndex =
    R"({"kinds": [{"apiVersion": "v1", "kind": "Secret", "module": "core/v1", "schema": "Secret"},
                  {"apiVersion": "v1", "kind": "ConfigMap", "module": "core/v1", "schema": "ConfigMap"}]})";

constexpr const char *kModule = R"(
schema Meta { name?: string }
schema Secret {
  apiVersion: "v1" = "v1"
  kind: "Secret" = "Secret"
  metadata: Meta
  data?: {string: string(/^[A-Za-z0-9+\/=]*$/)}
  stringData?: {string: string}
}
schema ConfigMap {
  apiVersion: "v1" = "v1"
  kind: "ConfigMap" = "ConfigMap"
  metadata: Meta
  data?: {string: string}
}
)";

class SecretValidation : public ::testing::Test {
protected:
  SecretValidation() {
    dir_.write("crds/kinds.json", kIndex);
    dir_.write("crds/core/v1.cairn", kModule);
  }

  std::vector<const Diagnostic *> run(const std::string &yaml) {
    sources_ = std::make_unique<SourceManager>();
    FileId file = sources_->add("test.yaml", yaml);
    RunOptions options;
    options.library.workingDir = dir_.path();
    options.library.schemaLocations = {"crds"};
    result_ = validateFiles(*sources_, {file}, options);
    std::vector<const Diagnostic *> found;
    for (const ManifestObject &object : result_.files.at(0).objects)
      for (const Issue &issue : object.issues.issues())
        found.push_back(&issue.diagnostic);
    return found;
  }

  TempDir dir_;
  std::unique_ptr<SourceManager> sources_;
  RunResult result_;
};

TEST_F(SecretValidation, ErrorsOnSecretDataShowAPlaceholder) {
  auto found = run("apiVersion: v1\nkind: Secret\nmetadata: {name: db}\n"
                   "data:\n  password: \"hunter-2!\"\nstringData:\n  pin: 12345678\n");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0]->code(), std::string("E0808"));
  EXPECT_EQ(found[0]->message, "<secret> does not satisfy `string(/^[A-Za-z0-9+/=]*$/)`");
  EXPECT_TRUE(found[0]->secretSource);
  EXPECT_EQ(found[1]->code(), std::string("E0807"));
  EXPECT_EQ(found[1]->message, "expected `string`, found <secret>");
  EXPECT_EQ(found[1]->hint, "quote it: `\"<secret>\"`");
  EXPECT_TRUE(found[1]->secretSource);
}

TEST_F(SecretValidation, OtherObjectsAndFieldsAreShownAsUsual) {
  auto configMap = run("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  count: 12345678\n");
  ASSERT_EQ(configMap.size(), 1u);
  EXPECT_EQ(configMap[0]->message, "expected `string`, found integer `12345678`");
  EXPECT_FALSE(configMap[0]->secretSource);
  // A Secret's metadata is not secret.
  auto metadata = run("apiVersion: v1\nkind: Secret\nmetadata: {name: 42}\n");
  ASSERT_EQ(metadata.size(), 1u);
  EXPECT_EQ(metadata[0]->message, "expected `string`, found integer `42`");
  EXPECT_FALSE(metadata[0]->secretSource);
}

} // namespace
} // namespace cairn::manifest
