// JSON text of values: layout, exact numbers, escaping, field order, errors.
#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "eval/text_format.h"
#include "eval/value_writer.h"
#include "value_builder.h"

namespace cairn::backends {
namespace {

using testing::ValueBuilder;
// The value writers live in eval/ (values -> text); the emitters are built on them.
using namespace cairn::eval;

std::string json(const eval::Value &value, WriteOptions options = {}) {
  std::string out;
  DiagnosticSink diags;
  EXPECT_TRUE(appendJson(out, value, diags, options));
  return out;
}

TEST(JsonWriter, LayoutWithTwoSpaceIndent) {
  ValueBuilder b;
  auto value = b.map({{"a", b.integer(1)},
                      {"b", b.list({b.str("x"), b.map({{"c", b.boolean(true)}}), b.list({}), b.map({})})},
                      {"d", b.map({})}});
  EXPECT_EQ(json(value), "{\n"
                         "  \"a\": 1,\n"
                         "  \"b\": [\n"
                         "    \"x\",\n"
                         "    {\n"
                         "      \"c\": true\n"
                         "    },\n"
                         "    [],\n"
                         "    {}\n"
                         "  ],\n"
                         "  \"d\": {}\n"
                         "}");
}

TEST(JsonWriter, ScalarsAtTopLevel) {
  ValueBuilder b;
  EXPECT_EQ(json(b.null()), "null");
  EXPECT_EQ(json(b.str("x")), "\"x\"");
  EXPECT_EQ(json(b.real(2.0)), "2.0");
  EXPECT_EQ(json(b.list({})), "[]");
}

TEST(JsonWriter, NumbersAreExact) {
  ValueBuilder b;
  std::vector<double> floats = {0.1, 1.0 / 3.0, 1e300, 5e-324, -0.0, 2.5, 1e21, 123456789012345678.0};
  std::vector<eval::Value> items = {b.integer(INT64_MAX), b.integer(INT64_MIN)};
  for (double f : floats)
    items.push_back(b.real(f));
  auto parsed = nlohmann::json::parse(json(b.list(items)));
  EXPECT_EQ(parsed[0].get<int64_t>(), INT64_MAX);
  EXPECT_EQ(parsed[1].get<int64_t>(), INT64_MIN);
  for (size_t i = 0; i < floats.size(); ++i) {
    EXPECT_TRUE(parsed[i + 2].is_number_float()) << parsed[i + 2];
    EXPECT_EQ(parsed[i + 2].get<double>(), floats[i]);
    EXPECT_EQ(std::signbit(parsed[i + 2].get<double>()), std::signbit(floats[i]));
  }
}

TEST(JsonWriter, FloatTextIsShortestWithAPoint) {
  std::string out;
  for (double f : {1.0, 0.1, 1e20, 1.5e-7, 100.0, -3.25}) {
    appendFiniteFloat(out, f);
    out += ' ';
  }
  EXPECT_EQ(out, "1.0 0.1 1.0e+20 1.5e-07 100.0 -3.25 ");
}

TEST(JsonWriter, StringsAreEscaped) {
  ValueBuilder b;
  std::string tricky = std::string("q\"b\\n\nt\tc\x01 nul") + std::string(1, '\0') + "é\xe2\x80\xa8 bad\xff";
  std::string out = json(b.str(tricky));
  EXPECT_EQ(out, "\"q\\\"b\\\\n\\nt\\tc\\u0001 nul\\u0000é\xe2\x80\xa8 bad\xef\xbf\xbd\"");
  std::string back = nlohmann::json::parse(out).get<std::string>();
  EXPECT_EQ(back, tricky.substr(0, tricky.size() - 1) + "\xef\xbf\xbd");
}

TEST(JsonWriter, KeyOrderMatchesYaml) {
  ValueBuilder b;
  auto value = b.map({{"spec", b.map({{"b", b.integer(1)}, {"a", b.integer(2)}})},
                      {"kind", b.str("ConfigMap")}, {"skipped", b.null()}, {"apiVersion", b.str("v1")}});
  WriteOptions k8s;
  k8s.kubernetesKeyOrder = true;
  EXPECT_EQ(json(value, k8s), "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\",\n"
                              "  \"spec\": {\n    \"b\": 1,\n    \"a\": 2\n  }\n}");
}

TEST(JsonWriter, BaseIndentShiftsNestedLines) {
  ValueBuilder b;
  std::string out;
  DiagnosticSink diags;
  ASSERT_TRUE(appendJson(out, b.map({{"a", b.list({b.integer(1)})}}), diags, {}, 4));
  EXPECT_EQ(out, "{\n      \"a\": [\n        1\n      ]\n    }");
}

TEST(JsonWriter, NonFiniteFloatsAndFunctionsAreErrors) {
  ValueBuilder b;
  for (auto [value, message] :
       std::vector<std::pair<eval::Value, std::string>>{
           {b.map({{"x", b.real(1.0 / 0.0)}}), "the float `inf` at `x` cannot be written as JSON"},
           {b.list({b.real(-1.0 / 0.0)}), "the float `-inf` at `[0]` cannot be written as JSON"},
           {b.real(0.0 / 0.0), "the float `nan` cannot be written as JSON"},
           {b.map({{"f", b.function()}}), "a function at `f` cannot be written as JSON"}}) {
    std::string out;
    DiagnosticSink diags;
    EXPECT_FALSE(appendJson(out, value, diags));
    ASSERT_EQ(diags.diagnostics().size(), 1u);
    EXPECT_EQ(diags.diagnostics()[0].kind, DiagKind::UnrepresentableValue);
    EXPECT_EQ(diags.diagnostics()[0].message, message);
  }
}

} // namespace
} // namespace cairn::backends
