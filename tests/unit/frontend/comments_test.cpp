// Comments found by the lexer: what `cairn:ignore` directives and other
// comment readers rely on.
#include <gtest/gtest.h>

#include "frontend/comments.h"

namespace cairn {
namespace {

std::vector<std::string> commentTexts(const std::string &text) {
  SourceManager sources;
  FileId file = sources.add("t.cairn", text);
  std::vector<std::string> out;
  for (Span s : commentSpans(sources, file))
    out.push_back(sources.text(s).str());
  return out;
}

TEST(CommentSpans, FindsEveryKindOfCommentInOrder) {
  std::string text = "/// doc\n"
                     "let a = 1 // line\n"
                     "/* block\n   over lines */ let b = 2\n"
                     "let c = 3 /* inline */ + 4\n";
  EXPECT_EQ(commentTexts(text),
            (std::vector<std::string>{"/// doc", "// line", "/* block\n   over lines */", "/* inline */"}));
}

TEST(CommentSpans, SlashesInsideStringsAreNotComments) {
  std::string text = "let url = \"http://example.com\" // the real one\n"
                     "let multi = \"\"\"\n  // not a comment either\n  \"\"\"\n"
                     "let interp = \"${ \"//\" }/x\"\n";
  EXPECT_EQ(commentTexts(text), (std::vector<std::string>{"// the real one"}));
}

TEST(CommentSpans, SpansAreByteOffsetsAfterMultiByteText) {
  SourceManager sources;
  FileId file = sources.add("t.cairn", "let s = \"h\xC3\xA9llo \xF0\x9F\x98\x80\" // caf\xC3\xA9\n");
  std::vector<Span> spans = commentSpans(sources, file);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(sources.text(spans[0]), "// caf\xC3\xA9");
  EXPECT_EQ(sources.lineCol(file, spans[0].begin).column, 23u); // bytes (19 in characters)
}

TEST(CommentSpans, CarriageReturnIsNotPartOfALineComment) {
  EXPECT_EQ(commentTexts("let a = 1 // x\r\nlet b = 2\r\n"), (std::vector<std::string>{"// x"}));
}

TEST(CommentSpans, UnterminatedBlockCommentRunsToTheEnd) {
  EXPECT_EQ(commentTexts("let a = 1 /* never closed\nlet b = 2\n"),
            (std::vector<std::string>{"/* never closed\nlet b = 2\n"}));
}

TEST(CommentSpans, InvalidUtf8GivesNoComments) {
  EXPECT_TRUE(commentTexts("let a = \"\xFF\" // x\n").empty());
}

TEST(CommentSpans, SyntaxErrorsDoNotStopTheLexer) {
  EXPECT_EQ(commentTexts("let = = } } @ // after junk\n"), (std::vector<std::string>{"// after junk"}));
}

} // namespace
} // namespace cairn
