// The fast block-YAML reader against yaml-cpp: for every YAML/JSON input
// the tests hold (files, and YAML embedded in file tests) and for tricky
// hand-written cases, the fast reader either declines a piece or makes a
// Document identical to yaml-cpp's (nodes, offsets, text, quoted flags,
// problems). The typical manifest shapes must be read by the fast reader.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "manifest/reader_choice.h"
#include "manifest/stream_split.h"

namespace cairn::manifest {
namespace {

namespace fs = std::filesystem;

struct Comparison {
  std::string fast, yamlCpp;
  size_t fastPieces = 0;
  size_t pieces = 0;
};

Comparison compare(const std::string &text, bool strict = false) {
  Comparison c;
  SourceManager sources;
  FileId file = sources.add("input.yaml", text);
  c.fast = dumpDocuments(readDocumentsWith(sources, file, strict, {}, ReaderChoice::FastFirst, &c.fastPieces));
  c.yamlCpp = dumpDocuments(readDocumentsWith(sources, file, strict, {}, ReaderChoice::YamlCppOnly));
  for (const StreamPiece &piece : splitStream(text))
    c.pieces += piece.hasContent ? 1 : 0;
  return c;
}

void expectSame(const std::string &text, const std::string &what) {
  for (bool strict : {false, true}) {
    Comparison c = compare(text, strict);
    EXPECT_EQ(c.fast, c.yamlCpp) << what << "\n--- input ---\n" << text;
  }
}

// Both readers agree and the fast one read every piece.
void expectFast(const std::string &text) {
  Comparison c = compare(text);
  EXPECT_EQ(c.fast, c.yamlCpp) << "--- input ---\n" << text;
  EXPECT_EQ(c.fastPieces, c.pieces) << "the fast reader declined:\n" << text;
}

std::string readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool isManifestName(llvm::StringRef name) {
  return name.endswith(".yaml") || name.endswith(".yml") || name.endswith(".json");
}

TEST(BlockReader, AgreesWithYamlCppOnEveryManifestFileOfTheTests) {
  size_t files = 0;
  for (const auto &entry : fs::recursive_directory_iterator(fs::path(CAIRN_SOURCE_DIR) / "tests")) {
    if (!entry.is_regular_file() || !isManifestName(entry.path().filename().string()))
      continue;
    ++files;
    expectSame(readFile(entry.path()), entry.path().string());
  }
  EXPECT_GT(files, 50u);
}

// File tests carry their YAML inline as `// --- NAME.yaml` sections.
TEST(BlockReader, AgreesWithYamlCppOnTheYamlOfTheFileTests) {
  size_t sections = 0;
  for (const auto &entry : fs::recursive_directory_iterator(fs::path(CAIRN_SOURCE_DIR) / "tests/cases")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".cairn")
      continue;
    std::istringstream in(readFile(entry.path()));
    std::string line, name, body;
    auto flush = [&] {
      if (isManifestName(name)) {
        ++sections;
        expectSame(body, entry.path().string() + " " + name);
      }
      body.clear();
    };
    while (std::getline(in, line)) {
      if (llvm::StringRef(line).startswith("// --- ")) {
        flush();
        name = line.substr(7);
      } else {
        body += line + "\n";
      }
    }
    flush();
  }
  EXPECT_GT(sections, 50u);
}

TEST(BlockReader, ReadsTheUsualManifestShapesItself) {
  expectFast("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\n"
             "spec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: app\n"
             "          image: nginx:1.25\n          args: [\"--port\", '8080', plain]\n"
             "          ports:\n            - containerPort: 80\n              protocol: TCP\n"
             "          env: []\n          resources: {}\n");
  expectFast("# leading comment\n---\na: 1 # trailing comment\nb: 'it''s'\nc: \"tab\\tnew\\nline \\\"q\\\" \\u00e9\"\n");
  expectFast("items:\n- a\n- b\nnext:\n  - - nested\n    - pair\n  -\n  - x: 1\n    y: ~\nlast:\n");
  expectFast("a: 1\n---\n# between\n---\nb: 2\r\nc:\r\n  - d\r\n");
  expectFast("k8s: \"v1\"\nunicode: h\xC3\xA9llo w\xC3\xB6rld \xE2\x9C\x93\nempty: ''\nnull: x\n\"quoted key\": y\n");
  expectFast("list:\n  - name: a\n    value: \"1\"\n  -   name: b\n      value: 2\n");
}

TEST(BlockReader, HandWrittenTrickyCasesAgree) {
  const char *cases[] = {
      "key: value # comment\n",
      // Found by the differential fuzzer:
      "-",
      "key: value#not-a-comment\n",
      "key: \"a # b\"\n",
      "- - nested\n  - more\n- - x\n",
      "- - - deep\n",
      "a:\nb:\n",
      "a:\n",
      "a:",
      "- \n-\n- x\n",
      "a:\n  -\n  - b\n",
      "? complex\n: value\n",
      "? a\n",
      "a: b: c\n",
      "a: 'unterminated\n",
      "a: \"unterminated\n",
      "a: \"multi\n  line\"\n",
      "a: plain\n  continued\n",
      "a: plain\n continued\n",
      "- a\n  b\n",
      "a: |\n  block\n",
      "a: >-\n  folded\n",
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "a: [1, 2\n",
      "a: [1, [2]]\n",
      "a: [1, {b: 2}]\n",
      "a: [a: 1]\n",
      "a: [1,2 , 3 ]\n",
      "a: [1, ]\n",
      "a: [,]\n",
      "a: {b: 1}\n",
      "a: { }\n",
      "a: [ ]\n",
      "a: [-1, -x, - ]\n",
      "a: [\"x\", 'y''z']\n",
      "a: \"\\x41\\u00e9\\U0001F600\\0\\/\\\\\"\n",
      "a: \"\\q\"\n",
      "a: \"\\uD800\"\n",
      "a: \"\\N\\_\\L\\P\"\n",
      "a: 1\na: 2\n",
      "on: 1\n\"true\": 2\n",
      "~: 1\nnull: 2\n",
      "\"\": empty key\n",
      "a:\tb\n",
      "\ta: b\n",
      "a: b\r\nc: d\r\n",
      "a: b\rc: d\n",
      "\xEF\xBB\xBF" "a: b\n",
      "a: \xC2\x85 x\n",
      "a: x\xE2\x80\xA8y\n",
      "%YAML 1.2\n---\na: b\n",
      "--- a\n",
      "--- # comment\na: b\n",
      "---\n...\n",
      "a: b\n...\n",
      "a: b\n...\n---\nc: d\n",
      "  a: 1\n  b: 2\n",
      "  a: 1\nb: 2\n",
      "a:\n    b: 1\n  c: 2\n",
      "a:\n  b: 1\n   c: 2\n",
      "- a: 1\n  b: 2\n- c: 3\n",
      "- a: 1\n b: 2\n",
      "- a:\n  - x\n- b\n",
      "a:\n- x\nb: y\n",
      "a:\n- x\n  - y\n",
      "a: - x\n",
      "a: -x\n",
      "a: -\n",
      "a: :x\n",
      "a: ?x\n",
      "a: x:\n",
      "a: x:y\n",
      "a: http://example.com:8080/path?q=1#frag\n",
      "a: 'x' # c\n",
      "a: 'x'# c\n",
      "a: \"x\"y\n",
      "\"a\":b\n",
      "\"a\" : b\n",
      "'a''b': c\n",
      "a b c: d e f   \n",
      "a:    \n  \n  # c\n  b: 1\n",
      "a: 1\n# c\n  # indented comment\nb: 2\n",
      "key: null\nk2: Null\nk3: NULL\nk4: ~\nk5: nulls\n",
      "yes: no\n0x10: 010\n",
      "[1, 2]\n",
      "{\"a\": 1}\n",
      "scalar\n",
      "\"scalar\"\n",
      "- x\nkey: y\n",
      "a: 1\n- x\n",
      "a: [b] c\n",
      "a: {} c\n",
      "a: [b]#c\n",
      "a: [b] # c\n",
      "<<: {a: 1}\nb: 2\n",
      "a: `x`\n",
      "a: @x\n",
      "a: %x\n",
      "a: x\x7fy\n",
      "a: x\x01y\n",
      "a:\n  - b\n  -\n",
      "-\n  a: 1\n",
      "-   \n  - x\n",
      "a:\n  b:\n    c:\n",
      "---\n---\n",
      "---   \na: 1\n",
      "---\n  a: 1\n",
      "a: 1\n---x: 2\n",
      "a: 1\n--- \n",
      "a: '---'\n",
      "a: ...\n",
      "'a\n",
      "a: b\n\n\n",
      "a: b # c\n\n# d\n",
  };
  for (const char *text : cases)
    expectSame(text, "hand-written case");
}

TEST(BlockReader, LongKeysAndValuesAgree) {
  std::string longKey(2000, 'k');
  std::string longValue(5000, 'v');
  expectSame(longKey + ": " + longValue + "\n", "a 2000-byte key");
  expectSame("a: \"" + longValue + "\"\n'" + longKey + "': x\n", "long quoted scalars");
  expectSame("a: x   y  z   \n", "inner spaces");
}

TEST(BlockReader, DeepNestingIsLeftToYamlCpp) {
  std::string deep;
  for (int i = 0; i < 300; ++i)
    deep += std::string(static_cast<size_t>(i) * 2, ' ') + "a:\n";
  expectSame(deep, "300 nested mappings");
  std::string nested;
  for (int i = 0; i < 300; ++i)
    nested += "- ";
  nested += "x\n";
  expectSame(nested, "300 nested sequences on one line");
}

} // namespace
} // namespace cairn::manifest
