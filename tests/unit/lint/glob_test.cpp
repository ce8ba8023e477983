// `ignorePaths` / `--ignore-path` globs.
#include <gtest/gtest.h>

#include "lint/config.h"

namespace cairn::lint {
namespace {

bool ignored(const std::string &path, const std::string &glob) { return pathIgnored(path, {glob}); }

TEST(PathIgnored, StarStaysWithinOneComponent) {
  EXPECT_TRUE(ignored("app.yaml", "*.yaml"));
  EXPECT_TRUE(ignored("a.b.yaml", "*.yaml"));
  EXPECT_FALSE(ignored("dir/app.yaml", "*.yaml")); // anchored at the base directory
  EXPECT_TRUE(ignored("charts/web/tests/t.yaml", "charts/*/tests/*"));
  EXPECT_FALSE(ignored("charts/web/x/tests/t.yaml", "charts/*/tests/*"));
  EXPECT_TRUE(ignored("app.yaml", "app*.yaml")); // `*` may match nothing
  EXPECT_FALSE(ignored("app.yml", "*.yaml"));
}

TEST(PathIgnored, DoubleStarSpansComponents) {
  EXPECT_TRUE(ignored("vendor/a/b/c.yaml", "vendor/**"));
  EXPECT_TRUE(ignored("x.gen.yaml", "**/*.gen.yaml")); // zero components
  EXPECT_TRUE(ignored("a/b/x.gen.yaml", "**/*.gen.yaml"));
  EXPECT_FALSE(ignored("a/b/x.yaml", "**/*.gen.yaml"));
  EXPECT_TRUE(ignored("a/tests/b/c/t.yaml", "a/**/c/*.yaml"));
  EXPECT_TRUE(ignored("a/c/t.yaml", "a/**/c/*.yaml"));
  EXPECT_FALSE(ignored("b/c/t.yaml", "a/**/c/*.yaml"));
  EXPECT_TRUE(ignored("anything/at/all.yaml", "**"));
}

TEST(PathIgnored, QuestionMarkIsOneCharacter) {
  EXPECT_TRUE(ignored("v1/app.yaml", "v?/*"));
  EXPECT_FALSE(ignored("v10/app.yaml", "v?/*"));
  EXPECT_FALSE(ignored("v/app.yaml", "v?/*"));
  EXPECT_FALSE(ignored("a/b", "a?b")); // never a separator
}

TEST(PathIgnored, MatchingADirectoryIgnoresWhatIsBelowIt) {
  EXPECT_TRUE(ignored("vendor/x.yaml", "vendor"));
  EXPECT_TRUE(ignored("vendor/deep/x.yaml", "vendor/"));
  EXPECT_TRUE(ignored("charts/web/tests/deep/t.yaml", "charts/*/tests"));
  EXPECT_FALSE(ignored("vendored/x.yaml", "vendor"));
  EXPECT_FALSE(ignored("src/vendor/x.yaml", "vendor")); // anchored
}

TEST(PathIgnored, DotSlashAndEmptyComponentsDoNotMatter) {
  EXPECT_TRUE(ignored("./vendor/x.yaml", "vendor/*.yaml"));
  EXPECT_TRUE(ignored("vendor/x.yaml", "./vendor//*.yaml"));
  EXPECT_FALSE(ignored("x.yaml", ""));
  EXPECT_FALSE(pathIgnored("x.yaml", {}));
}

TEST(PathIgnored, AnyGlobOfTheListIsEnough) {
  std::vector<std::string> globs = {"vendor/**", "**/*.gen.yaml"};
  EXPECT_TRUE(pathIgnored("a/b.gen.yaml", globs));
  EXPECT_TRUE(pathIgnored("vendor/b.yaml", globs));
  EXPECT_FALSE(pathIgnored("a/b.yaml", globs));
}

TEST(PathIgnored, ManyStarsStayFast) {
  std::string path(200, 'a');
  std::string glob;
  for (int i = 0; i < 30; ++i)
    glob += "*a";
  EXPECT_FALSE(ignored(path + "b", glob + "c"));
  std::string deep, deepGlob;
  for (int i = 0; i < 60; ++i) {
    deep += "d/";
    deepGlob += "**/";
  }
  EXPECT_FALSE(ignored(deep + "x.yaml", deepGlob + "y.yaml"));
  EXPECT_TRUE(ignored(deep + "x.yaml", deepGlob + "x.yaml"));
}

} // namespace
} // namespace cairn::lint
