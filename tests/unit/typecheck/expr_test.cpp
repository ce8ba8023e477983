// Expressions: operators, calls, lambdas, comprehensions, access, and their errors.
#include <gtest/gtest.h>

#include "check_fixture.h"

namespace cairn::checktest {
namespace {

using Lines = std::vector<std::string>;

TEST(CheckExpr, InfersTypesOfLets) {
  auto r = check(R"(
let a = 1 + 2
let b = 1 + 2.5
let c = "x" + "y"
let d = [1, 2] + [3]
let e = if a > 1 then 1 else 2.0
let f = [1, "x"]
let g = []
let h = {for k, v in { a = 1 }: k = v * 2}
let i = [for x in [1, 2] if x > 1: "${x}"]
let j: int? = null
let k = j ?? 0
let l = j == null
)");
  EXPECT_EQ(r->lines(), Lines{});
  EXPECT_EQ(r->declType("a"), "int");
  EXPECT_EQ(r->declType("b"), "float");
  EXPECT_EQ(r->declType("c"), "string");
  EXPECT_EQ(r->declType("d"), "[int]");
  EXPECT_EQ(r->declType("e"), "float");
  EXPECT_EQ(r->declType("f"), "[int | string]");
  EXPECT_EQ(r->declType("g"), "[never]");
  EXPECT_EQ(r->declType("h"), "{string: int}");
  EXPECT_EQ(r->declType("i"), "[string]");
  EXPECT_EQ(r->declType("k"), "int");
  EXPECT_EQ(r->declType("l"), "bool");
}

TEST(CheckExpr, GenericBuiltinsInferLambdaParameters) {
  auto r = check(R"(
let doubled = map([1, 2], fn(x) => x * 2)
let names = map([{ n = "a" }], fn(o) => o.n)
let big = filter([1, 5, 9], fn(x) => x > 3)
let n = len(keys({ a = 1 }))
let s = sort(["b", "a"])
let total = sum([1.5, 2])
let flat = flatten([[1], [2, 3]])
let m = merge({ a = 1 }, { b = "x" })
let ok = all([1, 2], fn(x) => x > 0) && contains(["a"], "a") && has({ a = 1 }, "a")
let r = range(3)
let t = substr(upper(trim(" x ")), 0, 1)
)");
  EXPECT_EQ(r->lines(), Lines{});
  EXPECT_EQ(r->declType("doubled"), "[int]");
  EXPECT_EQ(r->exprType("x * 2"), "int");
  EXPECT_EQ(r->declType("names"), "[string]");
  EXPECT_EQ(r->declType("big"), "[int]");
  EXPECT_EQ(r->declType("n"), "int");
  EXPECT_EQ(r->declType("s"), "[string]");
  EXPECT_EQ(r->declType("total"), "float");
  EXPECT_EQ(r->declType("flat"), "[int]");
  EXPECT_EQ(r->declType("m"), "{string: int | string}");
  EXPECT_EQ(r->declType("r"), "[int]");
  EXPECT_EQ(r->declType("t"), "string");
}

TEST(CheckExpr, BuiltinArgumentErrors) {
  auto r = check("let a = len(3)\nlet b = upper(1)\nlet c = map([1], fn(x) => x.y)\nlet d = sort([{ a = 1 }])\n");
  EXPECT_EQ(r->lines(), (Lines{"1:13 E0302 expected `string | [any] | {string: any}`, found `int`",
                               "2:15 E0302 expected `string`, found `int`",
                               "3:29 E0312 `int` has no member `y`",
                               "4:14 E0302 expected `[string] | [int] | [float]`, found `[{string: int}]`"}));
}

TEST(CheckExpr, ArityMessagesReadWell) {
  auto r = check("fn f(a: int): int = a\nlet x = f(1, 2)\nlet y = f()\nlet z = substr(\"a\")\nlet w = len()\n");
  EXPECT_EQ(r->lines(), (Lines{"2:14 E0305 `f` takes 1 argument but 2 were given",
                               "3:9 E0305 `f` takes 1 argument but none was given",
                               "4:9 E0305 `substr` takes 2 or 3 arguments but 1 was given",
                               "5:9 E0305 `len` takes 1 argument but none was given"}));
  EXPECT_EQ(r->first("E0305")->labels.at(0).message, "defined here");
}

TEST(CheckExpr, CallingNonFunctions) {
  auto r = check("let a = 1\nlet b = a(2)\nlet f = fn(x: int) => x + 1\nlet c: string = f(1)\n");
  EXPECT_EQ(r->lines(), (Lines{"2:9 E0308 `a` is not a function",
                               "4:17 E0302 expected `string`, found `int`"}));
}

TEST(CheckExpr, OperatorErrors) {
  auto r = check("let a = 1 + \"x\"\nlet b = !3\nlet c = 1 == \"a\"\nlet d = \"a\" < 1\nlet e = true && 1\n");
  EXPECT_EQ(r->lines(), (Lines{"1:11 E0306 operator `+` cannot be applied to `int` and `string`",
                               "2:9 E0307 operator `!` cannot be applied to `int`",
                               "3:11 E0306 operator `==` cannot be applied to `int` and `string`",
                               "4:13 E0306 operator `<` cannot be applied to `string` and `int`",
                               "5:14 E0306 operator `&&` cannot be applied to `bool` and `int`"}));
}

TEST(CheckExpr, ConditionsMustBeBool) {
  auto r = check("let a = if 1 then 2 else 3\nlet b = [for x in [1] if x: x]\n");
  EXPECT_EQ(r->lines(), (Lines{"1:12 E0315 condition must be `bool`, found `int`",
                               "2:26 E0315 condition must be `bool`, found `int`"}));
}

TEST(CheckExpr, IndexingAndIteration) {
  auto r = check("let xs = [1, 2]\nlet a = xs[0]\nlet b = { a = 1 }[\"a\"]\nlet c = \"abc\"[0]\n"
                 "let d = xs[\"x\"]\nlet e = [for c in \"abc\": c]\n");
  EXPECT_EQ(r->lines(), (Lines{"4:9 E0311 cannot index a value of type `string`",
                               "5:12 E0302 expected `int`, found `string`",
                               "6:19 E0314 cannot iterate over a value of type `string`"}));
  EXPECT_EQ(r->declType("a"), "int");
  EXPECT_EQ(r->declType("b"), "int");
}

TEST(CheckExpr, MemberAccess) {
  auto r = check(R"(
schema S { name: string, note?: string, tags: {string: string} = {} }
let s = S { name = "a" }
let n = s.name
let o = s.note
let t = s.tags.team
let bad = s.nme
let q = s?.name
let maybe: S? = null
let p = maybe?.note
)");
  EXPECT_EQ(r->lines(), (Lines{"7:13 E0312 `S` has no member `nme`",
                               "8:10 E0323 `?.` on `S`, which is never null"}));
  EXPECT_EQ(r->first("E0312")->hint, "did you mean `name`?");
  EXPECT_EQ(r->declType("o"), "string?");
  EXPECT_EQ(r->declType("q"), "string"); // `?.` adds null only when the object may be null
  EXPECT_EQ(r->declType("t"), "string");
  EXPECT_EQ(r->declType("p"), "string?");
}

TEST(CheckExpr, LambdasNeedParameterTypes) {
  auto r = check("let f = fn(x) => x\nlet g: fn(int) -> int = fn(x) => x + 1\n");
  EXPECT_EQ(r->lines(), Lines{"1:12 E0313 cannot infer the type of parameter `x`; add a type annotation"});
  EXPECT_EQ(r->declType("g"), "fn(int) -> int");
}

TEST(CheckExpr, InterpolationNeedsScalars) {
  auto r = check("let a = \"${1} ${2.5} ${true} ${\"s\"}\"\nlet b = \"${[1]}\"\n");
  EXPECT_EQ(r->lines(), Lines{"2:12 E0302 expected `string | int | float | bool`, found `[int]`"});
}

TEST(CheckExpr, ConstantsAgainstRefinementsAndLiterals) {
  auto r = check(R"(
type Port = int(1..65535)
type Policy = "Always" | "Never"
let a: Port = 8080
let b: Port = 70000
let c: Policy = "Always"
let d: Policy = "Sometimes"
let e: string(1..3) = "abcd"
let f: string(/^[a-z]+$/) = "ABC"
let g: Port = 60000 + 10000
let h: float(0..1) = 2
let n = 5
let i: Port = n
)");
  EXPECT_EQ(r->lines(), (Lines{"5:15 E0310 `70000` does not satisfy `Port`",
                               "7:17 E0310 `\"Sometimes\"` does not satisfy `Policy`",
                               "8:23 E0310 `\"abcd\"` does not satisfy `string(1..3)`",
                               "9:29 E0310 `\"ABC\"` does not satisfy `string(/^[a-z]+$/)`",
                               "10:15 E0310 `70000` does not satisfy `Port`",
                               "11:22 E0310 `2` does not satisfy `float(0.0..1.0)`"}));
  const Diagnostic *d = r->first("E0310");
  ASSERT_FALSE(d->labels.empty());
  EXPECT_EQ(r->spanText(d->labels[0].span), "(1..65535)");
}

TEST(CheckExpr, NullOnlyGoesToNullableTypes) {
  auto r = check("let a: string = null\nlet b: string? = null\nlet c: any = null\n");
  EXPECT_EQ(r->lines(), Lines{"1:17 E0302 expected `string`, found `null`"});
}

TEST(CheckExpr, ListsAreCovariantAndEmptyListsFitAnyList) {
  auto r = check(R"(
schema P { a: int }
schema C extends P { b: int = 1 }
let cs = [C { a = 1 }]
let ps: [P] = cs
let none: [string] = []
let wrong: [C] = [P { a = 1 }]
)");
  EXPECT_EQ(r->lines(), Lines{"7:19 E0302 expected `C`, found `P`"});
}

TEST(CheckExpr, FunctionTypesAreContravariantInParameters) {
  auto r = check(R"(
fn apply(f: fn(int) -> float, x: int): float = f(x)
fn g(x: float): int = 1
let a = apply(g, 2)
fn h(x: string): int = 1
let b = apply(h, 2)
)");
  EXPECT_EQ(r->lines(), Lines{"6:15 E0302 expected `fn(int) -> float`, found `fn(string) -> int`"});
}

TEST(CheckDecls, CyclicLets) {
  auto r = check("let a = b + 1\nlet b = a + 1\nlet c: int = c\nlet f = fn(x: int) => f(x)\n");
  EXPECT_EQ(r->lines(), (Lines{"1:5 E0309 `a` is defined in terms of itself",
                               "3:5 E0309 `c` is defined in terms of itself",
                               "4:5 E0309 `f` is defined in terms of itself"}));
  EXPECT_EQ(r->first("E0309")->notes.at(0), "the definitions form a cycle: `a` -> `b` -> `a`");
}

TEST(CheckDecls, AnnotatedRecursiveLambdaIsFine) {
  auto r = check("let f: fn(int) -> int = fn(x) => if x == 0 then 0 else f(x - 1)\n");
  EXPECT_EQ(r->lines(), Lines{});
}

TEST(CheckDecls, RecursiveFunctionsNeedAResultType) {
  auto r = check("fn fact(n: int): int = if n <= 1 then 1 else n * fact(n - 1)\n"
                 "fn bad(n: int) = if n <= 1 then 1 else n * bad(n - 1)\n");
  EXPECT_EQ(r->lines(), Lines{"2:4 E0318 recursive function `bad` needs a declared return type"});
  EXPECT_EQ(r->declType("fact"), "fn(int) -> int");
}

TEST(CheckDecls, EmitNeedsObjects) {
  auto r = check("schema S { a: int }\nemit S { a = 1 }\nemit [S { a = 1 }]\nemit { kind = \"x\" }\nemit 3\nemit [\"a\"]\n");
  EXPECT_EQ(r->lines(), (Lines{"5:6 E0412 `emit` needs an object or a list of objects, found `int`",
                               "6:6 E0412 `emit` needs an object or a list of objects, found `[string]`"}));
}

TEST(CheckDecls, ParamsAndDefaults) {
  auto r = check("param replicas: int(1..10) = 3\nparam env: \"dev\" | \"prod\" = \"qa\"\nparam name: string\nlet x = replicas + 1\n");
  EXPECT_EQ(r->lines(), Lines{"2:29 E0310 `\"qa\"` does not satisfy `\"dev\" | \"prod\"`"});
  EXPECT_EQ(r->declType("x"), "int");
}

TEST(CheckTypes, RefinementAndAliasErrors) {
  auto r = check(R"(
type A = B
type B = [A]
type R = bool(1..2)
type E = int(5..1)
type X = string(/a(/)
type M = {int: string}
type F = int(1.5..3)
)");
  EXPECT_EQ(r->lines(), (Lines{"2:6 E0321 type `A` is defined in terms of itself",
                               "4:14 E0319 refinement `(1..2)` cannot apply to `bool`",
                               "5:14 E0320 range `5..1` contains no value",
                               "6:17 E0108 invalid regular expression `a(`: unbalanced parenthesis",
                               "7:11 E0322 map keys must be `string`, found `int`",
                               "8:14 E0319 refinement `(1.5..3)` cannot apply to `int`"}));
}

} // namespace
} // namespace cairn::checktest
