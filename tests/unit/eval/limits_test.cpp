// Runaway programs end in diagnostics, never in a crash.
#include <pthread.h>

#include <gtest/gtest.h>

#include "eval/evaluator.h"
#include "eval_fixture.h"

namespace cairn::evaltest {
namespace {

constexpr const char *kCountdown =
    "fn countdown(n: int): int = if n == 0 then 0 else 1 + countdown(n - 1)\n";

TEST(Limits, RecursionUpToTheDefaultLimitWorks) {
  auto r = run(std::string(kCountdown) + "let a = countdown(999)\n");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_TRUE(r->result.ok) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("a"), "999");
}

TEST(Limits, DeepRecursionIsAnErrorAtTheCall) {
  auto r = run(std::string(kCountdown) + "let a = countdown(100000000)\n");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_FALSE(r->result.ok);
  EXPECT_EQ(r->lines(), std::vector<std::string>{"1:55 E0507 recursion is deeper than 1000 calls"});
}

TEST(Limits, DeepRecursionThroughObjectsAndLambdasDoesNotOverflowTheStack) {
  // Each level nests literals, a comprehension and a lambda call: more C++
  // frames per Cairn call than plain recursion.
  auto r = run(R"(
schema Node { depth: int, children: [Node] = [] }
fn tree(n: int): Node =
  if n == 0 then Node { depth = 0 }
  else Node { depth = n, children = [for x in [n] if x > 0: map([x], fn(y: int) => tree(y - 1))[0]] }
let a = tree(100000).depth
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  ASSERT_EQ(r->codes(), std::vector<std::string>{"E0507"});
}

TEST(Limits, DefaultsThatInstantiateTheirOwnSchemaStop) {
  auto r = run(R"(
schema Chain { n: int = 0, next: Chain? = Chain { n = n + 1 } }
let c = Chain {}
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  ASSERT_EQ(r->codes(), std::vector<std::string>{"E0507"});
}

TEST(Limits, CustomCallDepth) {
  RunOptions options;
  options.limits.maxCallDepth = 10;
  auto r = run(std::string(kCountdown) + "let a = countdown(9)\nlet b = countdown(10)\n", options);
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("a"), "9");
  EXPECT_EQ(r->lines(), std::vector<std::string>{"1:55 E0507 recursion is deeper than 10 calls"});
}

TEST(Limits, StepLimitStopsEverything) {
  RunOptions options;
  options.limits.maxSteps = 10000;
  auto r = run(R"(
let r = range(1000)
let a = len([for i in r for j in r: i + j])
let b = 1
emit { b = b }
)",
               options);
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->codes(), std::vector<std::string>{"E0508"});
  EXPECT_EQ(r->diags.diagnostics()[0].message, "evaluation took more than 10000 steps");
  EXPECT_TRUE(r->result.lets.empty() || r->result.lets.size() == 1u);
}

TEST(Limits, StringSize) {
  RunOptions options;
  options.limits.maxStringBytes = 1000;
  auto r = run(R"(
fn grow(s: string, n: int): string = if n == 0 then s else grow(s + s, n - 1)
let ok = len(grow("x", 9))
let big = len(grow("x", 10))
let joined = len(join([for i in range(200): "abcdef"], ""))
)",
               options);
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("ok"), "512");
  EXPECT_EQ(r->codes(), (std::vector<std::string>{"E0512", "E0512"}));
  EXPECT_EQ(r->diags.diagnostics()[0].message, "a string of 1024 bytes is larger than the limit of 1000 bytes");
}

TEST(Limits, ValueMemory) {
  RunOptions options;
  options.limits.maxValueBytes = 1 << 20;
  auto r = run("let big = len(range(1000000))\n", options);
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  ASSERT_EQ(r->codes(), std::vector<std::string>{"E0512"});
  EXPECT_EQ(r->diags.diagnostics()[0].message,
            "the memory used by values is larger than the limit of 1048576 bytes");
}

void onSmallStack(void *(*body)(void *), void *arg) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  pthread_t thread;
  ASSERT_EQ(pthread_create(&thread, &attr, body, arg), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

// evaluateProgram brings its own stack: the caller's does not matter.
void *evaluateCountdown(void *out) {
  auto r = run(std::string(kCountdown) + "let a = countdown(900)\n");
  *static_cast<std::string *>(out) = r->show("a");
  return nullptr;
}

TEST(Limits, TheCallersStackDoesNotMatter) {
  std::string result;
  onSmallStack(evaluateCountdown, &result);
  EXPECT_EQ(result, "900");
}

// An evaluator on a small stack (what happens if no big thread can be made):
// the stack guard turns the recursion into E0507 before the stack runs out.
void *evaluateHere(void *arg) {
  auto *r = static_cast<EvalRun *>(arg);
  eval::EvalOptions options;
  eval::ValueArena arena;
  eval::Evaluator evaluator(r->program, r->checked, options, r->diags, arena);
  evaluator.collectLets(r->program.entries.front(), r->result.lets);
  return nullptr;
}

TEST(Limits, TheStackGuardStopsRecursionOnASmallStack) {
  RunOptions options;
  options.evaluate = false;
  auto r = run(std::string(kCountdown) + "let a = countdown(900)\n", options);
  ASSERT_TRUE(r->checkedCleanly);
  onSmallStack(evaluateHere, r.get());
  ASSERT_EQ(r->codes(), std::vector<std::string>{"E0507"});
  EXPECT_TRUE(r->result.lets.empty());
}

} // namespace
} // namespace cairn::evaltest
