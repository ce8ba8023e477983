// `secret param`: typed like any parameter, and a default that breaks the
// declared type is reported without quoting it.
#include <gtest/gtest.h>

#include "check_fixture.h"

namespace cairn::checktest {
namespace {

TEST(SecretParams, AreTypedLikeAnyParameter) {
  auto r = check("secret param token: string\nsecret param pin: int(1000..9999) = 1234\nlet t = token + \"x\"\n");
  EXPECT_TRUE(r->codes().empty()) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->declType("token"), "string");
  EXPECT_EQ(r->declType("pin"), "int(1000..9999)");
  EXPECT_EQ(r->declType("t"), "string");
}

TEST(SecretParams, ABadDefaultIsNotQuoted) {
  auto r = check("secret param pin: int(1000..9999) = 12\nsecret param word: \"a\" | \"b\" = \"hunter2\"\n"
                 "secret param count: int = \"hunter2\"\nparam open: int(1..5) = 9\n");
  EXPECT_EQ(r->lines(), (std::vector<std::string>{
                            "1:37 E0310 <secret> does not satisfy `int(1000..9999)`",
                            "2:32 E0310 <secret> does not satisfy `\"a\" | \"b\"`",
                            "3:27 E0302 expected `int`, found `string`",
                            "4:25 E0310 `9` does not satisfy `int(1..5)`"}));
}

} // namespace
} // namespace cairn::checktest
