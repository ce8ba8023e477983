// Parameters: text converted to the declared type, structured values from
// values files, and the E070x diagnostics.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "eval_fixture.h"

namespace cairn::evaltest {
namespace {

eval::ParamInput jsonParam(const std::string &name, const char *json) {
  eval::ParamInput input;
  input.name = name;
  input.fromText = false;
  input.json = std::make_shared<const nlohmann::ordered_json>(nlohmann::ordered_json::parse(json));
  input.origin = "values.yaml";
  return input;
}

constexpr const char *kParams = R"(
param env: "dev" | "prod" = "dev"
param replicas: int(1..10) = 1
param ratio: float = 0.5
param debug: bool = false
param name: string = "app"
param ports: [int] = [80]
param extra: any = null
param limit: int? = null
let all = [env, replicas, ratio, debug, name, ports, extra, limit]
)";

TEST(Params, DefaultsWhenNotSet) {
  auto r = run(kParams);
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("all"), R"(["dev",1,0.5,false,"app",[80],null,null])");
}

TEST(Params, TextIsConvertedToTheDeclaredType) {
  RunOptions options;
  options.params = {textParam("env", "prod"),   textParam("replicas", "7"),     textParam("ratio", "2"),
                    textParam("debug", "true"), textParam("name", "[not json]"), textParam("ports", "[1, 2]"),
                    textParam("extra", "{\"a\": [1, 2.5]}"), textParam("limit", "null")};
  auto r = run(kParams, options);
  ASSERT_TRUE(r->checkedCleanly);
  EXPECT_TRUE(r->result.ok) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("all"), R"(["prod",7,2.0,true,"[not json]",[1,2],{a:[1,2.5]},null])");
}

TEST(Params, BadValuesAreReportedAtTheDeclaration) {
  RunOptions options;
  options.params = {textParam("env", "qa"), textParam("replicas", "11"), textParam("ratio", "fast"),
                    textParam("ports", "[1, \"x\"]"), textParam("debug", "yes")};
  auto r = run(kParams, options);
  ASSERT_TRUE(r->checkedCleanly);
  EXPECT_EQ(r->lines(), (std::vector<std::string>{
                            "2:7 E0702 invalid value for parameter `env`: \"qa\" does not satisfy `\"dev\" | \"prod\"`",
                            "3:7 E0702 invalid value for parameter `replicas`: 11 does not satisfy `int(1..10)`",
                            "4:7 E0702 invalid value for parameter `ratio`: `fast` is not a valid `float`",
                            "7:7 E0702 invalid value for parameter `ports`: expected `int`, found a string",
                            "5:7 E0702 invalid value for parameter `debug`: `yes` is not a valid `bool`",
                        }));
  EXPECT_EQ(r->diags.diagnostics()[0].notes, std::vector<std::string>{"set by -p env=qa"});
}

TEST(Params, UnknownAndMissing) {
  RunOptions options;
  options.params = {textParam("replica", "2")};
  auto r = run("param replicas: int\nparam image: string\nlet x = 1\n", options);
  ASSERT_TRUE(r->checkedCleanly);
  EXPECT_EQ(r->lines(), (std::vector<std::string>{
                            "- E0701 no parameter named `replica`",
                            "1:7 E0703 parameter `replicas` has no default and was not set",
                            "2:7 E0703 parameter `image` has no default and was not set",
                        }));
  EXPECT_EQ(r->diags.diagnostics()[0].hint, "did you mean `replicas`?");
}

TEST(Params, ValuesFileObjectsBuildSchemaInstances) {
  RunOptions options;
  options.params = {jsonParam("svc", R"({"name": "web", "labels": {"a": "b"}})")};
  auto r = run(R"(
schema Svc { name: string, port: int = 80, labels: {string: string} = {}, url: string = "${name}:${port}" }
param svc: Svc
let s = svc
)",
               options);
  ASSERT_TRUE(r->checkedCleanly);
  EXPECT_TRUE(r->result.ok) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("s"), R"(Svc{name:"web",port:80,labels:{a:"b"},url:"web:80"})");
}

TEST(Params, ValuesFileNumbersFollowTheDeclaredType) {
  RunOptions options;
  options.params = {jsonParam("ratio", "2"), jsonParam("count", "3"), jsonParam("mixed", "[1, 2.5]")};
  auto r = run("param ratio: float = 0.5\nparam count: int = 0\nparam mixed: [float] = []\n"
               "let all = [ratio, count, mixed]\n",
               options);
  ASSERT_TRUE(r->checkedCleanly);
  EXPECT_EQ(r->show("all"), "[2.0,3,[1.0,2.5]]");
}

TEST(Params, ValuesFileObjectWithUnknownField) {
  RunOptions options;
  options.params = {jsonParam("svc", R"({"name": "web", "prot": 1})")};
  auto r = run("schema Svc { name: string, port: int = 80 }\nparam svc: Svc\nlet s = svc\n", options);
  ASSERT_TRUE(r->checkedCleanly);
  EXPECT_EQ(r->lines(), std::vector<std::string>{"2:7 E0401 unknown field `prot` in `Svc`"});
}

TEST(Params, OnlyEntriesThatDeclareAParamGetIt) {
  RunOptions options;
  options.params = {textParam("region", "eu")};
  auto r = runFiles({{"a.cairn", "import \"./lib.cairn\" as lib\nparam region: string = \"us\"\n"
                                 "let mine = region\nlet theirs = lib.region\n"},
                     {"lib.cairn", "param region: string = \"lib-default\"\n"}},
                    {"a.cairn"}, options);
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("mine"), R"("eu")");
  EXPECT_EQ(r->show("theirs"), R"("lib-default")");
}

} // namespace
} // namespace cairn::evaltest
