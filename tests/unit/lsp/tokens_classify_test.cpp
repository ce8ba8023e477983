#include <gtest/gtest.h>

#include "lsp/handlers_presentation.h"
#include "lsp/semantic_tokens.h"
#include "test_workspace.h"
#include "tokens_test_util.h"

namespace cairn::lsp {
namespace {

using test::Annotated;
using test::TestWorkspace;

// Every range named after a token type must be exactly one token of that type.
void expectMarkedTokens(const std::string &marked) {
  Annotated a(marked);
  TestWorkspace ws;
  ws.add("main.cairn", a.code);
  auto snap = ws.analyze();
  uint32_t m = TestWorkspace::module(*snap, "main.cairn");
  auto tokens = test::decodeTokens(a.code, encodeSemanticTokens(a.code, semanticTokens(*snap, m)));
  for (const char *type : tokenTypeNames())
    for (auto range : a.allRanges(type)) {
      const test::DecodedToken *t = test::tokenAt(tokens, range);
      std::string text = a.code.substr(range.first, range.second - range.first);
      ASSERT_NE(t, nullptr) << "no token at `" << text << "`";
      EXPECT_EQ(t->type, type) << "for `" << text << "`";
    }
}

TEST(SemanticTokens, ClassifiesDeclarationsAndReferences) {
  expectMarkedTokens(R"(import "k8s/apps/v1" as $namespace[[apps]]
$comment[[/// An application.]]
$keyword[[schema]] $class[[App]] {
  $property[[name]]: $type[[string]]
  $property[[replicas]]: $type[[int]]($number[[0]]..$number[[50]]) = $number[[1]]
  $property[[env]]: $enumMember[["dev"]] | $enumMember[["prod"]] = "dev"
  $property[[type]]: string = "x" $comment[[// a keyword as a field name]]
}
$keyword[[fn]] $function[[double]]($parameter[[n]]: int): int = $parameter[[n]] $operator[[*]] 2
$keyword[[let]] $variable[[web]] = $class[[App]] { $property[[name]] = "web", $property[[type]] = "y" }
let total = $function[[len]]([for $variable[[x]] in [1, 2]: $function[[double]]($variable[[x]])])
let f = fn($parameter[[v]]) => $parameter[[v]] + 1
let pattern: string($regexp[[/[a-z]+/]]) = "ab"
emit $namespace[[apps]].$class[[Deployment]] {
  metadata { $property[[name]] = $variable[[web]].$property[[name]] }
  spec.selector.matchLabels = { app = "web" }
  spec.template.spec.containers = [{ name = "web", image = "nginx" }]
}
)");
}

TEST(SemanticTokens, ModifiersMarkDeclarationsStdlibAndDocs) {
  Annotated a(R"(import "k8s/apps/v1" as apps
$doc[[/// Doc.]]
let $decl[[size]] = $builtin[[len]]([1])
let d: apps.$stdlib[[Deployment]] = apps.Deployment { metadata {}, spec { selector {}, template {} } }
)");
  TestWorkspace ws;
  ws.add("main.cairn", a.code);
  auto snap = ws.analyze();
  auto tokens = test::decodeTokens(a.code, encodeSemanticTokens(a.code, semanticTokens(*snap, TestWorkspace::module(*snap, "main.cairn"))));
  ASSERT_NE(test::tokenAt(tokens, a.range("doc")), nullptr);
  EXPECT_TRUE(test::tokenAt(tokens, a.range("doc"))->modifiers & kDocumentation);
  ASSERT_NE(test::tokenAt(tokens, a.range("decl")), nullptr);
  EXPECT_TRUE(test::tokenAt(tokens, a.range("decl"))->modifiers & kDeclaration);
  EXPECT_TRUE(test::tokenAt(tokens, a.range("decl"))->modifiers & kReadonly);
  ASSERT_NE(test::tokenAt(tokens, a.range("builtin")), nullptr);
  EXPECT_TRUE(test::tokenAt(tokens, a.range("builtin"))->modifiers & kDefaultLibrary);
  ASSERT_NE(test::tokenAt(tokens, a.range("stdlib")), nullptr);
  EXPECT_EQ(test::tokenAt(tokens, a.range("stdlib"))->type, "class");
  EXPECT_TRUE(test::tokenAt(tokens, a.range("stdlib"))->modifiers & kDefaultLibrary);
}

TEST(SemanticTokens, PolicyKeywordsOnAndAt) {
  expectMarkedTokens(R"(import "k8s/core/v1" as core
$keyword[[policy]] $string[["pinned"]] $keyword[[on]] core.$class[[Container]] {
  $property[[level]] = "warning"
  check $function[[contains]]($property[[image]], ":"), "unpinned" $keyword[[at]] $property[[image]]
}
let on = 1
let at = $variable[[on]]
)");
}

TEST(SemanticTokens, InterpolationIsCodeBetweenStringPieces) {
  expectMarkedTokens(R"(let name = "x"
let s = $string[["a ]]${$variable[[name]]}$string[[ b"]]
let t = $string[["x\\\"\${y}"]] + $string[["a//b"]] $comment[[// name is not code here]]
)");
}

TEST(SemanticTokens, MultiLineTokensAreCutPerLineInUtf16Units) {
  std::string code = "let s = \"\"\"\n  \u00e9\U0001F600 x\n  \"\"\"\n/* a\nb */\n";
  TestWorkspace ws;
  ws.add("main.cairn", code);
  auto snap = ws.analyze();
  auto data = encodeSemanticTokens(code, semanticTokens(*snap, TestWorkspace::module(*snap, "main.cairn")));
  auto tokens = test::decodeTokens(code, data);
  std::vector<std::pair<std::string, std::string>> strings;
  for (const auto &t : tokens)
    if (t.type == "string" || t.type == "comment")
      strings.push_back({t.type, code.substr(t.begin, t.end - t.begin)});
  std::vector<std::pair<std::string, std::string>> expected = {
      {"string", "\"\"\""}, {"string", "  \u00e9\U0001F600 x"}, {"string", "  \"\"\""}, {"comment", "/* a"}, {"comment", "b */"}};
  EXPECT_EQ(strings, expected);
  // The second line's piece: 2 spaces + é (1 unit) + 😀 (2 units) + " x" = 7 UTF-16 units.
  std::vector<uint32_t> stringLengths;
  for (size_t i = 0; i + 4 < data.size(); i += 5)
    if (data[i + 3] == static_cast<uint32_t>(TokenType::String))
      stringLengths.push_back(data[i + 2]);
  EXPECT_EQ(stringLengths, (std::vector<uint32_t>{3, 7, 5}));
  auto whole = encodeSemanticTokens(code, semanticTokens(*snap, TestWorkspace::module(*snap, "main.cairn")), 0,
                                    UINT32_MAX, /*multiline=*/true);
  EXPECT_LT(whole.size(), data.size()) << "with multiline support the string stays one token";
}

TEST(SemanticTokens, RangeRequestKeepsOnlyOverlappingTokens) {
  Annotated a("let a = 1\n$r[[let b = 2]]\nlet c = 3\n");
  TestWorkspace ws;
  ws.add("main.cairn", a.code);
  auto snap = ws.analyze();
  auto [begin, end] = a.range("r");
  auto inRange = semanticTokens(*snap, TestWorkspace::module(*snap, "main.cairn"), begin, end);
  auto tokens = test::decodeTokens(a.code, encodeSemanticTokens(a.code, inRange, begin, end));
  ASSERT_EQ(tokens.size(), 4u); // let, b, =, 2
  EXPECT_EQ(tokens[1].type, "variable");
  EXPECT_EQ(tokens.front().begin, a.range("r").first);
  EXPECT_EQ(tokens.back().end, a.range("r").second);
}

TEST(SemanticTokens, BrokenDocumentsStillGetTokens) {
  for (const char *code : {"let x = ", "schema { a: }", "let y = [1, {a = }\nfn (", "emit \"unterminated\nlet z = 1",
                           "/* open comment", "let s = \"\"\"\n  abc ${ 1 +", "}}}]]) let", "import as as",
                           "policy \"p\" on { check at", "let = fn(,) =>", ""}) {
    TestWorkspace ws;
    ws.add("main.cairn", code);
    auto snap = ws.analyze();
    uint32_t m = TestWorkspace::module(*snap, "main.cairn");
    auto data = encodeSemanticTokens(code, semanticTokens(*snap, m));
    EXPECT_EQ(data.size() % 5, 0u) << code;
    auto tokens = test::decodeTokens(code, data);
    for (const auto &t : tokens)
      EXPECT_LE(t.end, std::string(code).size()) << code;
  }
}

TEST(SemanticTokens, LegendMatchesTheEncoding) {
  json caps = presentationCapabilities();
  const json &legend = caps["semanticTokensProvider"]["legend"];
  ASSERT_EQ(legend["tokenTypes"].size(), tokenTypeNames().size());
  EXPECT_EQ(legend["tokenTypes"][static_cast<int>(TokenType::Class)], "class");
  EXPECT_EQ(legend["tokenTypes"][static_cast<int>(TokenType::EnumMember)], "enumMember");
  EXPECT_EQ(legend["tokenModifiers"][3], "documentation");
  EXPECT_TRUE(caps["semanticTokensProvider"]["range"].get<bool>());
}

} // namespace
} // namespace cairn::lsp
