// Builtins with known answers (published test vectors for base64 and
// SHA-256) and their misuse diagnostics.
#include <gtest/gtest.h>

#include "eval_fixture.h"

namespace cairn::evaltest {
namespace {

std::string value(const std::string &expr) {
  auto r = run("let v = " + expr + "\n");
  if (!r->checkedCleanly || !r->result.ok)
    return "<errors: " + ::testing::PrintToString(r->lines()) + ">";
  return r->show("v");
}

std::vector<std::string> errors(const std::string &expr) {
  auto r = run("let v = " + expr + "\n");
  EXPECT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  return r->lines();
}

TEST(Builtins, Base64Rfc4648Vectors) {
  const char *vectors[][2] = {{"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},
                              {"foo", "Zm9v"}, {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="},
                              {"foobar", "Zm9vYmFy"}};
  for (auto &v : vectors) {
    EXPECT_EQ(value(std::string("base64Encode(\"") + v[0] + "\")"), std::string("\"") + v[1] + "\"");
    EXPECT_EQ(value(std::string("base64Decode(\"") + v[1] + "\")"), std::string("\"") + v[0] + "\"");
  }
  EXPECT_EQ(value("base64Decode(\"Zm9vYmE\")"), "\"fooba\""); // padding may be left out
}

TEST(Builtins, Base64DecodeRejectsBadInput) {
  EXPECT_EQ(errors("base64Decode(\"Zm9v!A==\")"),
            std::vector<std::string>{"1:9 E0511 `base64Decode` failed: `!` at offset 4 is not a base64 character"});
  EXPECT_EQ(errors("base64Decode(\"Zm9vY\")"),
            std::vector<std::string>{"1:9 E0511 `base64Decode` failed: the length is not valid for base64"});
  EXPECT_EQ(errors("base64Decode(\"/w==\")"), // 0xFF is not text
            std::vector<std::string>{"1:9 E0511 `base64Decode` failed: the decoded bytes are not UTF-8 text"});
}

TEST(Builtins, Sha256Fips180Vectors) {
  EXPECT_EQ(value("sha256(\"abc\")"), "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
  EXPECT_EQ(value("sha256(\"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq\")"),
            "\"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1\"");
  // 55, 56 and 64 bytes: the padding edge cases.
  EXPECT_EQ(value("sha256(join([for i in range(55): \"a\"], \"\"))"),
            "\"9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318\"");
  EXPECT_EQ(value("sha256(join([for i in range(56): \"a\"], \"\"))"),
            "\"b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a\"");
  EXPECT_EQ(value("sha256(join([for i in range(64): \"a\"], \"\"))"),
            "\"ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb\"");
}

TEST(Builtins, JsonIsCompactOrderedAndEscaped) {
  EXPECT_EQ(value("toJson({ b = [1, 2.5, true], a = \"x\\\"y\\n\" })"),
            R"("{\"b\":[1,2.5,true],\"a\":\"x\\\"y\\n\"}")");
  EXPECT_EQ(value("toJson(fn(x: int) => x)").substr(0, 9), "<errors: ");
}

// Keys too: `n` is a boolean in YAML 1.1, which Kubernetes tools still read.
TEST(Builtins, YamlQuotesAmbiguousStrings) {
  auto r = run(R"(let v = toYaml({ s = ["true", "no", "0755", "1e3", "", "ok", ".5"], n = 1, f = 2.0, list = [{ a = 1 }] }))");
  ASSERT_TRUE(r->checkedCleanly);
  EXPECT_EQ(r->let("v").asString().str(), R"(s:
  - "true"
  - "no"
  - "0755"
  - "1e3"
  - ""
  - ok
  - ".5"
"n": 1
f: 2.0
list:
  - a: 1
)");
}

TEST(Builtins, Strings) {
  EXPECT_EQ(value("split(\"a--b--\", \"--\")"), R"(["a","b",""])");
  EXPECT_EQ(value("replace(\"aaa\", \"a\", \"bb\")"), R"("bbbbbb")");
  EXPECT_EQ(value("trim(\"\\t x \\n\")"), R"("x")");
  EXPECT_EQ(value("substr(\"hello\", 5)"), R"("")");
  EXPECT_EQ(value("toString(0.1)"), R"("0.1")");
  EXPECT_EQ(value("toInt(\"+7\")"), "7");
  EXPECT_EQ(value("toFloat(\"1e3\")"), "1000.0");
  EXPECT_EQ(errors("toInt(\"99999999999999999999\")"),
            std::vector<std::string>{"1:9 E0511 `toInt` failed: \"99999999999999999999\" is not an int"});
  EXPECT_EQ(errors("replace(\"a\", \"\", \"b\")"),
            std::vector<std::string>{"1:9 E0511 `replace` failed: the text to replace is empty"});
}

TEST(Builtins, Lists) {
  EXPECT_EQ(value("sort([2, 1.5, 1])"), "[1,1.5,2]");
  EXPECT_EQ(value("unique([1, 1.0, 2, [1], [1]])"), "[1,2,[1]]");
  EXPECT_EQ(value("max([3, 4.5, -1])"), "4.5");
  EXPECT_EQ(value("sum([0.5, 1, 2])"), "3.5");
  EXPECT_EQ(value("range(-2, 1)"), "[-2,-1,0]");
  auto mixed = run("let xs: [any] = [1, \"a\"]\nlet v = sort(xs)\n");
  EXPECT_EQ(mixed->lines(),
            std::vector<std::string>{
                "2:9 E0511 `sort` failed: the elements must be all numbers or all strings, found a string"});
  EXPECT_EQ(errors("abs(-9223372036854775807 - 1)"),
            std::vector<std::string>{"1:9 E0509 integer overflow in `abs(-9223372036854775807 - 1)`"});
}

TEST(Builtins, MergeKeepsPositionsOfTheFirstMap) {
  EXPECT_EQ(value("merge({ a = 1, b = 2 }, { c = 3, a = 4 })"), "{a:4,b:2,c:3}");
}

TEST(Builtins, FailReportsTheMessageAtTheCall) {
  auto r = run("let v = if true then fail(\"stop: ${1 + 1}\") else 0\n");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->lines(), std::vector<std::string>{"1:22 E0511 `fail` failed: stop: 2"});
  EXPECT_EQ(r->spanText(r->diags.diagnostics()[0].span), "fail(\"stop: ${1 + 1}\")");
}

} // namespace
} // namespace cairn::evaltest

namespace cairn::evaltest {
namespace {

// The default std::regex matcher recurses once per character and overflows
// the stack on long inputs; ours must not.
TEST(Builtins, RegexesOnLongStrings) {
  auto r = run(R"(
let s = join([for i in range(40000): "abcde"], "")
let m = matches(s, "^(a|b|c|d|e)+$")
schema S { n: string(/^[a-e]+$/) }
let t = len(S { n = s }.n)
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_TRUE(r->result.ok) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("m"), "true");
  EXPECT_EQ(r->show("t"), "200000");
}

TEST(Builtins, BackReferencesAreRejectedAtRunTime) {
  auto r = run(R"(let v = matches("aa", "(a)\\1"))");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  ASSERT_EQ(r->codes(), std::vector<std::string>{"E0511"});
}

} // namespace
} // namespace cairn::evaltest
