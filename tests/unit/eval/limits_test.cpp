// Runaway programs end in diagnostics, never in a crash.
#include <pthread.h>

#include <gtest/gtest.h>

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

// Evaluation on a thread with a small stack: the stack guard turns the
// recursion into E0507 long before the call limit is reached.
void *runOnSmallStack(void *out) {
  auto *codes = static_cast<std::vector<std::string> *>(out);
  auto r = run(std::string(kCountdown) + "let a = countdown(900)\n");
  *codes = r->codes();
  return nullptr;
}

TEST(Limits, SmallThreadStacksAreGuarded) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  std::vector<std::string> codes;
  pthread_t thread;
  ASSERT_EQ(pthread_create(&thread, &attr, runOnSmallStack, &codes), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  EXPECT_EQ(codes, std::vector<std::string>{"E0507"});
}

} // namespace
} // namespace cairn::evaltest
