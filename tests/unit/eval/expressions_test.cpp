// Expressions: operators, strings, comprehensions, access, and the
// run-time errors they raise, with the spans those errors point at.
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

TEST(Expressions, Arithmetic) {
  EXPECT_EQ(value("[7 / 2, -7 / 2, 7 % -3, -7 % 3]"), "[3,-3,1,-1]");
  EXPECT_EQ(value("[1 + 0.5, 3 / 2.0, 2.5 % 1]"), "[1.5,1.5,0.5]");
  EXPECT_EQ(value("[\"a\" + \"b\", [1] + [2, 3]]"), R"(["ab",[1,2,3]])");
}

TEST(Expressions, Interpolation) {
  EXPECT_EQ(value(R"("${1}|${1.0}|${-2.5e-7}|${true}|${"s"}")"), R"("1|1.0|-2.5e-07|true|s")");
}

TEST(Expressions, Comprehensions) {
  EXPECT_EQ(value("[for i, x in [\"a\", \"b\"] for y in [1, 2] if y > i: \"${x}${y}\"]"),
            R"(["a1","a2","b2"])");
  EXPECT_EQ(value("{for k, v in { a = 1, b = 2 } if v > 1: k = v * 2}"), "{b:4}");
}

TEST(Expressions, OptionalAccess) {
  auto r = run(R"(
schema P { name: string, tag?: string }
let p: P? = null
let q = P { name = "x" }
let m = { a = 1 }
let values = [p?.name, q.tag, q?.tag ?? "none"]
let byIndex = [m["a"], [10, 20][1]]
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("values"), R"([null,null,"none"])");
  EXPECT_EQ(r->show("byIndex"), "[1,20]");
}

TEST(Expressions, RunTimeErrorsAndTheirSpans) {
  auto r = run(R"(
let m = { a = 1 }
let xs = [1, 2]
let n: {string: int}? = null
let big = 9223372036854775807
let e1 = 10 / (2 - 2)
let e2 = xs[len(xs)]
let e3 = m.missing
let e4 = m["missing"]
let e5 = n.a
let e6 = big * 2
let e7 = -(big + 1)
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->lines(), (std::vector<std::string>{
                            "6:10 E0503 division by zero",
                            "7:13 E0504 index 2 is out of range for a list of length 2",
                            "8:12 E0505 key `missing` is not in the map",
                            "9:12 E0505 key `missing` is not in the map",
                            "10:10 E0506 cannot read `a` of `null`",
                            "11:10 E0509 integer overflow in `big * 2`",
                            "12:12 E0509 integer overflow in `big + 1`",
                        }));
  EXPECT_EQ(r->spanText(r->diags.diagnostics()[0].span), "10 / (2 - 2)");
  // The lets that did not fail are still there.
  EXPECT_EQ(r->show("xs"), "[1,2]");
}

TEST(Expressions, ValuesOutOfAnyAreCheckedWhenTheyMeetATypedSlot) {
  auto r = run(R"(
let raw: any = { port = "80", name = "web" }
fn port(p: int): int = p + 1
let a: string = raw.name
let b = port(raw.port)
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("a"), R"("web")");
  ASSERT_EQ(r->codes(), std::vector<std::string>{"E0510"});
  const Diagnostic &d = r->diags.diagnostics()[0];
  EXPECT_EQ(d.message, "expected `int`, found a string");
  EXPECT_EQ(r->spanText(d.span), "\"80\"");
  EXPECT_EQ(r->spanText(d.labels[0].span), "raw.port");
  EXPECT_EQ(r->spanText(d.labels[1].span), "int");
}

TEST(Expressions, OperatorsOnAnyValuesCheckKinds) {
  auto r = run("let x: any = \"s\"\nlet y = if x then 1 else 2\n");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->lines(), std::vector<std::string>{"2:12 E0510 expected `bool`, found a string"});
}

TEST(Expressions, LetsAreEvaluatedOnceAndOnlyWhenNeeded) {
  // `unused` would fail, but only `cairn eval` asks for every let; building
  // evaluates what the emits need.
  auto r = runFiles({{"main.cairn", "let unused = 1 / 0\nlet used = { n = 1 }\nemit used\n"}});
  ASSERT_TRUE(r->checkedCleanly);
  EXPECT_EQ(r->codes(), std::vector<std::string>{"E0503"}); // from collecting the lets
  EXPECT_EQ(r->documents(), std::vector<std::string>{"{n:1}"});
}

TEST(Expressions, AnErrorInASharedLetIsReportedOnce) {
  auto r = run("let broken = [1][5]\nlet a = broken + 1\nlet b = broken + 2\nemit { a = a }\nemit { b = b }\n");
  ASSERT_TRUE(r->checkedCleanly);
  EXPECT_EQ(r->lines(), std::vector<std::string>{"1:18 E0504 index 5 is out of range for a list of length 1"});
}

} // namespace
} // namespace cairn::evaltest

namespace cairn::evaltest {
namespace {

TEST(Expressions, LocalLetsShadowAndAreChecked) {
  auto r = run(R"(
let x = 1
let a = let (x = 10) let (y: int = x + 1) [x, y]
fn port(n: int): int = let (p: int(1..100) = n * 10) p
let b = port(5)
let c = port(50)
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("a"), "[10,11]");
  EXPECT_EQ(r->show("b"), "50");
  EXPECT_EQ(r->lines(), std::vector<std::string>{"4:46 E0501 500 does not satisfy `int(1..100)`"});
}

TEST(Expressions, LambdasOutliveTheFramesTheyCapture) {
  auto r = run(R"(
fn makers(xs: [int]): [fn(int) -> int] = [for x in xs: let (k = x * 2) fn(y: int) => y + k + x]
let fs = makers([1, 2, 3])
let applied = [for f in fs: f(100)]
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("applied"), "[103,106,109]");
}

} // namespace
} // namespace cairn::evaltest
