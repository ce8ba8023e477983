// Module loading: relative imports, the project-root boundary, the standard
// library path, import cycles and dependency order.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "frontend/program.h"

namespace cairn {
namespace {

namespace fs = std::filesystem;

class ProgramTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cairn-program-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string &path, const std::string &text) {
    fs::create_directories((dir_ / path).parent_path());
    std::ofstream(dir_ / path) << text;
  }

  Program load(const std::vector<std::string> &entries, LoadOptions options = {}) {
    if (options.workingDir.empty())
      options.workingDir = dir_;
    std::vector<EntryInput> inputs;
    for (const std::string &e : entries)
      inputs.push_back({e, {}, {}});
    return loadProgram(inputs, options, diags_);
  }

  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const Diagnostic &d : diags_.diagnostics())
      out.push_back(d.code());
    return out;
  }

  fs::path dir_;
  DiagnosticSink diags_;
};

TEST_F(ProgramTest, RelativeImportsLoadOnceInDependencyOrder) {
  write("app/main.cairn", "import \"./lib/a.cairn\" as a\nimport \"./lib/b\"\nlet x = a.v + b.v\n");
  write("app/lib/a.cairn", "import \"./b.cairn\" as b\nlet v = b.v\n");
  write("app/lib/b.cairn", "let v = 1\n");
  Program p = load({"app/main.cairn"});
  EXPECT_TRUE(codes().empty());
  ASSERT_EQ(p.modules.size(), 3u);
  ASSERT_EQ(p.order.size(), 3u);
  EXPECT_EQ(p.modules[p.order[0]].displayPath, "app/lib/b.cairn");
  EXPECT_EQ(p.modules[p.order[1]].displayPath, "app/lib/a.cairn");
  EXPECT_EQ(p.modules[p.order[2]].displayPath, "app/main.cairn");
  ASSERT_EQ(p.entries.size(), 1u);
  const ProgramModule &main = p.modules[p.entries[0]];
  ASSERT_EQ(main.imports.size(), 2u);
  EXPECT_EQ(main.imports[1].alias, "b"); // derived from the path
  EXPECT_EQ(p.modules[main.imports[0].module].displayPath, "app/lib/a.cairn");
  EXPECT_EQ(p.modules[main.imports[1].module].displayPath, "app/lib/b.cairn");
}

TEST_F(ProgramTest, ImportOutsideTheProjectRootIsRefused) {
  write("secret.cairn", "let password = \"x\"\n");
  write("app/main.cairn", "import \"../secret.cairn\" as s\n");
  Program p = load({"app/main.cairn"});
  EXPECT_EQ(codes(), std::vector<std::string>{"E0202"});
  EXPECT_EQ(p.modules.size(), 1u);
}

TEST_F(ProgramTest, SymlinkOutOfTheRootIsRefused) {
  write("outside/x.cairn", "let v = 1\n");
  write("app/main.cairn", "import \"./link.cairn\" as x\n");
  fs::create_symlink(dir_ / "outside/x.cairn", dir_ / "app/link.cairn");
  load({"app/main.cairn"});
  EXPECT_EQ(codes(), std::vector<std::string>{"E0202"});
}

TEST_F(ProgramTest, SymlinkedDirectoryOutOfTheRootIsRefused) {
  write("outside/lib/x.cairn", "let v = 1\n");
  write("app/main.cairn", "import \"./vendor/lib/x.cairn\" as x\n");
  fs::create_directory_symlink(dir_ / "outside", dir_ / "app/vendor");
  load({"app/main.cairn"});
  EXPECT_EQ(codes(), std::vector<std::string>{"E0202"});
}

TEST_F(ProgramTest, AbsoluteImportNeedsAnAllowedDirectory) {
  write("shared/x.cairn", "let v = 1\n");
  write("app/main.cairn", "import \"" + (dir_ / "shared/x.cairn").string() + "\" as x\n");
  load({"app/main.cairn"});
  EXPECT_EQ(codes(), std::vector<std::string>{"E0202"});

  diags_ = DiagnosticSink();
  LoadOptions options;
  options.allowedImportDirs.push_back("shared");
  Program p = load({"app/main.cairn"}, options);
  EXPECT_TRUE(codes().empty());
  EXPECT_EQ(p.modules.size(), 2u);
}

