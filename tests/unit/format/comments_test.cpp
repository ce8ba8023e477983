// Every comment survives formatting, in its place: own line, end of line,
// inside objects, lists, calls, schemas and policies, before a closing
// bracket, at the start and the end of the file.
#include <gtest/gtest.h>

#include "format_test_util.h"

using cairn::format::FormatOptions;
using cairn::format::testing::expectFormat;

namespace {

TEST(FormatComments, HeaderDocAndTrailingCommentsStay) {
  expectFormat("// header\n\n/// doc of a\nlet a = 1 // why one\nlet b=2/* inline */\n// the end\n",
               "// header\n\n/// doc of a\nlet a = 1 // why one\nlet b = 2 /* inline */\n// the end\n");
}

TEST(FormatComments, ACommentInsideAnObjectBreaksIt) {
  expectFormat("let o = { a = 1, // first\n b = 2 }\n", "let o = {\n  a = 1 // first\n  b = 2\n}\n");
  expectFormat("let o = { a = 1 /* one */, b = 2 }\n", "let o = { a = 1, /* one */ b = 2 }\n");
}

TEST(FormatComments, CommentsOnTheirOwnLineInsideBlocksAndBeforeTheClosingBrace) {
  expectFormat("let o = {\n  // lead\n  a = 1\n\n  // between\n  b { c = 2 // in block\n  }\n  // before close\n}\n",
               "let o = {\n  // lead\n  a = 1\n\n  // between\n  b {\n    c = 2 // in block\n  }\n"
               "  // before close\n}\n");
}

TEST(FormatComments, CommentsInListsAndCalls) {
  expectFormat("let l = [\n  1, // one\n  // two next\n  2\n  // after all\n]\n",
               "let l = [\n  1, // one\n  // two next\n  2,\n  // after all\n]\n");
  expectFormat("let x = f(a, // first\n b)\n", "let x = f(\n  a, // first\n  b,\n)\n");
}

TEST(FormatComments, CommentsInSchemasAndPolicies) {
  expectFormat("schema S {\n  // the name\n  name: string // required\n  /* block */ port: int\n  // last\n}\n"
               "policy \"p\" on S { // on S\n  level = \"error\" // loud\n  // the check\n  check name != \"\"\n}\n",
               "schema S {\n  // the name\n  name: string // required\n  /* block */ port: int\n  // last\n}\n"
               "policy \"p\" on S { // on S\n  level = \"error\" // loud\n  // the check\n  check name != \"\"\n}\n");
}

TEST(FormatComments, CommentsAfterOperatorsAndAssignments) {
  // The comment breaks the chain; it stays after its operator.
  expectFormat("let x = a || // either\n  b\n", "let x =\n  a\n    || // either\n    b\n");
  expectFormat("let x = // the value\n  3\n", "let x = // the value\n  3\n");
}

TEST(FormatComments, CommentsInsideInterpolationsStayInTheString) {
  std::string text = "let s = \"${ a /* in */ }\"\n";
  expectFormat(text, text);
}

TEST(FormatComments, EmptyObjectWithAComment) {
  expectFormat("let o = { /* nothing */ }\nlet p = {\n  // nothing yet\n}\n",
               "let o = { /* nothing */ }\nlet p = {\n  // nothing yet\n}\n");
}

} // namespace
