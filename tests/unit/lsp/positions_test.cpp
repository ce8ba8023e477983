#include "lsp/positions.h"

#include <gtest/gtest.h>

#include "annotations.h"
#include "test_workspace.h"

namespace cairn::lsp {
namespace {

TEST(LineIndex, CountsUtf16UnitsNotBytes) {
  // "é" is 2 bytes / 1 unit, "😀" is 4 bytes / 2 units.
  std::string text = "let a = \"é😀\"\nlet b = 1\n";
  LineIndex index(text);
  uint32_t afterEmoji = static_cast<uint32_t>(text.find("\"\n"));
  EXPECT_EQ(index.positionOf(afterEmoji), (Position{0, 12}));
  EXPECT_EQ(index.offsetOf({0, 12}), afterEmoji);
  EXPECT_EQ(index.offsetOf({1, 4}), text.find("b ="));
}

TEST(LineIndex, ClampsOutOfRangePositions) {
  std::string text = "ab\r\ncd";
  LineIndex index(text);
  EXPECT_EQ(index.offsetOf({0, 99}), 2u) << "past the line end: the end of the line, not the next line";
  EXPECT_EQ(index.offsetOf({7, 0}), text.size());
  EXPECT_EQ(index.positionOf(999), (Position{1, 2}));
}

TEST(LineIndex, PositionInsideSurrogatePairSnapsToCharacterStart) {
  std::string text = "x😀y";
  LineIndex index(text);
  EXPECT_EQ(index.offsetOf({0, 2}), 1u) << "the middle of the pair is the pair's start";
  EXPECT_EQ(index.offsetOf({0, 3}), 5u);
  EXPECT_EQ(index.positionOf(3), (Position{0, 1})) << "inside the UTF-8 bytes: the character's start";
}

TEST(LineIndex, LoneCarriageReturnEndsALine) {
  LineIndex index("a\rb\nc");
  EXPECT_EQ(index.lineCount(), 3u);
  EXPECT_EQ(index.offsetOf({1, 0}), 2u);
}

TEST(Annotations, MarkersBecomeOffsets) {
  test::Annotated a("let $def[[x]] = 1\nlet y = ^x + $two^2 // $ stays");
  EXPECT_EQ(a.code, "let x = 1\nlet y = x + 2 // $ stays");
  EXPECT_EQ(a.range("def"), std::make_pair(4u, 5u));
  EXPECT_EQ(a.point(), a.code.find("x +"));
  EXPECT_EQ(a.point("two"), a.code.find("2 //"));
}

TEST(TestWorkspace, AnalysesBuffersThatAreNotOnDisk) {
  test::TestWorkspace ws;
  ws.add("lib.cairn", "let port = 8080\n").add("main.cairn", "import \"./lib.cairn\"\nlet p: string = lib.port\n");
  auto snapshot = ws.analyze();
  uint32_t main = test::TestWorkspace::module(*snapshot, "main.cairn");
  EXPECT_EQ(snapshot->text(main), "import \"./lib.cairn\"\nlet p: string = lib.port\n");
  bool typeError = false;
  for (const Diagnostic &d : snapshot->diagnostics)
    typeError |= d.span.file == snapshot->program.modules[main].file && d.severity == Severity::Error;
  EXPECT_TRUE(typeError) << "the imported buffer's `port` is an int, not a string";
}

} // namespace
} // namespace cairn::lsp

#include "lsp/protocol.h"

namespace cairn::lsp {
namespace {

TEST(Uri, RoundTripsPathsWithSpacesAndNonAscii) {
  std::string path = "/home/me/my project/é.cairn";
  std::string uri = pathToUri(path);
  EXPECT_EQ(uri, "file:///home/me/my%20project/%C3%A9.cairn");
  EXPECT_EQ(uriToPath(uri), path);
  EXPECT_EQ(uriToPath("file:///C%3A/x"), "/C:/x");
  EXPECT_EQ(uriToPath("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(uriToPath("file://otherhost/x"), std::nullopt);
}

TEST(Protocol, MalformedPositionIsInvalidParams) {
  try {
    positionFromJson(json{{"line", "3"}});
    FAIL() << "no error";
  } catch (const ProtocolError &e) {
    EXPECT_EQ(e.code, kInvalidParams);
  }
}

} // namespace
} // namespace cairn::lsp

namespace cairn::lsp {
namespace {

TEST(Protocol, RangesOfSpansAreInUtf16Units) {
  test::Annotated a("let s = \"😀é\" let $t[[t]] = 1\nlet $u[[u]] = \"😀\"");
  test::TestWorkspace ws;
  ws.add("main.cairn", a.code);
  auto snapshot = ws.analyze();
  uint32_t m = test::TestWorkspace::module(*snapshot, "main.cairn");
  FileId file = snapshot->program.modules[m].file;
  auto [tb, te] = a.range("t");
  EXPECT_EQ(rangeOf(*snapshot, Span{file, tb, te}), (Range{{0, 18}, {0, 19}}));
  auto [ub, ue] = a.range("u");
  EXPECT_EQ(rangeOf(*snapshot, Span{file, ub, ue}), (Range{{1, 4}, {1, 5}}));
  EXPECT_EQ(offsetOf(*snapshot, m, Position{0, 18}), tb) << "and back";
}

} // namespace
} // namespace cairn::lsp
