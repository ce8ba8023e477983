// String literals and keys as `cairn import yaml` writes them: each one is
// parsed back by the Cairn front end and must give the original text.
#include <gtest/gtest.h>

#include "frontend/parse.h"
#include "importers/yaml_import_text.h"

namespace cairn::importers {
namespace {

// Parses `let s = <literal>` and returns the string's value (or the errors).
std::string parsedString(const std::string &literal) {
  SourceManager sources;
  FileId file = sources.add("t.cairn", "let s = " + literal + "\n");
  DiagnosticSink diags;
  ast::Module module = parseModule(sources, file, diags);
  if (diags.hasErrors())
    return "<parse error: " + diags.diagnostics().front().message + ">";
  const auto *let = module.decl(module.decls().front()).as<ast::LetDecl>();
  const auto *lit = module.expr(let->value).as<ast::StringLit>();
  if (lit == nullptr || !lit->isConstant())
    return "<not a constant string>";
  return lit->constantText();
}

const std::vector<std::string> kTrickyStrings = {
    "",
    "plain",
    "say \"hi\"",
    "back\\slash and C:\\dir\\",
    "${HOME} and $HOME and $ and ${ and }",
    "tab\there",
    "line\n",
    "\r\n windows",
    "bell\x07 and del\x7f",
    "unicode: héllo ✓ 😀",
};

TEST(YamlImportText, OneLineStringsReadBackExactly) {
  for (const std::string &text : kTrickyStrings)
    EXPECT_EQ(parsedString(cairnString(text)), text) << cairnString(text);
}

TEST(YamlImportText, InterpolationIsEscaped) {
  EXPECT_EQ(cairnString("${x}"), "\"\\${x}\"");
  EXPECT_EQ(cairnString("cost: $5"), "\"cost: $5\"");
}

const std::vector<std::string> kMultilineStrings = {
    "a\nb",
    "a\nb\n",
    "a\nb\n\n",
    "server {\n  listen 80;\n}\n",
    "\tindented with a tab\nnext\n",
    "  leading spaces\n    more\n",
    "blank\n\nlines\n\n\nbetween\n",
    "quotes \"\"\" inside\n\"\"\"\"\nend",
    "ends with quotes\n\"\"",
    "escapes \\n stay\n${VAR:-x} and \\${y}\n",
};

// Blocks would read these back exactly too, but their trailing white space
// is invisible and editors trim it, so the importer writes them escaped.
const std::vector<std::string> kTrailingWhiteSpace = {
    "trailing spaces   \nline  \n",
    "   \n  only white space lines\n   ",
    "tab at the end\t\nnext\n",
};

TEST(YamlImportText, MultilineBlocksReadBackExactly) {
  for (const std::string &text : kMultilineStrings) {
    ASSERT_TRUE(prefersMultiline(text)) << text;
    for (unsigned indent : {0u, 2u, 8u}) {
      std::string out;
      appendMultiline(out, text, indent);
      EXPECT_EQ(parsedString(out), text) << out;
    }
  }
}

TEST(YamlImportText, TrailingWhiteSpaceStaysEscaped) {
  for (const std::string &text : kTrailingWhiteSpace) {
    EXPECT_FALSE(prefersMultiline(text)) << text;
    for (unsigned indent : {0u, 4u}) {
      std::string out;
      appendMultiline(out, text, indent);
      EXPECT_EQ(parsedString(out), text) << out;
    }
  }
}

TEST(YamlImportText, MultilineLayout) {
  std::string out;
  appendMultiline(out, "a\n  b\n", 4);
  EXPECT_EQ(out, "\"\"\"\n    a\n      b\n\n    \"\"\"");
}

TEST(YamlImportText, OnlyRealMultilineTextGetsABlock) {
  EXPECT_FALSE(prefersMultiline("one line"));
  EXPECT_FALSE(prefersMultiline("one line\n"));
  EXPECT_FALSE(prefersMultiline("\n\n"));
  EXPECT_FALSE(prefersMultiline("a\r\nb\r\n")); // a `\r` is invisible in a block
  EXPECT_FALSE(prefersMultiline("a\nb\x01"));
  EXPECT_TRUE(prefersMultiline("a\nb"));
}

TEST(YamlImportText, KeysAreQuotedWhenNotNames) {
  EXPECT_EQ(cairnKey("app"), "app");
  EXPECT_EQ(cairnKey("type"), "type"); // keywords are fine as keys
  EXPECT_EQ(cairnKey("app.kubernetes.io/name"), "\"app.kubernetes.io/name\"");
  EXPECT_EQ(cairnKey("9lives"), "\"9lives\"");
  EXPECT_EQ(cairnKey(""), "\"\"");
}

TEST(YamlImportText, CamelNames) {
  EXPECT_EQ(camelName("web-config"), "webConfig");
  EXPECT_EQ(camelName("my_app.v2"), "myAppV2");
  EXPECT_EQ(camelName("2nd"), "_2nd");
  EXPECT_EQ(camelName("if"), "if_");
  EXPECT_EQ(camelName("---"), "object");
}

TEST(YamlImportText, Numbers) {
  EXPECT_EQ(cairnInt(-5), "-5");
  EXPECT_EQ(cairnInt(INT64_MIN), "(-9223372036854775807 - 1)");
  EXPECT_EQ(cairnFloat(0.1), "0.1");
  EXPECT_EQ(cairnFloat(2.0), "2.0");
}

} // namespace
} // namespace cairn::importers
