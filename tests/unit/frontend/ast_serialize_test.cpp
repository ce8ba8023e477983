// The AST encoding behind the precompiled standard library: every module of
// the standard library and of the file tests (error nodes included) reads back
// exactly as parsed, and truncated or corrupted bytes are rejected.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <fmt/format.h>

#include "frontend/ast_dump.h"
#include "frontend/ast_serialize.h"
#include "frontend/parse.h"

namespace cairn {
namespace {

namespace fs = std::filesystem;

// Uses every kind of node: declarations, types with refinements, literals,
// strings with escapes and interpolation, comprehensions, lambdas, `with`,
// policies, doc comments, comments.
constexpr llvm::StringLiteral kSample = R"cairn(import "k8s/apps/v1" as apps
import "./lib.cairn"
// a comment
param env: "dev" | "prod" = "dev"
param ratio: float(0.5..2.5) = 1.5
secret param token: string = "t"
/// The replica count.
let replicas: int(1..20) = if env == "prod" then 3 else 1
let name: string(/^[a-z]+$/) = "web"
type Labels = {string: string}
type Pick = fn(int, string?) -> [bool]
fn scale(n: int, by: int): int = let (m = n * by) -m % 7 + 1
schema App extends apps.Base {
  /// Its name.
  name: string = "app-${env}\n\t\"x\""
  port?: int(1..65535)
  tags: [string] = [for t in ["a", "b"] if t != "b": t]
  check port == null || port != 22, "not ssh"
}
let lookup = {for k, v in {a = 1}: k = v + 1}
let app = App { name = "x", metadata.labels { app = "x" } }
let changed = app with { tags = [] }
let maybe = app?.port ?? 0
let f = fn(x: int) => x > 2 && !false
let idx = [1, 2][0] + scale(2, 3)
let multi = """
  text ${name}
  """
emit { kind = "X", n = null, r = 1.25e3, v = f(idx) }
policy "no-ssh" on App {
  level = "warning"
  param ports: [int] = [22]
  check app.port != 22, "port ${app.port}" at app.port
}
)cairn";

ast::Module parse(SourceManager &sources, FileId file, DiagnosticSink &diags) {
  return parseModule(sources, file, diags);
}

// Every span of a module, in node order, so two modules can be compared
// beyond what the dump shows.
std::string spans(const ast::Module &m) {
  std::string out;
  auto add = [&](Span s) { out += fmt::format("{}:{}-{} ", s.file.index, s.begin, s.end); };
  for (size_t i = 0; i < m.exprCount(); ++i)
    add(m.expr(ast::ExprId{uint32_t(i)}).span);
  for (size_t i = 0; i < m.typeCount(); ++i)
    add(m.type(ast::TypeExprId{uint32_t(i)}).span);
  for (ast::DeclId id : m.decls())
    add(m.decl(id).span), out += m.decl(id).docComment.str() + ";";
  for (Span s : m.comments)
    add(s);
  return out;
}

void expectRoundTrip(const std::string &name, const std::string &text) {
  SCOPED_TRACE(name);
  SourceManager sources;
  FileId file = sources.add(name, text);
  DiagnosticSink diags;
  ast::Module parsed = parse(sources, file, diags);
  llvm::StringRef source = sources.file(file).text();
  std::optional<std::string> bytes = serializeModule(parsed, source);
  ASSERT_TRUE(bytes.has_value());
  std::optional<ast::Module> read = deserializeModule(*bytes, source, file);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(dumpAst(*read), dumpAst(parsed));
  EXPECT_EQ(spans(*read), spans(parsed));
  EXPECT_EQ(read->exprCount(), parsed.exprCount());
  // Writing the copy again gives the same bytes: strings that pointed into
  // the source still do, at the same offsets, and saved ones are still saved.
  EXPECT_EQ(serializeModule(*read, source), bytes);
}

std::string readText(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

size_t roundTripEvery(const fs::path &dir) {
  size_t files = 0;
  for (const fs::directory_entry &entry : fs::recursive_directory_iterator(dir))
    if (entry.path().extension() == ".cairn") {
      expectRoundTrip(entry.path().lexically_relative(dir).generic_string(), readText(entry.path()));
      ++files;
    }
  return files;
}

TEST(AstSerialize, SampleReadsBackExactly) {
  SourceManager sources;
  DiagnosticSink diags;
  parse(sources, sources.add("sample.cairn", kSample.str()), diags);
  for (const Diagnostic &d : diags.diagnostics())
    ADD_FAILURE() << "the sample should parse cleanly: " << d.message << " at " << d.span.begin;
  expectRoundTrip("sample.cairn", kSample.str());
}

TEST(AstSerialize, EveryStandardLibraryModuleReadsBackExactly) {
  EXPECT_GE(roundTripEvery(fs::path(CAIRN_SOURCE_DIR) / "stdlib"), 40u);
}

// The file tests include syntax errors, so error nodes and recovered trees are covered too.
TEST(AstSerialize, EveryFileTestReadsBackExactly) {
  EXPECT_GE(roundTripEvery(fs::path(CAIRN_SOURCE_DIR) / "tests" / "cases"), 100u);
}

TEST(AstSerialize, SourceStringsPointIntoTheGivenText) {
  SourceManager sources;
  FileId file = sources.add("a.cairn", "let alpha = 1\n");
  DiagnosticSink diags;
  ast::Module parsed = parse(sources, file, diags);
  std::optional<std::string> bytes = serializeModule(parsed, sources.file(file).text());
  ASSERT_TRUE(bytes.has_value());
  std::string copy = "let alpha = 1\n"; // the same text at another address
  std::optional<ast::Module> read = deserializeModule(*bytes, copy, FileId{7});
  ASSERT_TRUE(read.has_value());
  const auto *let = read->decl(read->decls()[0]).as<ast::LetDecl>();
  ASSERT_NE(let, nullptr);
  EXPECT_EQ(let->name.text.data(), copy.data() + 4);
  EXPECT_EQ(let->name.span.file, FileId{7});
}

class AstSerializeCorruption : public ::testing::Test {
protected:
  void SetUp() override {
    file_ = sources_.add("sample.cairn", kSample.str());
    DiagnosticSink diags;
    ast::Module parsed = parse(sources_, file_, diags);
    bytes_ = *serializeModule(parsed, text());
  }
  llvm::StringRef text() const { return sources_.file(file_).text(); }

  SourceManager sources_;
  FileId file_;
  std::string bytes_;
};

TEST_F(AstSerializeCorruption, EveryTruncationIsRejected) {
  for (size_t n = 0; n < bytes_.size(); ++n) {
    llvm::StringRef cut = llvm::StringRef(bytes_).take_front(n);
    EXPECT_FALSE(deserializeModule(cut, text(), file_).has_value()) << n;
    // The body decoder alone, past the checksum, must notice the missing end.
    if (n >= 8) {
      EXPECT_FALSE(decodeModuleBody(cut.drop_front(8), text(), file_).has_value()) << n;
    }
  }
}

TEST_F(AstSerializeCorruption, BitFlipsAreRejected) {
  std::mt19937 random(42);
  for (int i = 0; i < 3000; ++i) {
    std::string flipped = bytes_;
    size_t bit = random() % (flipped.size() * 8);
    flipped[bit / 8] = char(flipped[bit / 8] ^ (1 << (bit % 8)));
    EXPECT_FALSE(deserializeModule(flipped, text(), file_).has_value()) << bit;
  }
}

// Without the checksum, a flipped body may still decode (a flipped literal is
// a valid module), but never to a node outside the source or the arenas.
TEST_F(AstSerializeCorruption, FlippedBodiesStayInBounds) {
  std::mt19937 random(7);
  std::string body = bytes_.substr(8);
  size_t rejected = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string flipped = body;
    size_t bit = random() % (flipped.size() * 8);
    flipped[bit / 8] = char(flipped[bit / 8] ^ (1 << (bit % 8)));
    std::optional<ast::Module> m = decodeModuleBody(flipped, text(), file_);
    if (!m) {
      ++rejected;
      continue;
    }
    for (ast::DeclId id : m->decls()) {
      const ast::Decl &d = m->decl(id);
      EXPECT_LE(d.span.end, text().size());
      if (const auto *let = d.as<ast::LetDecl>()) {
        EXPECT_TRUE(!let->value.valid() || let->value.index < m->exprCount());
      }
    }
  }
  EXPECT_GT(rejected, 750u) << "the structural checks alone catch a good share";
}

} // namespace
} // namespace cairn
