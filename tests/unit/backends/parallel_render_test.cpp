// Large outputs are rendered on every core; the bytes and the diagnostics
// must be exactly those of rendering the documents one after the other.
#include <gtest/gtest.h>

#include "backends/emitter.h"
#include "eval/value_writer.h"
#include "value_builder.h"

namespace cairn::backends {
namespace {

using testing::ValueBuilder;

std::vector<eval::Value> manyDocuments(ValueBuilder &b, size_t count, size_t brokenEvery) {
  std::vector<eval::Value> docs;
  for (size_t i = 0; i < count; ++i) {
    // A broken document holds a function (E0606) under a key naming it.
    bool broken = brokenEvery && i % brokenEvery == 0;
    std::string key = broken ? "bad" + std::to_string(i) : "k";
    eval::Value data = broken ? b.function() : b.str("v" + std::to_string(i));
    docs.push_back(b.map({{"apiVersion", b.str("v1")},
                          {"kind", b.str("ConfigMap")},
                          {"metadata", b.map({{"name", b.str("cm-" + std::to_string(i))}})},
                          {"data", b.map({{key.c_str(), data}, {"n", b.integer(static_cast<int64_t>(i))}})}}));
  }
  return docs;
}

TEST(ParallelRender, YamlIsTheConcatenationOfEachDocumentInOrder) {
  ValueBuilder b;
  std::vector<eval::Value> docs = manyDocuments(b, 5000, 0);
  std::string expected;
  DiagnosticSink unused;
  eval::WriteOptions options;
  options.kubernetesKeyOrder = true;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (i > 0)
      expected += "---\n";
    ASSERT_TRUE(eval::appendYaml(expected, docs[i], unused, options));
  }
  DiagnosticSink diags;
  RenderedOutput out;
  ASSERT_TRUE(createEmitter("yaml")->render(docs, out, diags));
  EXPECT_EQ(out.stream, expected);
}

TEST(ParallelRender, JsonListKeepsItsItemsInOrder) {
  ValueBuilder b;
  std::vector<eval::Value> docs = manyDocuments(b, 3000, 0);
  DiagnosticSink diags;
  RenderedOutput out;
  ASSERT_TRUE(createEmitter("json")->render(docs, out, diags));
  size_t first = out.stream.find("\"cm-0\""), middle = out.stream.find("\"cm-1500\""),
         last = out.stream.find("\"cm-2999\"");
  ASSERT_NE(first, std::string::npos);
  EXPECT_LT(first, middle);
  EXPECT_LT(middle, last);
  EXPECT_EQ(out.stream.substr(out.stream.size() - 7), "\n  ]\n}\n");
}

TEST(ParallelRender, DiagnosticsComeInDocumentOrder) {
  // Failures in every chunk: the diagnostics must be ordered as the
  // documents are, as in a single-threaded run.
  ValueBuilder b;
  std::vector<eval::Value> docs = manyDocuments(b, 4000, 997);
  DiagnosticSink diags;
  RenderedOutput out;
  EXPECT_FALSE(createEmitter("yaml")->render(docs, out, diags));
  const std::vector<Diagnostic> &found = diags.diagnostics();
  ASSERT_EQ(found.size(), 5u);
  size_t index = 0;
  for (int broken : {0, 997, 1994, 2991, 3988}) {
    EXPECT_EQ(found[index].code(), std::string("E0606"));
    EXPECT_NE(found[index].message.find("bad" + std::to_string(broken)), std::string::npos) << found[index].message;
    ++index;
  }
}

} // namespace
} // namespace cairn::backends
