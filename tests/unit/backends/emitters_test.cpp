// The emitter registry and each emitter's document handling.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "backends/dir_emitter.h"
#include "backends/emitter.h"
#include "frontend/diag_render.h"
#include "value_builder.h"

namespace cairn::backends {
namespace {

using testing::ValueBuilder;

eval::Value configMap(ValueBuilder &b, const char *name, const char *ns = nullptr) {
  auto metadata = ns ? b.map({{"name", b.str(name)}, {"namespace", b.str(ns)}}) : b.map({{"name", b.str(name)}});
  return b.map({{"data", b.map({{"k", b.str("v")}})}, {"metadata", metadata}, {"kind", b.str("ConfigMap")},
                {"apiVersion", b.str("v1")}});
}

RenderedOutput render(llvm::StringRef format, llvm::ArrayRef<eval::Value> docs, DiagnosticSink &diags,
                      bool expectOk = true) {
  auto emitter = createEmitter(format);
  EXPECT_TRUE(emitter);
  RenderedOutput out;
  EXPECT_EQ(emitter->render(docs, out, diags), expectOk);
  return out;
}

TEST(EmitterRegistry, KnowsEveryFormatByName) {
  EXPECT_EQ(emitterNames(), (std::vector<std::string>{"yaml", "json", "dir"}));
  for (const std::string &name : emitterNames())
    EXPECT_EQ(createEmitter(name)->name(), name);
  EXPECT_EQ(createEmitter("yaml")->shape(), OutputShape::Stream);
  EXPECT_EQ(createEmitter("dir")->shape(), OutputShape::Directory);
  EXPECT_EQ(createEmitter("toml"), nullptr);
}

TEST(YamlEmitter, DocumentsAreSeparatedAndStartWithTheirIdentity) {
  ValueBuilder b;
  DiagnosticSink diags;
  RenderedOutput out = render("yaml", {configMap(b, "a"), configMap(b, "b")}, diags);
  EXPECT_EQ(out.stream, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n"
                        "---\n"
                        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  k: v\n");
  std::vector<YAML::Node> docs = YAML::LoadAll(out.stream);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1]["metadata"]["name"].Scalar(), "b");
}

TEST(YamlEmitter, NoDocumentsIsEmptyOutput) {
  DiagnosticSink diags;
  EXPECT_EQ(render("yaml", {}, diags).stream, "");
}

TEST(JsonEmitter, OneDocumentIsTheObjectItself) {
  ValueBuilder b;
  DiagnosticSink diags;
  RenderedOutput out = render("json", {configMap(b, "a")}, diags);
  EXPECT_EQ(out.stream, "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\",\n  \"metadata\": {\n"
                        "    \"name\": \"a\"\n  },\n  \"data\": {\n    \"k\": \"v\"\n  }\n}\n");
}

TEST(JsonEmitter, SeveralDocumentsBecomeAKubernetesList) {
  ValueBuilder b;
  DiagnosticSink diags;
  RenderedOutput out = render("json", {configMap(b, "a"), configMap(b, "b")}, diags);
  EXPECT_EQ(out.stream.rfind("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [\n    {\n"
                             "      \"apiVersion\": \"v1\",\n",
                             0),
            0u)
      << out.stream;
  auto parsed = nlohmann::ordered_json::parse(out.stream);
  EXPECT_EQ(parsed["kind"], "List");
  ASSERT_EQ(parsed["items"].size(), 2u);
  EXPECT_EQ(parsed["items"][1]["metadata"]["name"], "b");
  EXPECT_EQ(parsed["items"][1].begin().key(), "apiVersion");
  EXPECT_EQ(render("json", {}, diags).stream, "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": []\n}\n");
}

TEST(Emitters, ADocumentThatIsNotAnObjectIsE0601) {
  ValueBuilder b;
  SourceManager sources;
  FileId file = sources.add("app.cairn", "emit 42\n");
  b.setSpan(Span{file, 5, 7});
  for (const std::string &format : emitterNames()) {
    DiagnosticSink diags;
    render(format, {b.integer(42)}, diags, false);
    ASSERT_EQ(diags.diagnostics().size(), 1u) << format;
    EXPECT_EQ(renderCompact(diags.diagnostics()[0], sources),
              "app.cairn:1:6: error[E0601]: emitted value is an int; only objects can be output\n");
  }
}

TEST(DirEmitter, OneFilePerObjectNamedByNamespaceKindAndName) {
  ValueBuilder b;
  DiagnosticSink diags;
  auto ns = b.map({{"apiVersion", b.str("v1")}, {"kind", b.str("Namespace")}, {"metadata", b.map({{"name", b.str("prod")}})}});
  RenderedOutput out = render("dir", {configMap(b, "web", "prod"), ns, configMap(b, "api", "prod")}, diags);
  ASSERT_EQ(out.files.size(), 3u);
  EXPECT_EQ(out.files[0].path, "_cluster/namespace-prod.yaml");
  EXPECT_EQ(out.files[1].path, "prod/configmap-api.yaml");
  EXPECT_EQ(out.files[2].path, "prod/configmap-web.yaml");
  EXPECT_EQ(out.files[0].content, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n");
}

TEST(DirEmitter, NamesCannotLeaveTheDirectory) {
  ValueBuilder b;
  DiagnosticSink diags;
  RenderedOutput out = render("dir", {configMap(b, "../../etc/passwd", ".."), configMap(b, "a b\\c", "x/y")}, diags);
  ASSERT_EQ(out.files.size(), 2u);
  EXPECT_EQ(out.files[0].path, "_./configmap-_._.._etc_passwd.yaml");
  EXPECT_EQ(out.files[1].path, "x_y/configmap-a_b_c.yaml");
}

TEST(DirEmitter, MissingKindOrNameIsE0602) {
  ValueBuilder b;
  SourceManager sources;
  FileId file = sources.add("app.cairn", "emit {}\n");
  b.setSpan(Span{file, 5, 7});
  DiagnosticSink diags;
  auto noKind = b.map({{"metadata", b.map({{"name", b.str("x")}})}});
  auto noName = b.map({{"kind", b.str("ConfigMap")}, {"metadata", b.map({})}});
  auto emptyName = b.map({{"kind", b.str("ConfigMap")}, {"metadata", b.map({{"name", b.str("")}})}});
  render("dir", {noKind, noName, emptyName}, diags, false);
  ASSERT_EQ(diags.diagnostics().size(), 3u);
  EXPECT_EQ(renderCompact(diags.diagnostics()[0], sources),
            "app.cairn:1:6: error[E0602]: emitted object has no `kind`; the `dir` format needs it to name the file\n"
            "  note: each object is written to `<namespace>/<kind>-<name>.yaml`; `kind` must be a non-empty string\n");
  EXPECT_EQ(diags.diagnostics()[1].message,
            "emitted object has no `metadata.name`; the `dir` format needs it to name the file");
  EXPECT_EQ(diags.diagnostics()[2].kind, DiagKind::MissingObjectIdentity);
}

TEST(DirEmitter, TwoObjectsForOneFileIsE0604WithTheOtherLabelled) {
  ValueBuilder b;
  SourceManager sources;
  FileId file = sources.add("app.cairn", "emit a\nemit b\n");
  b.setSpan(Span{file, 5, 6});
  auto first = configMap(b, "web");
  b.setSpan(Span{file, 12, 13});
  auto second = configMap(b, "Web"); // same file on a case-insensitive file system
  DiagnosticSink diags;
  render("dir", {first, second}, diags, false);
  ASSERT_EQ(diags.diagnostics().size(), 1u);
  EXPECT_EQ(renderCompact(diags.diagnostics()[0], sources),
            "app.cairn:2:6: error[E0604]: two objects would be written to `_cluster/configmap-Web.yaml`\n"
            "  app.cairn:1:6: note: the other object written there\n");
}

} // namespace
} // namespace cairn::backends
