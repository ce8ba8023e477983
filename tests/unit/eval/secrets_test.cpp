// Secrets: values of `secret param`s and everything computed from them are
// marked, and no diagnostic shows them (eval/secret.h); the values themselves
// are unchanged, so the output still holds them.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "eval/secret.h"
#include "eval/value_ops.h"
#include "eval_fixture.h"

namespace cairn::evaltest {
namespace {

using eval::containsSecret;
using eval::Value;

constexpr const char *kSecretText = "Pw-4f7c1e9a";

std::string allText(const EvalRun &r) {
  std::string text;
  for (const Diagnostic &d : r.diags.diagnostics()) {
    text += d.message + "\n" + d.hint + "\n";
    for (const std::string &note : d.notes)
      text += note + "\n";
  }
  return text;
}

std::unique_ptr<EvalRun> runWithPassword(const std::string &source, const std::string &password = kSecretText) {
  RunOptions options;
  options.params = {textParam("password", password)};
  return run(source, options);
}

TEST(Secrets, ASecretParamKeepsItsValueAndIsMarked) {
  auto r = runWithPassword("secret param password: string\nparam user: string = \"app\"\n"
                           "let p = password\nlet u = user\n");
  ASSERT_TRUE(r->result.ok) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->show("p"), "\"Pw-4f7c1e9a\"");
  EXPECT_TRUE(r->let("p").isSecret());
  EXPECT_FALSE(containsSecret(r->let("u")));
}

TEST(Secrets, ADefaultOfASecretParamIsMarkedToo) {
  auto r = run("secret param token: string = \"tok\"\nlet t = token\n");
  ASSERT_TRUE(r->result.ok);
  EXPECT_TRUE(r->let("t").isSecret());
}

TEST(Secrets, ValuesComputedFromASecretAreSecret) {
  auto r = runWithPassword(R"cairn(
secret param password: string
let joined = "db:" + password
let interpolated = "postgres://app:${password}@db"
let encoded = base64Encode(password)
let upperCased = upper(trim(password))
let parts = split(password, "-")
let firstPart = split(password, "-")[0]
let rejoined = join(split(password, "-"), "+")
let replaced = replace(password, "Pw", "x")
let length = len(password) + 1
let inList = ["public", password]
let inObject = { user = "app", password = password }
let public = "db:" + "app"
let publicItem = ["public", password][0]
)cairn");
  ASSERT_TRUE(r->result.ok) << ::testing::PrintToString(r->lines());
  for (const char *name : {"joined", "interpolated", "encoded", "upperCased", "parts", "firstPart", "rejoined",
                           "replaced", "length", "inList", "inObject"})
    EXPECT_TRUE(containsSecret(r->let(name))) << name;
  EXPECT_FALSE(containsSecret(r->let("public")));
  EXPECT_FALSE(containsSecret(r->let("publicItem")));
  // The values themselves are what they always were.
  EXPECT_EQ(r->show("interpolated"), "\"postgres://app:Pw-4f7c1e9a@db\"");
  EXPECT_EQ(r->show("encoded"), "\"UHctNGY3YzFlOWE=\"");
}

TEST(Secrets, ShowValuePrintsThePlaceholder) {
  auto r = runWithPassword("secret param password: string\nlet l = [1, password]\nlet n = len(password)\n");
  ASSERT_TRUE(r->result.ok);
  EXPECT_EQ(eval::showValue(r->let("l")), "<secret>");
  EXPECT_EQ(eval::showValue(r->let("n")), "<secret>");
}

TEST(Secrets, AFailingRefinementDoesNotShowTheValue) {
  auto r = runWithPassword(R"cairn(
secret param password: string
let short: string(1..5) = password
emit { apiVersion = "v1", kind = "ConfigMap", metadata.name = "x", data.v = short }
)cairn");
  EXPECT_FALSE(r->result.ok);
  ASSERT_NE(r->first("E0501"), nullptr) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->first("E0501")->message, "<secret> does not satisfy `string(1..5)`");
  EXPECT_EQ(allText(*r).find(kSecretText), std::string::npos) << allText(*r);
}

TEST(Secrets, ACheckMessageKeepsItsPublicParts) {
  auto r = runWithPassword(R"cairn(
secret param password: string
schema Login {
  user: string
  password: string
  check len(password) > 40, "password ${password} of ${user} is too short (${toString(len(password))})"
}
emit { apiVersion = "v1", kind = "ConfigMap", metadata.name = "x", data.v = Login { user = "app", password = password }.user }
)cairn");
  ASSERT_NE(r->first("E0502"), nullptr) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->first("E0502")->message, "check failed: password <secret> of app is too short (<secret>)");
}

