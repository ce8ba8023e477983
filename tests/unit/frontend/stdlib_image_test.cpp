// The precompiled standard library: every stdlib module is in the image and
// loads exactly as it parses; the loader uses the image (with and without the
// parse cache) and gives the same program as parsing; a stale, truncated or
// corrupted image is never used and the files are parsed instead.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "frontend/ast_dump.h"
#include "frontend/parse.h"
#include "frontend/parse_cache.h"
#include "frontend/program.h"
#include "frontend/stdlib_image.h"

namespace cairn {
namespace {

namespace fs = std::filesystem;

const fs::path kStdlib = fs::path(CAIRN_SOURCE_DIR) / "stdlib";

std::string readText(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void writeText(const fs::path &path, const std::string &text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::unique_ptr<StdlibImage> imageOf(const std::string &bytes) {
  return StdlibImage::fromBytes(llvm::MemoryBuffer::getMemBufferCopy(bytes));
}

// The whole standard library, built once for the tests that need it.
const StdlibImageBuild &stdlibBuild() {
  static const StdlibImageBuild build = buildStdlibImage(kStdlib);
  return build;
}

TEST(StdlibImage, EveryModuleLoadsExactlyAsItParses) {
  const StdlibImageBuild &build = stdlibBuild();
  EXPECT_TRUE(build.leftOut.empty()) << build.leftOut.front();
  std::unique_ptr<StdlibImage> image = imageOf(build.bytes);
  ASSERT_NE(image, nullptr);
  size_t modules = 0;
  for (const fs::directory_entry &entry : fs::recursive_directory_iterator(kStdlib)) {
    if (entry.path().extension() != ".cairn")
      continue;
    std::string relative = entry.path().lexically_relative(kStdlib).generic_string();
    SCOPED_TRACE(relative);
    SourceManager sources;
    FileId file = sources.add(relative, readText(entry.path()));
    DiagnosticSink diags;
    ast::Module parsed = parseModule(sources, file, diags);
    std::optional<ast::Module> loaded = image->load(relative, sources.file(file).text(), file);
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(dumpAst(*loaded), dumpAst(parsed));
    EXPECT_EQ(loaded->comments.size(), parsed.comments.size());
    ++modules;
  }
  EXPECT_EQ(image->moduleCount(), modules);
  EXPECT_GE(modules, 40u);
}

TEST(StdlibImage, AnotherTextIsNotLoaded) {
  std::unique_ptr<StdlibImage> image = imageOf(stdlibBuild().bytes);
  ASSERT_NE(image, nullptr);
  std::string text = readText(kStdlib / "k8s" / "apps" / "v1.cairn");
  EXPECT_TRUE(image->load("k8s/apps/v1.cairn", text, FileId{0}).has_value());
  EXPECT_FALSE(image->load("k8s/apps/v1.cairn", text + " ", FileId{0}).has_value());
  std::string edited = text;
  edited[edited.size() / 2] ^= 1; // same length, other bytes
  EXPECT_FALSE(image->load("k8s/apps/v1.cairn", edited, FileId{0}).has_value());
  EXPECT_FALSE(image->load("k8s/apps/v2.cairn", text, FileId{0}).has_value());
}

TEST(StdlibImage, DefaultPathIsBesideTheDirectory) {
  EXPECT_EQ(StdlibImages::defaultPath("/opt/build/stdlib"), fs::path("/opt/build/stdlib.image"));
  EXPECT_EQ(StdlibImages::defaultPath("/opt/build/stdlib/"), fs::path("/opt/build/stdlib.image"));
  EXPECT_EQ(StdlibImages::defaultPath("/usr/share/cairn/stdlib"), fs::path("/usr/share/cairn/stdlib.image"));
}

// A small standard library in a temporary directory, with its image beside it.
class StdlibImageLoad : public ::testing::Test {
protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / fmt::format("cairn-image-test-{}", ::testing::UnitTest::GetInstance()->random_seed());
    root_ /= ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(root_);
    writeText(stdlib() / "lib" / "base.cairn", "/// A port.\ntype Port = int(1..65535)\nlet base = 1 // one\n");
    writeText(stdlib() / "lib" / "app.cairn",
              "import \"lib/base\"\nschema App {\n  name: string\n  port: base.Port = 80\n}\n");
    writeText(root_ / "project" / "main.cairn",
              "import \"lib/app\"\nemit app.App { name = \"x\" }\n");
    buildImage();
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path stdlib() const { return root_ / "stdlib"; }
  void buildImage() { writeText(StdlibImages::defaultPath(stdlib()), buildStdlibImage(stdlib()).bytes); }

  Program load(DiagnosticSink &diags, ParseCache *cache = nullptr, StdlibImages *images = nullptr) {
    LoadOptions options;
    options.workingDir = root_ / "project";
    options.stdlibDirs = {stdlib()};
    options.parseCache = cache;
    options.stdlibImages = images;
    return loadProgram({{"main.cairn", {}, {}}}, options, diags);
  }

  // Everything a later phase sees of a program's modules.
  static std::string describe(const Program &p, const DiagnosticSink &diags) {
    std::string out;
    for (const ProgramModule &m : p.modules)
      out += m.displayPath + (m.isStdlib ? " (stdlib)\n" : "\n") + dumpAst(m.ast) + "\n";
    for (const Diagnostic &d : diags.diagnostics())
      out += d.message + "\n";
    return out;
  }

  fs::path root_;
};

TEST_F(StdlibImageLoad, ImageAndParserGiveTheSameProgram) {
  DiagnosticSink withImage, parsed;
  std::string expected;
  {
    ParseCache cache;
    Program p = load(withImage, &cache);
    expected = describe(p, withImage);
    EXPECT_EQ(cache.parses(), 1u) << "only the project file is parsed";
  }
  fs::remove(StdlibImages::defaultPath(stdlib()));
  ParseCache cache;
  Program p = load(parsed, &cache);
  EXPECT_EQ(cache.parses(), 3u);
  EXPECT_EQ(describe(p, parsed), expected);
}

TEST_F(StdlibImageLoad, WithoutParseCacheTheImageIsUsedToo) {
  DiagnosticSink diags;
  Program p = load(diags);
  ASSERT_EQ(p.modules.size(), 3u);
  EXPECT_FALSE(diags.hasErrors());
  // The module came from the image yet reads its own source text.
  const ProgramModule &base = p.modules[2];
  ASSERT_TRUE(base.isStdlib);
  const auto *alias = base.ast.decl(base.ast.decls()[0]).as<ast::TypeAliasDecl>();
  ASSERT_NE(alias, nullptr);
  EXPECT_EQ(alias->name.text, "Port");
  EXPECT_EQ(p.sources.text(alias->name.span), "Port");
  EXPECT_EQ(base.ast.decl(base.ast.decls()[0]).docComment, "A port.");
  EXPECT_EQ(base.ast.comments.size(), 2u);
}

TEST_F(StdlibImageLoad, AnEditedModuleIsParsedAgain) {
  writeText(stdlib() / "lib" / "base.cairn", "type Port = int(1..1024)\nlet base = 2\nlet broken = \n");
  ParseCache cache;
  DiagnosticSink diags;
  Program p = load(diags, &cache);
  EXPECT_EQ(cache.parses(), 2u) << "the project file and the edited module";
  EXPECT_TRUE(diags.hasErrors()) << "its syntax error is reported";
  const ProgramModule &base = p.modules[2];
  EXPECT_NE(dumpAst(base.ast).find("1024"), std::string::npos);
}

TEST_F(StdlibImageLoad, ACorruptImageIsIgnored) {
  std::string bytes = readText(StdlibImages::defaultPath(stdlib()));
  bytes[bytes.size() - 3] ^= 0x10;
  writeText(StdlibImages::defaultPath(stdlib()), bytes);
  ParseCache cache;
  DiagnosticSink diags;
  load(diags, &cache);
  EXPECT_FALSE(diags.hasErrors());
  EXPECT_EQ(cache.parses(), 2u) << "the project file and the module whose bytes were hit";
}

TEST_F(StdlibImageLoad, AnImageElsewhereCanBeNamed) {
  fs::path moved = root_ / "elsewhere.image";
  fs::rename(StdlibImages::defaultPath(stdlib()), moved);
  StdlibImages images;
  images.setPath(stdlib(), moved);
  ParseCache cache;
  DiagnosticSink diags;
  load(diags, &cache, &images);
  EXPECT_EQ(cache.parses(), 1u);
  ASSERT_NE(images.forDirectory(stdlib()), nullptr);
  EXPECT_EQ(images.forDirectory(stdlib())->moduleCount(), 2u);
}

// The build tree's layout: build/stdlib is a link to the sources, and
// build/stdlib.image lies beside the link, not beside the sources.
TEST_F(StdlibImageLoad, ALinkedDirectoryHasItsImageBesideTheLink) {
  fs::path build = root_ / "build";
  fs::create_directories(build);
  fs::create_directory_symlink(stdlib(), build / "stdlib");
  fs::rename(StdlibImages::defaultPath(stdlib()), build / "stdlib.image");
  LoadOptions options;
  options.workingDir = root_ / "project";
  options.stdlibDirs = {build / "stdlib"};
  ParseCache cache;
  options.parseCache = &cache;
  DiagnosticSink diags;
  Program p = loadProgram({{"main.cairn", {}, {}}}, options, diags);
  EXPECT_EQ(p.modules.size(), 3u);
  EXPECT_EQ(cache.parses(), 1u);
}

// Every prefix of an image and random bit flips: the image is refused, or
// each module it yields is exactly the one that was stored.
class StdlibImageCorruption : public StdlibImageLoad {
protected:
  void expectNothingWrong(const std::string &bytes) {
    std::unique_ptr<StdlibImage> image = imageOf(bytes);
    if (image == nullptr)
      return;
    for (const char *module : {"lib/base.cairn", "lib/app.cairn"}) {
      std::string text = readText(stdlib() / module);
      SourceManager sources;
      FileId file = sources.add(module, text);
      DiagnosticSink diags;
      std::string parsed = dumpAst(parseModule(sources, file, diags));
      if (std::optional<ast::Module> loaded = image->load(module, sources.file(file).text(), file)) {
        EXPECT_EQ(dumpAst(*loaded), parsed) << module;
      }
    }
  }
  std::string bytes() { return readText(StdlibImages::defaultPath(stdlib())); }
};

TEST_F(StdlibImageCorruption, EveryTruncationIsRefused) {
  std::string whole = bytes();
  ASSERT_NE(imageOf(whole), nullptr);
  // A cut in the header or index fails its checks, a cut in the data leaves
  // the last module's bytes outside the file.
  for (size_t n = 0; n < whole.size(); ++n)
    EXPECT_EQ(imageOf(whole.substr(0, n)), nullptr) << n;
}

TEST_F(StdlibImageCorruption, BitFlipsNeverGiveAWrongModule) {
  std::string whole = bytes();
  std::mt19937 random(3);
  for (int i = 0; i < 2000; ++i) {
    std::string flipped = whole;
    size_t bit = random() % (flipped.size() * 8);
    flipped[bit / 8] = char(flipped[bit / 8] ^ (1 << (bit % 8)));
    expectNothingWrong(flipped);
  }
}

} // namespace
} // namespace cairn
