// The parse cache: unchanged files are parsed once across loads, an edited
// buffer is parsed again under the same file id, syntax errors of cached files
// are reported on every load, and editor buffers (overlays) win over the disk.
#include <gtest/gtest.h>

#include <map>

#include "frontend/parse_cache.h"
#include "frontend/program.h"

namespace cairn {
namespace {

class ParseCacheTest : public ::testing::Test {
protected:
  Program load(DiagnosticSink &diags) {
    LoadOptions options;
    options.workingDir = "/cairn-cache-test";
    options.parseCache = &cache_;
    options.overlay = [this](const std::string &path) -> std::optional<std::string> {
      auto it = buffers_.find(path);
      return it == buffers_.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    return loadProgram({{"/cairn-cache-test/main.cairn", {}, {}}}, options, diags);
  }

  ParseCache cache_;
  std::map<std::string, std::string> buffers_{
      {"/cairn-cache-test/main.cairn", "import \"./lib.cairn\"\nlet b = lib.a\n"},
      {"/cairn-cache-test/lib.cairn", "let a = 1\n"}};
};

TEST_F(ParseCacheTest, UnchangedFilesAreParsedOnce) {
  DiagnosticSink first, second;
  Program p1 = load(first);
  ASSERT_EQ(p1.modules.size(), 2u);
  EXPECT_EQ(cache_.parses(), 2u);
  buffers_["/cairn-cache-test/main.cairn"] = "import \"./lib.cairn\"\nlet c = lib.a\n";
  Program p2 = load(second);
  EXPECT_EQ(cache_.parses(), 3u) << "only the edited buffer is parsed again";
  // The edited file keeps its id; both programs still read their own text.
  EXPECT_EQ(p1.modules[0].file, p2.modules[0].file);
  EXPECT_EQ(p1.sources.file(p1.modules[0].file).text(), "import \"./lib.cairn\"\nlet b = lib.a\n");
  const auto *let = p2.modules[0].ast.decl(p2.modules[0].ast.decls()[1]).as<ast::LetDecl>();
  ASSERT_NE(let, nullptr);
  EXPECT_EQ(p2.sources.text(let->name.span), "c");
}

TEST_F(ParseCacheTest, SyntaxErrorsOfCachedFilesAreReportedEveryTime) {
  buffers_["/cairn-cache-test/lib.cairn"] = "let a = \n";
  DiagnosticSink first, second;
  load(first);
  load(second);
  EXPECT_EQ(cache_.parses(), 2u);
  EXPECT_TRUE(first.hasErrors());
  EXPECT_EQ(first.errorCount(), second.errorCount());
}

TEST_F(ParseCacheTest, BuffersNeedNotExistOnDisk) {
  DiagnosticSink diags;
  Program p = load(diags);
  EXPECT_FALSE(diags.hasErrors()) << (diags.diagnostics().empty() ? "" : diags.diagnostics()[0].message);
  EXPECT_EQ(p.modules[1].canonicalPath, "/cairn-cache-test/lib.cairn");
}

} // namespace
} // namespace cairn
