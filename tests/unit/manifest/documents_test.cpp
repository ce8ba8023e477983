// Reading YAML/JSON streams: splitting, positions, scalars as the API server
// reads them, malformed documents that do not hide their neighbours, limits.
#include <gtest/gtest.h>

#include "manifest/documents.h"
#include "manifest/stream_split.h"

namespace cairn::manifest {
namespace {

struct Read {
  SourceManager sources;
  FileId file;
  std::vector<Document> docs;
};

std::unique_ptr<Read> read(std::string text, bool strict = false, ReadLimits limits = {}) {
  auto r = std::make_unique<Read>();
  r->file = r->sources.add("test.yaml", std::move(text));
  r->docs = readDocuments(r->sources, r->file, strict, limits);
  return r;
}

LineCol at(const Read &r, NodeId id, const Document &doc) {
  return r.sources.lineCol(r.file, doc.node(id).offset);
}

TEST(StreamSplit, CutsAtDocumentMarkersAndKeepsDirectivesWithTheirDocument) {
  std::string text = "# head\na: 1\n---\nb: 2\n--- c\n%YAML 1.2\n---\nd: 4\n";
  std::vector<StreamPiece> pieces = splitStream(text);
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_EQ(llvm::StringRef(text).slice(pieces[0].begin, pieces[0].end), "# head\na: 1\n");
  EXPECT_EQ(llvm::StringRef(text).slice(pieces[1].begin, pieces[1].end), "---\nb: 2\n");
  EXPECT_EQ(llvm::StringRef(text).slice(pieces[2].begin, pieces[2].end), "--- c\n");
  EXPECT_EQ(llvm::StringRef(text).slice(pieces[3].begin, pieces[3].end), "%YAML 1.2\n---\nd: 4\n");
  EXPECT_TRUE(pieces[2].hasContent);
}

TEST(StreamSplit, AMarkerInsideALineIsNotACut) {
  std::vector<StreamPiece> pieces = splitStream("a: |\n  ---\n  text\nb: '---'\n");
  EXPECT_EQ(pieces.size(), 1u);
}

TEST(Documents, EveryDocumentOfAStreamWithPositions) {
  auto r = read("apiVersion: v1\nkind: ConfigMap\n---\n# only a comment\n---\nkind: Secret\ndata:\n  k: v\n");
  ASSERT_EQ(r->docs.size(), 2u); // the comment-only document is empty and dropped
  const Document &second = r->docs[1];
  NodeId kind = second.get(second.root, "kind");
  ASSERT_NE(kind, kNoNode);
  EXPECT_EQ(second.text(kind), "Secret");
  EXPECT_EQ(at(*r, kind, second).line, 6u);
  EXPECT_EQ(at(*r, kind, second).column, 7u);
  NodeId data = second.get(second.root, "data");
  NodeId k = second.get(data, "k");
  EXPECT_EQ(at(*r, k, second).line, 8u);
  EXPECT_EQ(at(*r, k, second).column, 6u);
}

TEST(Documents, AMalformedDocumentIsAnErrorAndTheOthersStillLoad) {
  auto r = read("a: 1\n---\nb: [1, 2\nc: 3\n---\nd: 4\n");
  ASSERT_EQ(r->docs.size(), 3u);
  EXPECT_NE(r->docs[0].root, kNoNode);
  EXPECT_EQ(r->docs[1].root, kNoNode);
  ASSERT_TRUE(r->docs[1].problems.hasErrors());
  EXPECT_EQ(r->docs[1].problems.diagnostics()[0].kind, DiagKind::ManifestSyntax);
  LineCol where = r->sources.lineCol(r->file, r->docs[1].problems.diagnostics()[0].span.begin);
  EXPECT_GE(where.line, 3u);
  EXPECT_NE(r->docs[2].root, kNoNode);
  EXPECT_EQ(r->docs[2].text(r->docs[2].get(r->docs[2].root, "d")), "4");
}

TEST(Documents, ScalarsResolveLikeTheApiServersYamlDecoder) {
  auto r = read("a: 3\nb: '3'\nc: 1.5\nd: yes\ne: \"yes\"\nf: ~\ng:\nh: 0x1F\ni: 0777\nj: 1_000\nk: .inf\n"
                "l: web\nm: 2024-01-01\ns: !!str 5\n");
  const Document &d = r->docs.at(0);
  auto scalar = [&](const char *key) { return d.scalar(d.resolve(d.get(d.root, key))); };
  EXPECT_EQ(scalar("a").type, ScalarType::Int);
  EXPECT_EQ(scalar("a").intValue, 3);
  EXPECT_EQ(scalar("b").type, ScalarType::String);
  EXPECT_EQ(scalar("c").type, ScalarType::Float);
  EXPECT_EQ(scalar("d").type, ScalarType::Bool); // YAML 1.1, as sigs.k8s.io/yaml reads it
  EXPECT_EQ(scalar("e").type, ScalarType::String);
  EXPECT_EQ(scalar("f").type, ScalarType::Null);
  EXPECT_EQ(d.node(d.resolve(d.get(d.root, "g"))).kind, NodeKind::Null);
  EXPECT_EQ(scalar("h").intValue, 31);
  EXPECT_EQ(scalar("i").intValue, 511);
  EXPECT_EQ(scalar("j").intValue, 1000);
  EXPECT_EQ(scalar("k").type, ScalarType::Float);
  EXPECT_EQ(scalar("l").type, ScalarType::String);
  EXPECT_EQ(scalar("m").type, ScalarType::String);
  EXPECT_EQ(scalar("s").type, ScalarType::String); // `n:` would be the key "false"
}

TEST(Documents, IntegersBeyond64BitsAreFlagged) {
  ScalarValue v = resolveScalar("99999999999999999999", false);
  EXPECT_EQ(v.type, ScalarType::Int);
  EXPECT_TRUE(v.intTooLarge);
}

TEST(Documents, KeysBecomeJsonStrings) {
  std::string key;
  ASSERT_TRUE(keyString("on", false, key));
  EXPECT_EQ(key, "true");
  ASSERT_TRUE(keyString("0x10", false, key));
  EXPECT_EQ(key, "16");
  ASSERT_TRUE(keyString("on", true, key));
  EXPECT_EQ(key, "on");
  EXPECT_FALSE(keyString("~", false, key));
}

TEST(Documents, JsonFilesReadLikeYaml) {
  auto r = read("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"n\": 1}}\n");
  ASSERT_EQ(r->docs.size(), 1u);
  const Document &d = r->docs[0];
  EXPECT_EQ(d.text(d.get(d.root, "kind")), "ConfigMap");
  NodeId n = d.get(d.get(d.root, "data"), "n");
  EXPECT_EQ(d.scalar(n).type, ScalarType::Int);
  EXPECT_EQ(at(*r, n, d).column, 57u);
}

TEST(Documents, DuplicateKeysAreAWarningOrAnErrorWhenStrict) {
  auto lax = read("a: 1\na: 2\n");
  ASSERT_EQ(lax->docs[0].problems.diagnostics().size(), 1u);
  EXPECT_EQ(lax->docs[0].problems.diagnostics()[0].kind, DiagKind::ManifestDuplicateKeyIgnored);
  EXPECT_FALSE(lax->docs[0].problems.hasErrors());
  EXPECT_EQ(lax->docs[0].text(lax->docs[0].get(lax->docs[0].root, "a")), "2"); // last wins
  auto strict = read("a: 1\na: 2\n", true);
  EXPECT_TRUE(strict->docs[0].problems.hasErrors());
  EXPECT_EQ(strict->docs[0].problems.diagnostics()[0].kind, DiagKind::ManifestDuplicateKey);
}

TEST(Documents, MergeKeysBringTheirEntriesAndExplicitKeysWin) {
  auto r = read("base: &b {p: 1, q: 2}\nuse:\n  <<: *b\n  q: 3\n");
  const Document &d = r->docs[0];
  NodeId use = d.get(d.root, "use");
  EXPECT_EQ(d.text(d.resolve(d.get(use, "p"))), "1");
  EXPECT_EQ(d.text(d.resolve(d.get(use, "q"))), "3");
}

TEST(Documents, DeepNestingIsAnErrorNotACrash) {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  auto r = read("a: " + deep + "\n---\nb: 1\n");
  ASSERT_EQ(r->docs.size(), 2u);
  EXPECT_TRUE(r->docs[0].problems.hasErrors());
  EXPECT_EQ(r->docs[0].problems.diagnostics()[0].kind, DiagKind::ManifestTooDeep);
  EXPECT_NE(r->docs[1].root, kNoNode);
}

TEST(Documents, DeepBlockNestingIsAnErrorNotACrash) {
  std::string text;
  for (int i = 0; i < 3000; ++i)
    text += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  auto r = read(text);
  ASSERT_EQ(r->docs.size(), 1u);
  EXPECT_TRUE(r->docs[0].problems.hasErrors());
}

TEST(Documents, AliasBombsAreRefused) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c, ++prev)
    text += fmt::format("{0}: &{0} [*{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}]\n", c, prev);
  auto r = read(text);
  ASSERT_EQ(r->docs.size(), 1u);
  EXPECT_EQ(r->docs[0].root, kNoNode);
  ASSERT_TRUE(r->docs[0].problems.hasErrors());
  EXPECT_EQ(r->docs[0].problems.diagnostics()[0].kind, DiagKind::ManifestTooLarge);
}

