// Every tricky string, as a value and as a key: the exact text we write for
// the interesting ones, and for all of them that yaml-cpp reads back the same
// string and that no YAML 1.1/1.2 resolver would take a plain one for a
// number, boolean, null or timestamp.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "eval/value_writer.h"
#include "eval/yaml_scalar.h"
#include "value_builder.h"
#include "yaml_roundtrip.h"

namespace cairn::backends {
namespace {

using testing::ValueBuilder;
// The value writers live in eval/ (values -> text); the emitters are built on them.
using namespace cairn::eval;

const std::vector<std::string> &trickyStrings() {
  static const std::vector<std::string> strings = {
      // look-alikes of other types
      "123", "-1", "+1", "1.5", "1e3", "1E3", ".5", "-.5", "0x1F", "0o17", "0b101", "017", "1_000", "190:20:30",
      "2024-01-01", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "0B11", "0X1f", "0O17", "1.", "1e+3",
      "-0", "+.5", "1:2:3.5", "0.1.2", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "NaN", "inf",
      "true", "True", "TRUE", "tRuE", "false", "yes", "Yes", "YES", "yEs", "no", "No", "NO", "on", "On", "ON",
      "off", "Off", "OFF", "y", "Y", "n", "N", "null", "Null", "NULL", "nUlL", "~", "", "=", "<<",
      // indicators and whitespace
      "- x", "-", "---", "--- x", "...", "-x", "--port=8080", "?x", "? x", ":x", ": x", "a: b", "a:b", "key:",
      "a #b", "a#b", "#comment", " lead", "trail ", " ", "\t", "a\tb", "[x]", "{x}", ",x", "&anchor", "*alias",
      "!tag", "|x", ">x", "'q'", "\"q\"", "%x", "@x", "`x`", "a'b", "a\"b", "a\\b",
      // ordinary text that stays plain
      "nginx:1.27", "500m", "1Gi", "10s", "1.5Gi", "25%", "1.0.0-rc1", "-v", "+x", "app.kubernetes.io/name", ".dockerconfigjson", "hello world", "a, b", "x-y_z.w", "café",
      "日本語", "http://example.com/a?b=c#d",
      // lines, control characters and special code points
      "a\nb", "a\nb\n", "a\nb\n\n", "\na", "\n", "\n\n", "a\n", " a\nb", "a \nb", "a\n \nb", "a\r\nb", "\tx\ny",
      "a\x01" "b", "a\x7f", "\x1b[31m", std::string("nul\0x", 5), "nel\xc2\x85", "ls\xe2\x80\xa8", "ps\xe2\x80\xa9",
      "\xef\xbb\xbf" "bom", "c1\xc2\x9f", "nbsp\xc2\xa0", "bad\xff" "byte",
  };
  return strings;
}

// The string as it reads back: invalid UTF-8 bytes become U+FFFD.
std::string expectedText(const std::string &s) {
  std::string out = s;
  size_t at = out.find('\xff');
  if (at != std::string::npos)
    out.replace(at, 1, "\xef\xbf\xbd");
  return out;
}

TEST(YamlQuoting, EveryTrickyValueReadsBackAsTheSameString) {
  for (const std::string &s : trickyStrings()) {
    ValueBuilder b;
    std::string out;
    DiagnosticSink diags;
    ASSERT_TRUE(appendYaml(out, b.map({{"k", b.str(s)}}), diags));
    YAML::Node node;
    ASSERT_NO_THROW(node = YAML::Load(out)) << out;
    EXPECT_TRUE(testing::readsBackAsString(node["k"], expectedText(s))) << "output:\n" << out;
  }
}

TEST(YamlQuoting, EveryTrickyKeyReadsBackAsTheSameString) {
  for (const std::string &s : trickyStrings()) {
    ValueBuilder b;
    std::string out;
    DiagnosticSink diags;
    ASSERT_TRUE(appendYaml(out, b.object(eval::kNoSchema, "", {{s, b.str("v")}}), diags));
    YAML::Node node;
    ASSERT_NO_THROW(node = YAML::Load(out)) << out;
    ASSERT_TRUE(node.IsMap() && node.size() == 1) << out;
    EXPECT_TRUE(testing::readsBackAsString(node.begin()->first, expectedText(s))) << "output:\n" << out;
    EXPECT_EQ(node.begin()->second.Scalar(), "v");
  }
}

TEST(YamlQuoting, EveryTrickyStringInAListAndAtTopLevel) {
  for (const std::string &s : trickyStrings()) {
    ValueBuilder b;
    std::string inList, topLevel;
    DiagnosticSink diags;
    ASSERT_TRUE(appendYaml(inList, b.list({b.str(s), b.str("after")}), diags));
    ASSERT_TRUE(appendYaml(topLevel, b.str(s), diags));
    YAML::Node list = YAML::Load(inList);
    ASSERT_TRUE(list.IsSequence() && list.size() == 2) << inList;
    EXPECT_TRUE(testing::readsBackAsString(list[0], expectedText(s))) << inList;
    EXPECT_EQ(list[1].Scalar(), "after") << inList;
    EXPECT_TRUE(testing::readsBackAsString(YAML::Load(topLevel), expectedText(s))) << topLevel;
  }
}

std::string yamlOf(llvm::StringRef s) {
  ValueBuilder b;
  std::string out;
  DiagnosticSink diags;
  appendYaml(out, b.map({{"k", b.str(s)}}), diags);
  return out;
}

TEST(YamlQuoting, ExactForms) {
  EXPECT_EQ(yamlOf("123"), "k: \"123\"\n");
  EXPECT_EQ(yamlOf("1.27"), "k: \"1.27\"\n");
  EXPECT_EQ(yamlOf("yes"), "k: \"yes\"\n");
  EXPECT_EQ(yamlOf("Off"), "k: \"Off\"\n");
  EXPECT_EQ(yamlOf("y"), "k: \"y\"\n");
  EXPECT_EQ(yamlOf("~"), "k: \"~\"\n");
  EXPECT_EQ(yamlOf(""), "k: \"\"\n");
  EXPECT_EQ(yamlOf("a: b"), "k: \"a: b\"\n");
  EXPECT_EQ(yamlOf("a #b"), "k: \"a #b\"\n");
  EXPECT_EQ(yamlOf(" lead"), "k: \" lead\"\n");
  EXPECT_EQ(yamlOf("say \"hi\"\\"), "k: say \"hi\"\\\n"); // quotes inside plain text are fine
  EXPECT_EQ(yamlOf("*x"), "k: \"*x\"\n");
  EXPECT_EQ(yamlOf("tab\there"), "k: \"tab\\there\"\n");
  EXPECT_EQ(yamlOf("bell\a"), "k: \"bell\\x07\"\n");
  EXPECT_EQ(yamlOf("ls\xe2\x80\xa8"), "k: \"ls\\u2028\"\n");
  EXPECT_EQ(yamlOf("nginx:1.27"), "k: nginx:1.27\n");
  EXPECT_EQ(yamlOf("500m"), "k: 500m\n"); // quantities stay plain
  EXPECT_EQ(yamlOf("1Gi"), "k: 1Gi\n");
  EXPECT_EQ(yamlOf("0x1F"), "k: \"0x1F\"\n");
  EXPECT_EQ(yamlOf("2024-01-01T10:00:00Z"), "k: \"2024-01-01T10:00:00Z\"\n");
  EXPECT_EQ(yamlOf("--port=8080"), "k: --port=8080\n");
  EXPECT_EQ(yamlOf("café"), "k: café\n");
}

TEST(YamlQuoting, MultiLineStringsUseLiteralBlocksWithTheRightChomping) {
  EXPECT_EQ(yamlOf("a\nb"), "k: |-\n  a\n  b\n");
  EXPECT_EQ(yamlOf("a\nb\n"), "k: |\n  a\n  b\n");
  EXPECT_EQ(yamlOf("a\nb\n\n"), "k: |+\n  a\n  b\n\n");
  EXPECT_EQ(yamlOf("a\n\nb"), "k: |-\n  a\n\n  b\n");
  EXPECT_EQ(yamlOf("\na"), "k: |-\n\n  a\n");
  // Not safe as a literal block: double quotes instead.
  EXPECT_EQ(yamlOf(" a\nb"), "k: \" a\\nb\"\n");     // leading space would set the indentation
  EXPECT_EQ(yamlOf("a \nb"), "k: \"a \\nb\"\n");     // trailing space gets stripped by editors
  EXPECT_EQ(yamlOf("a\r\nb"), "k: \"a\\r\\nb\"\n"); // CR is not kept by parsers
  EXPECT_EQ(yamlOf("\n"), "k: \"\\n\"\n");           // no content line
}

TEST(YamlQuoting, StylesForKeys) {
  EXPECT_EQ(yamlKeyStyle("app.kubernetes.io/name"), YamlStringStyle::Plain);
  EXPECT_EQ(yamlKeyStyle("on"), YamlStringStyle::DoubleQuoted);
  EXPECT_EQ(yamlKeyStyle("a\nb"), YamlStringStyle::DoubleQuoted); // keys never use block scalars
  EXPECT_EQ(yamlValueStyle("a\nb"), YamlStringStyle::Literal);
}

} // namespace
} // namespace cairn::backends