TEST(Secrets, FailAndBuiltinFailuresDoNotShowTheValue) {
  auto failing = runWithPassword("secret param password: string\nlet x = fail(\"bad ${password}\")\n");
  ASSERT_NE(failing->first("E0511"), nullptr) << ::testing::PrintToString(failing->lines());
  EXPECT_EQ(failing->first("E0511")->message, "`fail` failed: bad <secret>");

  auto converting = runWithPassword("secret param password: string\nlet x = toInt(password)\n");
  ASSERT_NE(converting->first("E0511"), nullptr) << ::testing::PrintToString(converting->lines());
  EXPECT_EQ(converting->first("E0511")->message, "`toInt` failed: <secret> is not an int");
}

TEST(Secrets, AMissingKeyThatIsSecretIsNotShown) {
  auto r = runWithPassword("secret param password: string\nlet x = { a = 1 }[password]\n");
  ASSERT_NE(r->first("E0505"), nullptr) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->first("E0505")->message, "key `<secret>` is not in the map");
}

TEST(Secrets, ParamErrorsOfASecretParamShowNoValue) {
  RunOptions options;
  options.params = {textParam("pin", kSecretText), textParam("word", kSecretText)};
  auto r = run("secret param pin: int\nsecret param word: string(/^[a-z]+$/)\nlet x = [pin, word]\n", options);
  EXPECT_EQ(r->lines(), (std::vector<std::string>{
                            "1:14 E0702 invalid value for parameter `pin`: the text given is not a valid `int`",
                            "2:14 E0702 invalid value for parameter `word`: <secret> does not satisfy "
                            "`string(/^[a-z]+$/)`"}));
  EXPECT_EQ(allText(*r).find(kSecretText), std::string::npos) << allText(*r);
  ASSERT_NE(r->first("E0702"), nullptr);
  EXPECT_EQ(r->first("E0702")->notes, (std::vector<std::string>{"set by -p pin=<secret>"}));
}

TEST(Secrets, AMisspeltSecretParamDoesNotShowItsValue) {
  RunOptions options;
  options.params = {textParam("pasword", kSecretText), textParam("colour", "blue")};
  auto r = run("secret param password: string = \"x\"\nparam color: string = \"red\"\n", options);
  ASSERT_NE(r->first("E0701"), nullptr);
  EXPECT_EQ(allText(*r).find(kSecretText), std::string::npos) << allText(*r);
  EXPECT_NE(allText(*r).find("set by -p pasword=<secret>"), std::string::npos) << allText(*r);
  // A public one keeps its value in the note.
  EXPECT_NE(allText(*r).find("set by -p colour=blue"), std::string::npos) << allText(*r);
}

TEST(Secrets, EmittedSecretDataIsMarkedAndUnchanged) {
  auto r = run(R"cairn(
emit { apiVersion = "v1", kind = "Secret", metadata.name = "db", stringData.password = "hunter2" }
emit { apiVersion = "v1", kind = "ConfigMap", metadata.name = "cm", data.password = "hunter2" }
)cairn");
  ASSERT_TRUE(r->result.ok) << ::testing::PrintToString(r->lines());
  ASSERT_EQ(r->result.documents.size(), 2u);
  const eval::ObjectData &secret = r->result.documents[0].asObject();
  ASSERT_NE(secret.find("stringData"), nullptr);
  EXPECT_TRUE(containsSecret(secret.find("stringData")->value));
  EXPECT_FALSE(containsSecret(secret.find("metadata")->value));
  EXPECT_FALSE(containsSecret(r->result.documents[1]));
  EXPECT_EQ(r->documents()[0], R"({apiVersion:"v1",kind:"Secret",metadata:{name:"db"},stringData:{password:"hunter2"}})");
}

TEST(SecretTexts, ScrubReplacesTheLongestTextsInOnePass) {
  eval::SecretTexts texts;
  texts.add("ab");
  texts.add("abcd");
  texts.add("e");
  bool replaced = false;
  EXPECT_EQ(texts.scrub("xabcdy ab secret", replaced), "x<secret>y <secret> s<secret>cr<secret>t");
  EXPECT_TRUE(replaced);
  EXPECT_EQ(texts.scrub("nothing", replaced), "nothing");
  EXPECT_FALSE(replaced);
}

} // namespace
} // namespace cairn::evaltest