TEST(Documents, InvalidUtf8AndNulBytesAreErrorsOfTheirDocument) {
  auto r = read(std::string("a: \xff\xfe\n---\nb: x\0y\n---\nc: 1\n", 26));
  ASSERT_EQ(r->docs.size(), 3u);
  EXPECT_EQ(r->docs[0].problems.diagnostics().at(0).kind, DiagKind::InputNotUtf8);
  EXPECT_EQ(r->docs[1].problems.diagnostics().at(0).kind, DiagKind::ManifestSyntax);
  EXPECT_FALSE(r->docs[2].problems.hasErrors());
}

TEST(Documents, SpansCoverTheScalarAsWritten) {
  auto r = read("name: \"web\"\nimage: nginx:1.27 # pinned\n");
  const Document &d = r->docs[0];
  EXPECT_EQ(r->sources.text(d.span(d.get(d.root, "name"))), "\"web\"");
  EXPECT_EQ(r->sources.text(d.span(d.get(d.root, "image"))), "nginx:1.27");
}

TEST(Documents, AByteOrderMarkDoesNotShiftPositions) {
  auto r = read("\xEF\xBB\xBFkind: Pod\n");
  const Document &d = r->docs.at(0);
  EXPECT_EQ(r->sources.text(d.span(d.get(d.root, "kind"))), "Pod");
}

TEST(Documents, DescribesNodesForMessages) {
  auto r = read("a: 3\nb: '3'\nc: [1]\nd: yes\n");
  const Document &d = r->docs[0];
  EXPECT_EQ(describeNode(d, d.get(d.root, "a")), "integer `3`");
  EXPECT_EQ(describeNode(d, d.get(d.root, "b")), "string \"3\"");
  EXPECT_EQ(describeNode(d, d.get(d.root, "c")), "a list");
  EXPECT_EQ(describeNode(d, d.get(d.root, "d")), "boolean `yes`");
}

} // namespace
} // namespace cairn::manifest
