// CRD patterns (Go RE2, match anywhere) -> Cairn regexes (ECMAScript, match
// the whole string): the translated regex must accept exactly the strings
// the API server accepts.
#include <regex>

#include <gtest/gtest.h>

#include "importers/crd_pattern.h"

namespace cairn::importers {
namespace {

bool cairnAccepts(const std::string &regex, const std::string &text) {
  return std::regex_match(text, std::regex(regex, std::regex::ECMAScript));
}

TEST(CrdPattern, AnchoredPatternIsKeptAsIs) {
  EXPECT_EQ(translateCrdPattern("^[a-z]+$").regex, "^[a-z]+$");
  EXPECT_EQ(translateCrdPattern(R"(^v\d+$)").regex, R"(^v\d+$)");
}

TEST(CrdPattern, UnanchoredPatternMatchesAnywhere) {
  TranslatedPattern t = translateCrdPattern("[a-z]");
  ASSERT_TRUE(t.error.empty()) << t.error;
  EXPECT_EQ(t.regex, R"(^[\s\S]*[a-z][\s\S]*$)");
  EXPECT_TRUE(cairnAccepts(t.regex, "123a456"));
  EXPECT_TRUE(cairnAccepts(t.regex, "a\nb")); // JSON-schema patterns are not line-bound
  EXPECT_FALSE(cairnAccepts(t.regex, "12345"));
}

TEST(CrdPattern, HalfAnchoredPatternsKeepTheirAnchor) {
  EXPECT_EQ(translateCrdPattern("^http").regex, R"(^http[\s\S]*$)");
  EXPECT_EQ(translateCrdPattern(R"(\.com$)").regex, R"(^[\s\S]*\.com$)");
  EXPECT_TRUE(cairnAccepts(translateCrdPattern("^http").regex, "https://x"));
  EXPECT_FALSE(cairnAccepts(translateCrdPattern("^http").regex, "xhttp"));
}

TEST(CrdPattern, EscapedDollarIsNotAnAnchor) {
  std::string regex = translateCrdPattern(R"(cost\$)").regex;
  EXPECT_EQ(regex, R"(^[\s\S]*cost\$[\s\S]*$)");
  EXPECT_TRUE(cairnAccepts(regex, "the cost$ here"));
}

TEST(CrdPattern, EachAlternativeIsAnchoredOnItsOwn) {
  // `^a|b$` is "starts with a, or ends with b", not "is a or b".
  std::string regex = translateCrdPattern("^a|b$").regex;
  EXPECT_EQ(regex, R"(^(?:a[\s\S]*|[\s\S]*b)$)");
  EXPECT_TRUE(cairnAccepts(regex, "axx"));
  EXPECT_TRUE(cairnAccepts(regex, "xxb"));
  EXPECT_FALSE(cairnAccepts(regex, "xax"));
  EXPECT_EQ(translateCrdPattern("^us-.*$|^eu-.*$").regex, "^(?:us-.*|eu-.*)$");
  // A `|` inside a group or a class does not split the pattern.
  EXPECT_EQ(translateCrdPattern("^(a|b)$").regex, "^(a|b)$");
  EXPECT_EQ(translateCrdPattern("^[|]$").regex, "^[|]$");
}

// For patterns both dialects read alike, the translation accepts a string
// exactly when the pattern is found somewhere in it.
TEST(CrdPattern, TranslationAgreesWithSearchSemantics) {
  const std::vector<std::string> patterns{"^[a-z]+$", "[0-9]", "^abc", "xyz$", "^a|b$", "a|^b|c$", "^$",
                                          "", R"(^(\+|-)?[0-9]+(\.[0-9]*)?$)", "(ab)+", R"(\d{2,3})"};
  const std::vector<std::string> inputs{"", "a", "abc", "ABC", "xyz", "abcxyz", "1", "a1", "-12.5", "12",
                                        "1234", "b", "cb", "bc", "ababab", "x\ny"};
  for (const std::string &pattern : patterns) {
    TranslatedPattern t = translateCrdPattern(pattern);
    ASSERT_TRUE(t.error.empty()) << pattern << ": " << t.error;
    std::regex search(pattern, std::regex::ECMAScript);
    for (const std::string &input : inputs)
      EXPECT_EQ(cairnAccepts(t.regex, input), std::regex_search(input, search))
          << "pattern `" << pattern << "` -> `" << t.regex << "` on `" << input << "`";
  }
}

TEST(CrdPattern, Re2SyntaxIsTranslated) {
  EXPECT_EQ(translateCrdPattern(R"(\A[a-z]+\z)").regex, "^[a-z]+$");
  EXPECT_EQ(translateCrdPattern("^(?P<user>[a-z]+)@(?<host>.+)$").regex, "^(?:[a-z]+)@(?:.+)$");
  EXPECT_EQ(translateCrdPattern(R"(^\Q1.5*\E$)").regex, R"(^1\x2e5\x2a$)");
  EXPECT_EQ(translateCrdPattern(R"(^\x41\x{42}\101$)").regex, R"(^\x41\x42\x41$)");
  // RE2 reads a `]` first in a class as a member; ECMAScript would read an empty class.
  std::string regex = translateCrdPattern("^[]a]+$").regex;
  EXPECT_EQ(regex, R"(^[\]a]+$)");
  EXPECT_TRUE(cairnAccepts(regex, "a]a"));
  // `{` that does not start a repetition is a literal in RE2.
  EXPECT_TRUE(cairnAccepts(translateCrdPattern("^{x}$").regex, "{x}"));
  EXPECT_TRUE(cairnAccepts(translateCrdPattern("^a{2}$").regex, "aa"));
  EXPECT_TRUE(cairnAccepts(translateCrdPattern("^[[:alpha:]]+$").regex, "abc"));
}

TEST(CrdPattern, CaseInsensitiveAndDotAllFlagsAreRewritten) {
  // From the Prometheus operator's PrometheusRule.
  std::string regex = translateCrdPattern("^(?i)(abort|warn)?$").regex;
  EXPECT_EQ(regex, "^([aA][bB][oO][rR][tT]|[wW][aA][rR][nN])?$");
  EXPECT_TRUE(cairnAccepts(regex, "ABORT"));
  EXPECT_TRUE(cairnAccepts(regex, "Warn"));
  EXPECT_TRUE(cairnAccepts(regex, ""));
  EXPECT_FALSE(cairnAccepts(regex, "stop"));
  // Classes get the other case of their letters; `(?i:...)` ends with its group.
  std::string scoped = translateCrdPattern("^(?i:[a-c_]x)y$").regex;
  EXPECT_EQ(scoped, "^(?:[a-c_A-C][xX])y$");
  EXPECT_TRUE(cairnAccepts(scoped, "BXy"));
  EXPECT_FALSE(cairnAccepts(scoped, "BXY"));
  EXPECT_TRUE(cairnAccepts(translateCrdPattern("^(?i)[^a-z]$").regex, "1"));
  EXPECT_FALSE(cairnAccepts(translateCrdPattern("^(?i)[^a-z]$").regex, "Q"));
  // `(?s)`: `.` also matches line breaks.
  EXPECT_FALSE(cairnAccepts(translateCrdPattern("^a.b$").regex, "a\nb"));
  EXPECT_TRUE(cairnAccepts(translateCrdPattern("(?s)^a.b$").regex, "a\nb"));
  EXPECT_TRUE(cairnAccepts(translateCrdPattern("(?is)^a.b$").regex, "A\nB"));
  EXPECT_FALSE(cairnAccepts(translateCrdPattern("(?i)^a(?-i)b$").regex, "AB"));
}

TEST(CrdPattern, UntranslatableSyntaxIsAnError) {
  EXPECT_EQ(translateCrdPattern("(?m)^abc$").error, "the inline flag `m` in `(?m)` has no equivalent in a Cairn regex");
  EXPECT_NE(translateCrdPattern(R"(^\p{Greek}+$)").error.find("Unicode classes"), std::string::npos);
  EXPECT_NE(translateCrdPattern(R"(^\x{e9}$)").error.find("non-ASCII"), std::string::npos);
  EXPECT_NE(translateCrdPattern("^[[:^alpha:]]$").error.find("negated POSIX"), std::string::npos);
  EXPECT_NE(translateCrdPattern("^[z-a]$").error.find("out of order"), std::string::npos);
  EXPECT_FALSE(translateCrdPattern("^(abc$").error.empty()); // not even RE2
  EXPECT_FALSE(translateCrdPattern("abc\\").error.empty());
  for (const char *bad : {"(?U)^abc$", "^(abc$", "[a-"})
    EXPECT_TRUE(translateCrdPattern(bad).regex.empty()) << bad;
}

TEST(CrdPattern, ClassesKeepRangesOfEscapes) {
  std::string regex = translateCrdPattern(R"(^[\x20-\x7e]+$)").regex;
  EXPECT_TRUE(cairnAccepts(regex, "printable ~"));
  EXPECT_FALSE(cairnAccepts(regex, "tab\t"));
  EXPECT_TRUE(cairnAccepts(translateCrdPattern("^[a-]+$").regex, "a-a"));
  EXPECT_TRUE(cairnAccepts(translateCrdPattern("^[-a]+$").regex, "-a"));
}

TEST(CrdPattern, EveryTranslationCompilesWithCairnsOptions) {
  std::string error;
  for (const char *pattern : {"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
                              "^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$",
                              "^http(s)?://.+$", "^[a-zA-Z_][a-zA-Z0-9_]*$"}) {
    TranslatedPattern t = translateCrdPattern(pattern);
    ASSERT_TRUE(t.error.empty()) << pattern << ": " << t.error;
    EXPECT_TRUE(cairnRegexCompiles(t.regex, error)) << t.regex << ": " << error;
  }
}

} // namespace
} // namespace cairn::importers
