// diffEdits (line edits between two texts) and formatRange.
#include <gtest/gtest.h>

#include "format_test_util.h"

using cairn::format::diffEdits;
using cairn::format::Edit;
using cairn::format::testing::applyEdits;

namespace {

TEST(FormatEdits, EqualTextsNeedNoEdit) { EXPECT_TRUE(diffEdits("a\nb\n", "a\nb\n").empty()); }

TEST(FormatEdits, OneChangedLineIsOneEdit) {
  std::vector<Edit> edits = diffEdits("a\nb\nc\n", "a\nB\nc\n");
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0].begin, 2u);
  EXPECT_EQ(edits[0].end, 4u);
  EXPECT_EQ(edits[0].text, "B\n");
}

TEST(FormatEdits, InsertionsDeletionsAndReplacementsApplyToTheTarget) {
  const char *cases[][2] = {
      {"a\nb\nc\n", "a\nc\n"},       {"a\nc\n", "a\nb\nc\n"},         {"", "x\n"},
      {"x\n", ""},                   {"a\nb", "a\nb\n"},             {"1\n2\n3\n4\n5\n", "0\n2\n3\nx\n5\n6\n"},
      {"p\nq\nr\ns\n", "s\nr\nq\np\n"},
  };
  for (auto &c : cases) {
    std::vector<Edit> edits = diffEdits(c[0], c[1]);
    EXPECT_EQ(applyEdits(c[0], edits), c[1]) << c[0] << "->" << c[1];
    for (size_t i = 1; i < edits.size(); ++i)
      EXPECT_LT(edits[i - 1].end, edits[i].begin + 1);
  }
  // Two separate changes stay two edits; the unchanged middle is not touched.
  EXPECT_EQ(diffEdits("1\n2\n3\n4\n5\n", "0\n2\n3\nx\n5\n").size(), 2u);
}

std::optional<std::vector<Edit>> range(const std::string &text, uint32_t begin, uint32_t end) {
  cairn::SourceManager sources;
  cairn::DiagnosticSink diags;
  cairn::FileId file = sources.add("range.cairn", text);
  return cairn::format::formatRange(sources, file, begin, end, diags);
}

TEST(FormatRange, OnlyTheSelectedLinesChange) {
  std::string text = "let a   = 1\nlet b   = 2\nlet c   = 3\n";
  // The middle of the second line: the whole line is formatted, nothing else.
  auto edits = range(text, 14, 15);
  ASSERT_TRUE(edits.has_value());
  EXPECT_EQ(applyEdits(text, *edits), "let a   = 1\nlet b = 2\nlet c   = 3\n");
}

TEST(FormatRange, ARangeInsideADeclarationFormatsWhatKeepsTheFileValid) {
  std::string text = "let a   = 1\nlet o = {\n  x   = 1, y = [1,\n  2]\n}\nlet c   = 3\n";
  size_t inside = text.find("y =");
  auto edits = range(text, static_cast<uint32_t>(inside), static_cast<uint32_t>(inside + 3));
  ASSERT_TRUE(edits.has_value());
  std::string result = applyEdits(text, *edits);
  EXPECT_EQ(result, "let a   = 1\nlet o = {\n  x = 1\n  y = [1, 2]\n}\nlet c   = 3\n");
}

TEST(FormatRange, NeverRewritesDeclarationsOutsideTheSelection) {
  // No blank lines: the line diff merges every changed line into one edit.
  std::string text = "let d1   =   1\nlet d2   =   2\nlet o = { a = 1,\n   b = 2 }\nlet d3   =   3\n";
  size_t inside = text.find("b = 2");
  auto edits = range(text, static_cast<uint32_t>(inside), static_cast<uint32_t>(inside + 5));
  ASSERT_TRUE(edits.has_value());
  EXPECT_EQ(applyEdits(text, *edits), "let d1   =   1\nlet d2   =   2\nlet o = { a = 1, b = 2 }\nlet d3   =   3\n");
}

TEST(FormatRange, SyntaxErrorsGiveNoEdits) {
  EXPECT_FALSE(range("let a = {\n", 0, 3).has_value());
}

} // namespace

namespace {

TEST(FormatLineEnds, CrlfFilesKeepCrlf) {
  cairn::SourceManager sources;
  cairn::DiagnosticSink diags;
  std::string text = "let a   = 1\r\nlet s = \"\"\"\r\n  x\r\n  \"\"\"\r\n";
  cairn::FileId file = sources.add("crlf.cairn", text);
  auto formatted = cairn::format::formatSource(sources, file, diags);
  ASSERT_TRUE(formatted.has_value());
  EXPECT_EQ(*formatted, "let a = 1\r\nlet s = \"\"\"\r\n  x\r\n  \"\"\"\r\n");
  cairn::FileId again = sources.add("again.cairn", *formatted);
  EXPECT_EQ(cairn::format::formatSource(sources, again, diags), *formatted) << "idempotent";
}

} // namespace
