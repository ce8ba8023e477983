// Calls of pure functions are answered from earlier calls (call_memo.h):
// results are shared, never different, and the limits stay where they were.
#include <gtest/gtest.h>

#include "eval/function_purity.h"
#include "eval_fixture.h"

namespace cairn::evaltest {
namespace {

TEST(CallMemo, EqualCallsShareOneResult) {
  auto r = run(R"(
fn labels(i: int): {string: string} = { app = "svc-${i}", team = "team-${i % 10}" }
let seven = 7
let both = [labels(seven), labels(seven), labels(8)]
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  llvm::ArrayRef<eval::Value> items = r->let("both").asList();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(&items[0].asObject(), &items[1].asObject());
  EXPECT_NE(&items[0].asObject(), &items[2].asObject());
  EXPECT_EQ(r->show("both"),
            R"([{app:"svc-7",team:"team-7"},{app:"svc-7",team:"team-7"},{app:"svc-8",team:"team-8"}])");
}

TEST(CallMemo, ArgumentsWithOtherSpansAreOtherCalls) {
  // The result carries its argument's span; a call with the same text
  // written elsewhere must get its own span back.
  auto r = run(R"(
fn same(s: string): string = s
let a = same("x")
let b = same("x")
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->where(r->let("a").span()), "3:14");
  EXPECT_EQ(r->where(r->let("b").span()), "4:14");
}

TEST(CallMemo, AHitIsChargedTheStepsOfTheCall) {
  // One call of `work` takes about 60,000 steps: the second, answered by the
  // memo, must still count them and hit the limit.
  const char *program = R"(
fn work(n: int): int = sum([for i in range(n): i % 3])
let a = work(20000)
let b = work(20000)
)";
  RunOptions generous;
  generous.limits.maxSteps = 10'000'000;
  auto all = run(program, generous);
  ASSERT_TRUE(all->checkedCleanly) << ::testing::PrintToString(all->lines());
  ASSERT_TRUE(all->result.ok) << ::testing::PrintToString(all->lines());

  RunOptions tight;
  tight.limits.maxSteps = 100'000;
  auto limited = run(program, tight);
  EXPECT_EQ(limited->codes(), std::vector<std::string>{"E0508"});
}

TEST(CallMemo, AHitTooDeepForTheLimitFailsLikeTheCall) {
  // `chain` nests 4 calls. Called at the top first, it is remembered; called
  // again under 8 levels of recursion it needs 12 > 10 levels and must fail.
  RunOptions options;
  options.limits.maxCallDepth = 10;
  auto r = run(R"(
fn c4(): int = 4
fn c3(): int = c4()
fn c2(): int = c3()
fn chain(): int = c2()
fn down(n: int): int = if n == 0 then chain() else down(n - 1)
let first = chain()
let deep = down(7)
)",
               options);
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("first"), "4");
  EXPECT_EQ(r->codes(), std::vector<std::string>{"E0507"});
}

TEST(CallMemo, LambdasFromSchemaDefaultsOutliveTheInstance) {
  // The default's lambda reads a sibling field after the instance is built
  // (its slots were copied out of the evaluator's slot stack).
  auto r = run(R"(
schema Scaler {
  factor: int = 3
  apply: fn(int) -> int = fn(x: int) => x * factor
}
let s = Scaler { factor = 5 }
let nested = [for i in range(3): Scaler { factor = i }]
let applied = [s.apply(2)] + [for t in nested: t.apply(10)]
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("applied"), "[10,0,10,20]");
}

// Which functions the memo may answer.
class PurityTest : public ::testing::Test {
protected:
  bool pure(EvalRun &r, llvm::StringRef name) {
    eval::FunctionPurity purity(r.program, r.checked);
    uint32_t module = r.program.entries.front();
    const ast::Module &ast = r.program.modules[module].ast;
    for (ast::DeclId decl : ast.decls())
      if (const auto *fn = ast.decl(decl).as<ast::FnDecl>(); fn && fn->name.text == name)
        return purity.isPure(module, decl);
    ADD_FAILURE() << "no fn " << name.str();
    return false;
  }
};

TEST_F(PurityTest, ContextCallsAndFunctionValuesAreNotPureWhereverTheyAre) {
  RunOptions checkOnly;
  checkOnly.evaluate = false;
  auto r = run(R"(
fn inc(x: int): int = x + 1
fn twice(xs: [int]): [int] = map(xs, fn(x: int) => inc(inc(x)))
fn byName(xs: [int]): [int] = map(xs, inc)
fn here(): string = currentPath()
fn viaHere(x: int): string = "${x}${here()}"
fn passesHere(xs: [int]): [string] = map(xs, fn(x: int) => here())
fn callsValue(f: fn(int) -> int): int = f(1)
fn countdown(n: int): int = if n == 0 then 0 else countdown(n - 1)
fn usesCountdown(): int = countdown(3)
fn walk(n: int): string = if n == 0 then currentPath() else walk(n - 1)
fn usesWalk(): string = walk(2)
fn ping(n: int): int = if n == 0 then 0 else pong(n - 1)
fn pong(n: int): int = if n == 0 then 1 else ping(n - 1)
fn tick(n: int): string = if n == 0 then "" else tock(n - 1)
fn tock(n: int): string = if n == 0 then here() else tick(n - 1)
)",
               checkOnly);
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_TRUE(pure(*r, "inc"));
  EXPECT_TRUE(pure(*r, "twice"));
  EXPECT_TRUE(pure(*r, "byName"));
  EXPECT_FALSE(pure(*r, "here"));
  EXPECT_FALSE(pure(*r, "viaHere"));
  EXPECT_FALSE(pure(*r, "passesHere"));
  EXPECT_FALSE(pure(*r, "callsValue"));
  // Recursion itself is fine; reading the context anywhere in a cycle is not.
  EXPECT_TRUE(pure(*r, "countdown"));
  EXPECT_TRUE(pure(*r, "usesCountdown"));
  EXPECT_FALSE(pure(*r, "walk"));
  EXPECT_FALSE(pure(*r, "usesWalk"));
  EXPECT_TRUE(pure(*r, "ping"));
  EXPECT_TRUE(pure(*r, "pong"));
  EXPECT_FALSE(pure(*r, "tick"));
  EXPECT_FALSE(pure(*r, "tock"));
}

} // namespace
} // namespace cairn::evaltest
