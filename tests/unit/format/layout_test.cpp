// The layout rules of docs/formatting.md, one construct at a time. Every
// expectation is also checked to be a fixed point (formatting it again).
#include <gtest/gtest.h>

#include "format_test_util.h"

using cairn::format::FormatOptions;
using cairn::format::testing::expectFormat;
using cairn::format::testing::formatText;

namespace {

TEST(FormatLayout, DeclarationsGetCanonicalSpacing) {
  expectFormat("import   \"k8s/apps/v1\"as apps\nparam env:\"dev\"|\"prod\"=\"dev\"\nlet  x:int=1+2*3\n"
               "type Port=int(1..65535)\nfn f(a:int,b:string):bool=a>0\nemit{a=1}\n",
               "import \"k8s/apps/v1\" as apps\nparam env: \"dev\" | \"prod\" = \"dev\"\nlet x: int = 1 + 2 * 3\n"
               "type Port = int(1..65535)\nfn f(a: int, b: string): bool = a > 0\nemit { a = 1 }\n");
}

TEST(FormatLayout, SecretParamsKeepTheirMark) {
  expectFormat("secret   param token:string\n/// Doc.\nsecret param  pin :int(1..9)=1 // c\nparam secret:bool\n",
               "secret param token: string\n/// Doc.\nsecret param pin: int(1..9) = 1 // c\nparam secret: bool\n");
}

TEST(FormatLayout, TypesOfEveryForm) {
  expectFormat("let x:[string]?={}\nlet m:{string:int}={}\nlet f:fn(int,string)->bool=g\n"
               "let n:-1|2.5|true|null|(int|string)={}\nlet r:string(..5,/^a+$/)=\"\"\n",
               "let x: [string]? = {}\nlet m: {string: int} = {}\nlet f: fn(int, string) -> bool = g\n"
               "let n: -1 | 2.5 | true | null | (int | string) = {}\nlet r: string(..5, /^a+$/) = \"\"\n");
}

TEST(FormatLayout, ObjectsStayOnOneLineWhenTheyFitAndWereWrittenSo) {
  expectFormat("let a = {x=1,y=2}\n", "let a = { x = 1, y = 2 }\n");
  expectFormat("let a = {x=1\ny=2}\n", "let a = { x = 1, y = 2 }\n");
  // The first member on a new line: the author's one member per line is kept.
  expectFormat("let a = {\n  x = 1, y = 2 }\n", "let a = {\n  x = 1\n  y = 2\n}\n");
  expectFormat("let a = {}\nlet b = core.Pod {}\n", "let a = {}\nlet b = core.Pod {}\n");
}

TEST(FormatLayout, ObjectsThatDoNotFitGoOneMemberPerLineWithoutCommas) {
  expectFormat("let a = { alpha = 1, beta = 2, gamma = 3 }\n", "let a = {\n  alpha = 1\n  beta = 2\n  gamma = 3\n}\n",
               FormatOptions{2, 20});
}

TEST(FormatLayout, DottedPathsBlocksQuotedKeysAndWith) {
  expectFormat("let a = x with {spec.replicas=2, metadata{ \"app.kubernetes.io/name\"=\"x\"}}\n",
               "let a = x with { spec.replicas = 2, metadata { \"app.kubernetes.io/name\" = \"x\" } }\n");
}

TEST(FormatLayout, ListsBreakOneItemPerLineWithATrailingComma) {
  expectFormat("let l = [1,2,3,]\n", "let l = [1, 2, 3]\n");
  expectFormat("let l = [\"alpha\", \"beta\", \"gamma\"]\n", "let l = [\n  \"alpha\",\n  \"beta\",\n  \"gamma\",\n]\n",
               FormatOptions{2, 20});
  expectFormat("let l = []\n", "let l = []\n");
}

TEST(FormatLayout, ASoleObjectHugsTheBrackets) {
  expectFormat("let l = [{\n  name = \"web\"\n  image = \"nginx\"\n}]\n",
               "let l = [{\n  name = \"web\"\n  image = \"nginx\"\n}]\n");
  expectFormat("let l = [{ name = \"web\" }]\n", "let l = [{ name = \"web\" }]\n");
}

TEST(FormatLayout, CallsBreakTheirArguments) {
  expectFormat("let x = f( a ,b )\n", "let x = f(a, b)\n");
  expectFormat("let x = someFunction(alpha, beta)\n", "let x =\n  someFunction(alpha, beta)\n", FormatOptions{2, 30});
  expectFormat("let x = someFunction(alphabet, betamax, gamma)\n",
               "let x = someFunction(\n  alphabet,\n  betamax,\n  gamma,\n)\n", FormatOptions{2, 30});
}

TEST(FormatLayout, LongOperatorChainsStartLinesWithTheOperator) {
  expectFormat("let ok = alpha > 1 && beta < 2 || gamma == 3\n",
               "let ok =\n  alpha > 1 && beta < 2\n    || gamma == 3\n", FormatOptions{2, 24});
  expectFormat("let x = -a + !b ?? c ?? d\n", "let x = -a + !b ?? c ?? d\n");
  expectFormat("let x = (a + b) * c % 2 / 3 - 1 <= 4 != false\n", "let x = (a + b) * c % 2 / 3 - 1 <= 4 != false\n");
}

TEST(FormatLayout, IfThenElseBreaksBeforeEveryElse) {
  expectFormat("let x = if a then 1 else if b then 2 else 3\n", "let x = if a then 1 else if b then 2 else 3\n");
  expectFormat("let x = if alpha then 1 else if beta then 2 else 3\n",
               "let x =\n  if alpha then 1\n  else if beta then 2\n  else 3\n", FormatOptions{2, 30});
}

TEST(FormatLayout, LetInPutsTheBodyOnItsOwnLine) {
  expectFormat("fn f(x: int): int = let (y: int = x * 2) y + 1\n",
               "fn f(x: int): int =\n  let (y: int = x * 2)\n  y + 1\n");
}

TEST(FormatLayout, LambdasAndComprehensions) {
  expectFormat("let a = map(xs, fn(x) => x+1)\nlet b = [ for k , v in m if v>0 : k ]\nlet c = { for k in ks: k = true }\n",
               "let a = map(xs, fn(x) => x + 1)\nlet b = [for k, v in m if v > 0: k]\nlet c = {for k in ks: k = true}\n");
  expectFormat("let t = fn(x: int, y) => x\nlet i = xs[0].name?.first\n",
               "let t = fn(x: int, y) => x\nlet i = xs[0].name?.first\n");
}

TEST(FormatLayout, SchemasOneMemberPerLine) {
  expectFormat("schema A extends core.Base { name: string, \"quoted-key\"?: int = 3 check name != \"\", \"empty\" }\n"
               "schema E {}\n",
               "schema A extends core.Base {\n  name: string\n  \"quoted-key\"?: int = 3\n  check name != \"\", \"empty\"\n}\n"
               "schema E {}\n");
}

TEST(FormatLayout, PoliciesOneMemberPerLine) {
  expectFormat("policy \"p\" on core.Pod { param max: int = 3, level = \"error\" check a < max, \"too many\" at a }\n",
               "policy \"p\" on core.Pod {\n  param max: int = 3\n  level = \"error\"\n  check a < max, \"too many\" at a\n}\n");
  expectFormat("policy \"p\" on core.Pod { check alpha, \"a long message here\" at location }\n",
               "policy \"p\" on core.Pod {\n  check alpha,\n    \"a long message here\"\n    at location\n}\n",
               FormatOptions{2, 30});
}

TEST(FormatLayout, StringsAndRegexesAreKeptByteForByte) {
  std::string text = "let s = \"a\\tb ${ x+1 } \\u{1F600} $ \\\"q\\\"\"\n"
                     "let m = \"\"\"\n  first   \n    ${ y }  \"\" \\\"\"\" \n\"\"\"\n"
                     "let r: string(/a\\/b[ ]+/) = \"x\"\n";
  expectFormat(text, text);
}

TEST(FormatLayout, BlankLinesBetweenDeclarationsAreKeptButAtMostOne) {
  expectFormat("\n\nlet a = 1\n\n\n\nlet b = 2\nlet c = 3\n\n\n", "let a = 1\n\nlet b = 2\nlet c = 3\n");
  expectFormat("let o = {\n\n  a = 1\n\n\n  b = 2\n\n}\n", "let o = {\n  a = 1\n\n  b = 2\n}\n");
}

TEST(FormatLayout, IndentWidthIsAnOption) {
  expectFormat("let o = {\n a = 1\n}\n", "let o = {\n    a = 1\n}\n", FormatOptions{4, 100});
}

TEST(FormatLayout, EmptyFileAndOnlyComments) {
  expectFormat("", "");
  expectFormat("\n\n", "");
  expectFormat("// only a comment   \n\n\n/* and a block */\n", "// only a comment\n\n/* and a block */\n");
}

TEST(FormatLayout, SyntaxErrorsAreNeverFormatted) {
  size_t errors = 0;
  EXPECT_FALSE(formatText("let x = {\n", {}, &errors).has_value());
  EXPECT_GT(errors, 0u);
  EXPECT_FALSE(formatText("let = 3\n", {}, &errors).has_value());
  EXPECT_FALSE(formatText("/* never closed\nlet x = 1\n", {}, &errors).has_value());
  EXPECT_FALSE(formatText("let s = \"unterminated\n", {}, &errors).has_value());
}

} // namespace
