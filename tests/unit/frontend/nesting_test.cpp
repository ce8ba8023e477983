// The parser's nesting bound (E0112): deep input of every shape stops with
// one diagnostic at the token that went too deep, real sources stay far
// below the bound, and input just under it still parses.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "frontend/parse.h"

namespace cairn {
namespace {

namespace fs = std::filesystem;

struct Parsed {
  std::vector<Diagnostic> diags;
  uint32_t deepest = 0;
};

Parsed parse(const std::string &text) {
  SourceManager sources;
  DiagnosticSink diags;
  FileId file = sources.add("t.cairn", text);
  ParseMeasurement measurement;
  parseModule(sources, file, diags, measurement);
  return {diags.take(), measurement.deepestNesting};
}

std::string repeat(const std::string &piece, size_t n) {
  std::string out;
  out.reserve(piece.size() * n);
  for (size_t i = 0; i < n; ++i)
    out += piece;
  return out;
}

void expectTooDeep(const std::string &text) {
  Parsed p = parse(text);
  ASSERT_EQ(p.diags.size(), 1u) << text.substr(0, 60);
  EXPECT_EQ(std::string(p.diags[0].code()), "E0112");
  EXPECT_TRUE(p.diags[0].span.valid());
  EXPECT_FALSE(p.diags[0].hint.empty());
}

TEST(Nesting, DeepInputOfEveryShapeIsOneError) {
  expectTooDeep("let x = " + repeat("[", 50000) + repeat("]", 50000));
  expectTooDeep("let x = " + repeat("(", 50000) + "1" + repeat(")", 50000));
  expectTooDeep("let x = " + repeat("{ a = ", 20000) + "1" + repeat(" }", 20000));
  expectTooDeep("emit " + repeat("{ spec ", 50000) + "{}" + repeat(" }", 50000));
  expectTooDeep("let x = " + repeat("if true then ", 20000) + "1" + repeat(" else 0", 20000));
  expectTooDeep("let x = " + repeat("-", 50000) + "1");
  expectTooDeep("let x: " + repeat("[", 50000) + "int" + repeat("]", 50000) + " = []");
}

TEST(Nesting, LongOperatorChainsCountOneLevelPerOperator) {
  expectTooDeep("let x = " + repeat("1 + ", 50000) + "1");
  expectTooDeep("let x = a" + repeat(".b", 100000));
  expectTooDeep("let x = f" + repeat("(1)", 20000));
  // A chain well under the bound is fine.
  Parsed ok = parse("let x = " + repeat("1 + ", 500) + "1");
  EXPECT_TRUE(ok.diags.empty());
  EXPECT_GE(ok.deepest, 500u);
  EXPECT_LE(ok.deepest, kMaxParseNesting);
}

TEST(Nesting, TooManyTokensIsOneErrorBeforeParsing) {
  Parsed p = parse("let x = [" + repeat("1,", kMaxParseTokens / 2 + 10) + "1]");
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(std::string(p.diags[0].code()), "E0113");
  EXPECT_EQ(p.deepest, 0u); // refused before the parser ran
}

TEST(Nesting, ReasonableDepthStillParses) {
  Parsed p = parse("let x = " + repeat("[", 100) + repeat("]", 100));
  EXPECT_TRUE(p.diags.empty());
}

TEST(Nesting, EveryFileOfTheProjectStaysFarBelowTheBound) {
  uint32_t deepest = 0;
  std::string where;
  size_t files = 0;
  for (const char *dir : {"stdlib", "samples", "tests/cases"})
    for (const auto &entry : fs::recursive_directory_iterator(fs::path(CAIRN_SOURCE_DIR) / dir)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".cairn" ||
          entry.path().filename().string().rfind("fail_nesting", 0) == 0)
        continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      Parsed p = parse(text.str());
      ++files;
      if (p.deepest > deepest) {
        deepest = p.deepest;
        where = entry.path().string();
      }
    }
  EXPECT_GT(files, 300u);
  // A quarter of the bound leaves room for code much deeper than ours.
  EXPECT_LT(deepest, kMaxParseNesting / 4) << where;
}

} // namespace
} // namespace cairn
