// Schema instantiation: inputs, lazily evaluated defaults, presence rules,
// the explicit-input flags and spans `with` and source maps rely on.
#include <gtest/gtest.h>

#include "eval_fixture.h"

namespace cairn::evaltest {
namespace {

using eval::Value;

const eval::ObjectField &field(Value object, const char *name) {
  const eval::ObjectField *f = object.asObject().find(name);
  EXPECT_NE(f, nullptr) << name;
  static eval::ObjectField missing;
  return f ? *f : missing;
}

constexpr const char *kService = R"(
schema Service {
  name: string
  port: int = 80
  url: string = "http://${name}:${port}"
  note?: string
  owner: string?
}
)";

TEST(SchemaInstances, DefaultsSeeSiblingsInAnyOrder) {
  auto r = run(R"(
schema S {
  c: string = "${b}-c"
  b: string = "${a}-b"
  a: string
}
let s = S { a = "x" }
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("s"), R"(S{c:"x-b-c",b:"x-b",a:"x"})");
}

TEST(SchemaInstances, OptionalAbsentAndNullLeftOut) {
  auto r = run(std::string(kService) + R"(
let a = Service { name = "web" }
let b = Service { name = "web", note = "n", owner = "me" }
let c = Service { name = "web", owner = null }
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("a"), R"(Service{name:"web",port:80,url:"http://web:80"})");
  EXPECT_EQ(r->show("b"), R"(Service{name:"web",port:80,url:"http://web:80",note:"n",owner:"me"})");
  EXPECT_EQ(r->show("c"), r->show("a"));
  ASSERT_EQ(r->let("c").asObject().explicitNulls.size(), 1u);
  EXPECT_EQ(r->let("c").asObject().explicitNulls[0].name, "owner");
  EXPECT_TRUE(r->let("a").asObject().explicitNulls.empty());
}

TEST(SchemaInstances, ExplicitInputsAndSpans) {
  auto r = run(std::string(kService) + R"(
let s = Service { name = "web", port = 8080 }
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  Value s = r->let("s");
  EXPECT_EQ(s.asObject().typeName, "Service");
  EXPECT_EQ(r->spanText(s.span()), R"(Service { name = "web", port = 8080 })");
  EXPECT_TRUE(field(s, "name").explicitInput);
  EXPECT_TRUE(field(s, "port").explicitInput);
  EXPECT_FALSE(field(s, "url").explicitInput);
  // User values keep their own spans; names point where they were set.
  EXPECT_EQ(r->spanText(field(s, "port").value.span()), "8080");
  EXPECT_EQ(r->spanText(field(s, "port").nameSpan), "port");
  // A default keeps the default expression's span; its name span is the
  // schema's field declaration.
  EXPECT_EQ(r->spanText(field(s, "url").value.span()), R"("http://${name}:${port}")");
  EXPECT_EQ(r->where(field(s, "url").nameSpan), "5:3");
}

TEST(SchemaInstances, DottedPathsAndBlocksMergeIntoOneNestedObject) {
  auto r = run(R"(
schema Meta { name: string, namespace: string = "default", labels: {string: string} = {} }
schema Obj { metadata: Meta, data: {string: string} = {} }
let o = Obj {
  metadata.name = "cfg"
  metadata { labels { app = "web" } }
  metadata.labels.tier = "front"
  data."key.with.dots" = "v"
}
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("o"),
            R"(Obj{metadata:Meta{name:"cfg",namespace:"default",labels:{app:"web",tier:"front"}},data:{key.with.dots:"v"}})");
  Value meta = field(r->let("o"), "metadata").value;
  EXPECT_TRUE(field(r->let("o"), "metadata").explicitInput);
  EXPECT_EQ(r->spanText(field(r->let("o"), "metadata").nameSpan), "metadata");
  EXPECT_EQ(meta.asObject().typeName, "Meta");
  EXPECT_FALSE(field(meta, "namespace").explicitInput);
}

TEST(SchemaInstances, WithRecomputesDefaultsAndKeepsExplicitInputs) {
  auto r = run(std::string(kService) + R"(
let a = Service { name = "web", url = "fixed" }
let b = a with { port = 9000 }
let c = Service { name = "api" }
let d = c with { port = 9000, name = "api2" }
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("b"), R"(Service{name:"web",port:9000,url:"fixed"})");
  EXPECT_EQ(r->show("d"), R"(Service{name:"api2",port:9000,url:"http://api2:9000"})");
  EXPECT_TRUE(field(r->let("d"), "port").explicitInput);
  EXPECT_FALSE(field(r->let("d"), "url").explicitInput);
  // The base's explicit inputs keep the spans of the original literal.
  EXPECT_EQ(r->where(field(r->let("b"), "name").value.span()), "10:26");
}

TEST(SchemaInstances, WithOnAChildKeepsTheChildSchema) {
  auto r = run(R"(
schema Base { name: string, size: int = 1 }
schema Big extends Base { size: int = 10, extra: string = "${name}!" }
fn grow(b: Base): Base = b with { name = "grown" }
let g = grow(Big { name = "x" })
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("g"), R"(Big{name:"grown",size:10,extra:"grown!"})");
}

TEST(SchemaInstances, LambdasInDefaultsKeepSeeingTheInstance) {
  auto r = run(R"(
schema S {
  base: int
  scale: fn(int) -> int = fn(x: int) => x * base
}
let s = S { base = 3 }
let applied = s.scale(5)
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("applied"), "15");
}

TEST(SchemaInstances, RefinementFailurePointsAtTheUsersValue) {
  auto r = run(R"(
type Port = int(1..65535)
schema S { port: Port }
fn make(p: int): S = S { port = p }
let s = make(70000)
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  const Diagnostic *d = r->first("E0501");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(d->message, "70000 does not satisfy `Port`");
  EXPECT_EQ(r->spanText(d->span), "70000");
  ASSERT_EQ(d->labels.size(), 2u);
  EXPECT_EQ(r->spanText(d->labels[0].span), "p");
  EXPECT_EQ(r->spanText(d->labels[1].span), "Port");
  EXPECT_EQ(d->labels[1].message, "required by this type");
  EXPECT_FALSE(r->result.ok);
}

TEST(SchemaInstances, FailedChecksAreAllReportedAtTheLiteral) {
  auto r = run(R"(
schema R {
  low: int
  high: int
  check low <= high, "low ${low} is above high ${high}"
  check high < 100
}
let r = R { low = 500, high = 200 }
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->lines(), (std::vector<std::string>{
                            "8:9 E0502 check failed: low 500 is above high 200",
                            "8:9 E0502 check failed: `high < 100`",
                        }));
  const Diagnostic *d = r->first("E0502");
  ASSERT_EQ(d->labels.size(), 1u);
  EXPECT_EQ(d->labels[0].message, "check declared here");
  EXPECT_EQ(r->where(d->labels[0].span), "5:3");
  EXPECT_EQ(r->spanText(d->span), "R");
}

TEST(SchemaInstances, MapsFromBlocksAreCheckedAgainstTheirElementType) {
  auto r = run(R"(
schema S { limits: {string: int(0..100)} = {} }
fn make(n: int): S = S { limits { cpu = n } }
let ok = make(5)
let bad = make(500)
)");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("ok"), "S{limits:{cpu:5}}");
  EXPECT_EQ(r->lines(), std::vector<std::string>{"5:16 E0501 500 does not satisfy `int(0..100)`"});
}

} // namespace
} // namespace cairn::evaltest