TEST_F(ProgramTest, AllowedDirectoryDoesNotOpenItsNeighbours) {
  write("shared/x.cairn", "let v = 1\n");
  write("private/y.cairn", "let v = 2\n");
  write("app/main.cairn", "import \"../shared/x.cairn\" as x\nimport \"../shared/../private/y.cairn\" as y\n");
  LoadOptions options;
  options.allowedImportDirs.push_back(dir_ / "shared");
  Program p = load({"app/main.cairn"}, options);
  EXPECT_EQ(codes(), std::vector<std::string>{"E0202"});
  EXPECT_EQ(p.modules.size(), 2u);
}

TEST_F(ProgramTest, SourceOverTheSizeBoundIsRefusedUnread) {
  write("app/main.cairn", "import \"./big.cairn\" as big\n");
  write("app/big.cairn", "let v = \"" + std::string(4096, 'x') + "\"\n");
  LoadOptions options;
  options.maxSourceBytes = 1024;
  Program p = load({"app/main.cairn"}, options);
  EXPECT_EQ(codes(), std::vector<std::string>{"E0705"});
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  EXPECT_NE(diags_.diagnostics()[0].message.find("larger than the limit of 1 KiB"), std::string::npos)
      << diags_.diagnostics()[0].message;
  EXPECT_EQ(p.modules.size(), 1u);
}

TEST_F(ProgramTest, ProjectFileWidensTheRoot) {
  write("cairn.yaml", "");
  write("shared/x.cairn", "let v = 1\n");
  write("app/main.cairn", "import \"../shared/x.cairn\" as x\n");
  Program p = load({"app/main.cairn"});
  EXPECT_TRUE(codes().empty());
  EXPECT_EQ(p.modules.size(), 2u);
}

TEST_F(ProgramTest, CycleIsReportedWithTheChainAndCut) {
  write("a.cairn", "import \"./b.cairn\" as b\n");
  write("b.cairn", "import \"./a.cairn\" as a\n");
  Program p = load({"a.cairn"});
  ASSERT_EQ(codes(), std::vector<std::string>{"E0203"});
  EXPECT_EQ(diags_.diagnostics()[0].message, "import cycle: a.cairn -> b.cairn -> a.cairn");
  EXPECT_EQ(p.order.size(), 2u);
}

TEST_F(ProgramTest, MissingModulesAndDuplicateAliases) {
  write("main.cairn", "import \"./nope.cairn\" as n\nimport \"k8s/apps/v1\"\nimport \"./x.cairn\" as n\n");
  write("x.cairn", "");
  load({"main.cairn"});
  EXPECT_EQ(codes(), (std::vector<std::string>{"E0201", "E0201", "E0204"}));
}

TEST_F(ProgramTest, StandardLibraryDirectoriesServeNonRelativeImports) {
  write("std/k8s/apps/v1.cairn", "schema Deployment { name: string }\n");
  write("main.cairn", "import \"k8s/apps/v1\"\n");
  LoadOptions options;
  options.stdlibDirs.push_back(dir_ / "std");
  Program p = load({"main.cairn"}, options);
  EXPECT_TRUE(codes().empty());
  ASSERT_EQ(p.modules.size(), 2u);
  EXPECT_TRUE(p.modules[1].isStdlib);
  EXPECT_EQ(p.modules[1].displayPath, "<stdlib>/k8s/apps/v1.cairn");
  EXPECT_EQ(p.modules[0].imports[0].alias, "apps");
}

TEST_F(ProgramTest, UnreadableEntryIsReported) {
  load({"missing.cairn"});
  EXPECT_EQ(codes(), std::vector<std::string>{"E0705"});
}

TEST(DefaultImportAlias, SkipsVersionsAndExtensions) {
  EXPECT_EQ(defaultImportAlias("k8s/apps/v1"), "apps");
  EXPECT_EQ(defaultImportAlias("k8s/core/v1"), "core");
  EXPECT_EQ(defaultImportAlias("./lib/web-service.cairn"), "web_service");
  EXPECT_EQ(defaultImportAlias("./"), "");
}

TEST(ExpressionModule, ParsesOneExpressionInAnotherModulesScope) {
  Program p;
  DiagnosticSink diags;
  uint32_t m = addExpressionModule(p, kNoModule, "1 + 2", diags);
  EXPECT_FALSE(diags.hasErrors());
  ASSERT_EQ(p.modules[m].ast.decls().size(), 1u);
  const auto *let = p.modules[m].ast.decl(p.modules[m].ast.decls()[0]).as<ast::LetDecl>();
  ASSERT_NE(let, nullptr);
  EXPECT_EQ(let->name.text, kExpressionLetName);
}

} // namespace
} // namespace cairn
