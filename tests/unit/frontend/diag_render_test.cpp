#include "frontend/diag_render.h"

#include <gtest/gtest.h>

namespace cairn {
namespace {

// A source manager with files and a helper to find spans by their text.
class DiagRenderTest : public ::testing::Test {
protected:
  FileId add(std::string path, std::string text) { return sources.add(std::move(path), std::move(text)); }
  // The span of the `occurrence`-th (0-based) appearance of `needle` in `file`.
  Span find(FileId file, llvm::StringRef needle, unsigned occurrence = 0) {
    std::string text = sources.file(file).text().str(); // std::string: llvm-14's StringRef::npos clashes at link time
    size_t at = text.find(needle.str());
    for (unsigned i = 0; i < occurrence; ++i)
      at = text.find(needle.str(), at + 1);
    EXPECT_NE(at, std::string::npos) << needle.str();
    return {file, static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
  }

  SourceManager sources;
  DiagnosticSink sink;
};

constexpr const char *kApp = "schema Service {\n"
                             "  replicas: int = 1\n"
                             "}\n"
                             "let s = Service { replicaz = 3 }\n";

TEST_F(DiagRenderTest, HumanPrimarySpanWithHint) {
  FileId f = add("app.cairn", kApp);
  sink.report(DiagKind::UnknownField, find(f, "replicaz"), "replicaz", "Service")
      .withHint("did you mean `replicas`?");
  EXPECT_EQ(renderHuman(sink.diagnostics()[0], sources),
            "error[E0401]: unknown field `replicaz` in `Service`\n"
            " --> app.cairn:4:19\n"
            "  |\n"
            "4 | let s = Service { replicaz = 3 }\n"
            "  |                   ^^^^^^^^\n"
            "  |\n"
            "  = hint: did you mean `replicas`?\n");
}

// A diagnostic at a secret (a Secret's data in YAML) names the place but
// shows no line of it.
TEST_F(DiagRenderTest, HumanSecretSourceHasNoExcerpt) {
  FileId f = add("s.yaml", "kind: Secret\ndata:\n  password: hunter2\n");
  Diagnostic &d = sink.report(DiagKind::ManifestConstraint, find(f, "hunter2"), kSecretPlaceholder.str(), "string(8..)");
  d.withHint("it must have at least 8 characters");
  d.secretSource = true;
  EXPECT_EQ(renderHuman(sink.diagnostics()[0], sources),
            "error[E0808]: <secret> does not satisfy `string(8..)`\n"
            " --> s.yaml:3:13\n"
            "  |\n"
            "  = hint: it must have at least 8 characters\n");
  EXPECT_EQ(renderCompact(sink.diagnostics()[0], sources),
            "s.yaml:3:13: error[E0808]: <secret> does not satisfy `string(8..)`\n"
            "  hint: it must have at least 8 characters\n");
}

TEST_F(DiagRenderTest, HumanLabelInSameFileAndNotes) {
  FileId f = add("app.cairn", kApp);
  sink.report(DiagKind::FieldRedefined, find(f, "replicaz"), "replicaz", "Service")
      .label(find(f, "replicas"), "first defined here")
      .note("fields are defined once")
      .withHint("rename one of them");
  EXPECT_EQ(renderHuman(sink.diagnostics()[0], sources),
            "error[E0409]: field `replicaz` is already defined in `Service`\n"
            " --> app.cairn:4:19\n"
            "  |\n"
            "2 |   replicas: int = 1\n"
            "  |   -------- first defined here\n"
            "3 | }\n"
            "4 | let s = Service { replicaz = 3 }\n"
            "  |                   ^^^^^^^^\n"
            "  |\n"
            "  = note: fields are defined once\n"
            "  = hint: rename one of them\n");
}

TEST_F(DiagRenderTest, HumanDistantLinesAreElided) {
  std::string text = "let a = 1\n";
  for (int i = 0; i < 10; ++i)
    text += "// filler\n";
  text += "let a = 2\n";
  FileId f = add("dup.cairn", text);
  sink.report(DiagKind::DuplicateDefinition, find(f, "a", 1), "a").label(find(f, "a", 0), "first here");
  EXPECT_EQ(renderHuman(sink.diagnostics()[0], sources),
            "error[E0304]: `a` is defined more than once\n"
            "  --> dup.cairn:12:5\n"
            "   |\n"
            " 1 | let a = 1\n"
            "   |     - first here\n"
            "...\n"
            "12 | let a = 2\n"
            "   |     ^\n");
}

TEST_F(DiagRenderTest, HumanLabelInOtherFileGetsItsOwnArrow) {
  FileId lib = add("lib/service.cairn", "schema S {\n  x: int\n  check x < 5, \"x is small\"\n}\n");
  FileId app = add("app.cairn", "let s = S { x = 9 }\n");
  sink.report(DiagKind::CheckFailed, find(app, "S { x = 9 }"), "x is small")
      .label(find(lib, "check x < 5, \"x is small\""), "check declared here");
  EXPECT_EQ(renderHuman(sink.diagnostics()[0], sources),
            "error[E0502]: check failed: x is small\n"
            " --> app.cairn:1:9\n"
            "  |\n"
            "1 | let s = S { x = 9 }\n"
            "  |         ^^^^^^^^^^^\n"
            " --> lib/service.cairn:3:3\n"
            "  |\n"
            "3 |   check x < 5, \"x is small\"\n"
            "  |   ------------------------- check declared here\n");
}

TEST_F(DiagRenderTest, HumanTabsExpandAndCaretsFollow) {
  FileId f = add("tab.cairn", "let\tx = \"a\" + 1\n");
  sink.report(DiagKind::InvalidBinaryOperator, find(f, "\"a\" + 1"), "+", "string", "int");
  EXPECT_EQ(renderHuman(sink.diagnostics()[0], sources),
            "error[E0306]: operator `+` cannot be applied to `string` and `int`\n"
            " --> tab.cairn:1:9\n"
            "  |\n"
            "1 | let    x = \"a\" + 1\n"
            "  |            ^^^^^^^\n");
}

TEST_F(DiagRenderTest, HumanLongLineIsCutAroundTheSpan) {
  std::string line = "let x = [" + std::string(200, '1') + ", oops]";
  FileId f = add("long.cairn", line + "\n");
  sink.report(DiagKind::UnknownName, find(f, "oops"), "oops");
  DiagRenderOptions options;
  options.maxLineWidth = 40;
  std::string out = renderHuman(sink.diagnostics()[0], sources, options);
  EXPECT_EQ(out, "error[E0301]: unknown name `oops`\n"
                 " --> long.cairn:1:212\n"
                 "  |\n"
                 "1 | ..." + std::string(33, '1') + ", oops]\n"
                 "  | " + std::string(38, ' ') + "^^^^\n");
}

TEST_F(DiagRenderTest, HumanEmptySpanAndSpanPastEndOfFile) {
  FileId f = add("eof.cairn", "let x = {\n");
  Span atEnd{f, 10, 10};
  sink.report(DiagKind::UnclosedDelimiter, atEnd, "{").label(Span{f, 500, 900}, "far away");
  EXPECT_EQ(renderHuman(sink.diagnostics()[0], sources),
            "error[E0105]: `{` is never closed\n"
            " --> eof.cairn:2:1\n"
            "  |\n"
            "2 |\n"
            "  | ^\n"
            "  | - far away\n");
}

TEST_F(DiagRenderTest, HumanWithoutLocation) {
  sink.report(DiagKind::OutputWriteFailed, Span{}, "out.yaml", "permission denied")
      .note("the previous output was left in place");
  EXPECT_EQ(renderHuman(sink.diagnostics()[0], sources),
            "error[E0603]: cannot write `out.yaml`: permission denied\n"
            "  = note: the previous output was left in place\n");
}

TEST_F(DiagRenderTest, HumanMultiLineSpanUnderlinesFirstAndLastLine) {
  FileId f = add("multi.cairn", "let s = Service {\n  name = \"web\"\n}\n");
  Span span{f, 8, static_cast<uint32_t>(sources.file(f).text().size() - 1)};
  sink.report(DiagKind::MissingField, span, "image", "Service");
  EXPECT_EQ(renderHuman(sink.diagnostics()[0], sources),
            "error[E0402]: missing required field `image` in `Service`\n"
            " --> multi.cairn:1:9\n"
            "  |\n"
            "1 | let s = Service {\n"
            "  |         ^^^^^^^^^\n"
            "2 |   name = \"web\"\n"
            "3 | }\n"
            "  | ^\n");
}

TEST_F(DiagRenderTest, AnySpanRendersInEveryForm) {
  // Tabs, multi-byte UTF-8, CRLF, an empty line and no final newline; spans
  // reversed, empty, past the end, and a file id nobody added.
  FileId f = add("odd.cairn", "\tlet é = \"日本\"\r\n\nx = [1,\n  2]");
  auto size = static_cast<uint32_t>(sources.file(f).text().size());
  for (uint32_t begin = 0; begin <= size + 2; ++begin)
    for (uint32_t end : {0u, begin, begin + 1, begin + 7, size, size + 5}) {
      DiagnosticSink sink;
      sink.report(DiagKind::UnknownName, Span{f, begin, end}, "x")
          .label(Span{f, end, begin}, "label")
          .label(Span{FileId{7}, 1, 2}, "in no file");
      const Diagnostic &d = sink.diagnostics()[0];
      std::string human = renderHuman(d, sources);
      EXPECT_EQ(human.rfind("error[E0301]: unknown name `x`\n", 0), 0u);
      EXPECT_NE(human.find(" = note: in no file\n"), std::string::npos) << human;
      EXPECT_NE(renderCompact(d, sources).find("  note: in no file"), std::string::npos);
      EXPECT_EQ(diagnosticToJson(d, sources)["labels"][1]["file"], nullptr);
    }
}

TEST_F(DiagRenderTest, HumanColourOnlyWhenAsked) {
  FileId f = add("app.cairn", kApp);
  sink.report(DiagKind::UnusedLet, find(f, "s ="), "s");
  DiagRenderOptions colour;
  colour.color = true;
  std::string painted = renderHuman(sink.diagnostics()[0], sources, colour);
  EXPECT_NE(painted.find("\x1b[1;33mwarning[W0302]\x1b[0m"), std::string::npos) << painted;
  EXPECT_EQ(renderHuman(sink.diagnostics()[0], sources).find('\x1b'), std::string::npos);
}

TEST(DiagRenderColour, TerminalAndNoColor) {
  EXPECT_TRUE(shouldUseColor(true, false));
  EXPECT_FALSE(shouldUseColor(true, true));
  EXPECT_FALSE(shouldUseColor(false, false));
}

TEST_F(DiagRenderTest, CompactWithNotesHintAndLabels) {
  FileId f = add("app.cairn", kApp);
  sink.report(DiagKind::UnknownField, find(f, "replicaz"), "replicaz", "Service")
      .label(find(f, "Service", 0), "`Service` is defined here")
      .label(Span{}, "somewhere")
      .note("schemas are closed")
      .withHint("did you mean `replicas`?");
  EXPECT_EQ(renderCompact(sink.diagnostics()[0], sources),
            "app.cairn:4:19: error[E0401]: unknown field `replicaz` in `Service`\n"
            "  note: schemas are closed\n"
            "  hint: did you mean `replicas`?\n"
            "  app.cairn:1:8: note: `Service` is defined here\n"
            "  note: somewhere\n");
}

TEST_F(DiagRenderTest, CompactWithoutLocation) {
  sink.report(DiagKind::OutputWriteFailed, Span{}, "out", "disk full");
  EXPECT_EQ(renderCompact(sink.diagnostics()[0], sources), "error[E0603]: cannot write `out`: disk full\n");
}

TEST_F(DiagRenderTest, JsonHasStableFields) {
  FileId f = add("app.cairn", kApp);
  Span name = find(f, "replicaz");
  sink.report(DiagKind::UnknownField, name, "replicaz", "Service")
      .label(find(f, "replicas"), "did you mean this field?")
      .withHint("did you mean `replicas`?")
      .fix("rename to `replicas`", name, "replicas");
  sink.report(DiagKind::OutputWriteFailed, Span{}, "out", "disk full");
  std::string json = renderDiagnostics(sink.diagnostics(), sources, DiagRenderFormat::Json);
  auto parsed = nlohmann::json::parse(json);
  EXPECT_EQ(parsed, nlohmann::json::parse(R"([
    {"code": "E0401", "severity": "error", "name": "UnknownField",
     "message": "unknown field `replicaz` in `Service`",
     "file": "app.cairn",
     "start": {"line": 4, "column": 19, "offset": 57},
     "end": {"line": 4, "column": 27, "offset": 65},
     "labels": [{"message": "did you mean this field?", "file": "app.cairn",
                 "start": {"line": 2, "column": 3, "offset": 19},
                 "end": {"line": 2, "column": 11, "offset": 27}}],
     "notes": [], "hint": "did you mean `replicas`?",
     "fixes": [{"message": "rename to `replicas`",
                "edits": [{"file": "app.cairn",
                           "start": {"line": 4, "column": 19, "offset": 57},
                           "end": {"line": 4, "column": 27, "offset": 65},
                           "replacement": "replicas"}]}]},
    {"code": "E0603", "severity": "error", "name": "OutputWriteFailed",
     "message": "cannot write `out`: disk full", "file": null, "start": null, "end": null,
     "labels": [], "notes": [], "hint": null, "fixes": []}
  ])"));
  // Field order is part of the format: code first, fixes last.
  EXPECT_EQ(json.rfind("[\n  {\n    \"code\": \"E0401\",\n    \"severity\": \"error\",", 0), 0u) << json;
}

TEST_F(DiagRenderTest, JsonOfNothingIsAnEmptyArray) {
  EXPECT_EQ(renderDiagnostics({}, sources, DiagRenderFormat::Json), "[]\n");
}

TEST_F(DiagRenderTest, HumanDiagnosticsAreSeparatedByABlankLine) {
  FileId f = add("a.cairn", "let x = y\n");
  sink.report(DiagKind::UnknownName, find(f, "y"), "y");
  sink.report(DiagKind::UnusedLet, find(f, "x"), "x");
  EXPECT_EQ(renderDiagnostics(sink.diagnostics(), sources, DiagRenderFormat::Human),
            "error[E0301]: unknown name `y`\n"
            " --> a.cairn:1:9\n"
            "  |\n"
            "1 | let x = y\n"
            "  |         ^\n"
            "\n"
            "warning[W0302]: `x` is never used\n"
            " --> a.cairn:1:5\n"
            "  |\n"
            "1 | let x = y\n"
            "  |     ^\n");
}

TEST_F(DiagRenderTest, SortByPathThenOffsetStable) {
  FileId b = add("b.cairn", "let q = 1\n");
  FileId a = add("a.cairn", "let x = 1\nlet y = 2\n");
  sink.report(DiagKind::UnknownName, find(b, "q"), "first-b");
  sink.report(DiagKind::UnknownName, find(a, "y"), "second-a");
  sink.report(DiagKind::UnknownName, find(a, "x"), "first-a");
  sink.report(DiagKind::UnknownName, find(a, "x"), "first-a-again");
  sink.report(DiagKind::OutputWriteFailed, Span{}, "o", "no location");
  std::vector<Diagnostic> diags = sink.take();
  sortDiagnostics(diags, sources);
  std::vector<std::string> order;
  for (const Diagnostic &d : diags)
    order.push_back(d.message);
  EXPECT_EQ(order, (std::vector<std::string>{"cannot write `o`: no location", "unknown name `first-a`",
                                             "unknown name `first-a-again`", "unknown name `second-a`",
                                             "unknown name `first-b`"}));
}

TEST_F(DiagRenderTest, SummaryCountsErrorsAndWarnings) {
  FileId f = add("a.cairn", "let x = y\n");
  EXPECT_EQ(diagnosticSummary({}), "");
  sink.report(DiagKind::UnusedLet, find(f, "x"), "x");
  EXPECT_EQ(diagnosticSummary(sink.diagnostics()), "warning: 1 warning");
  sink.report(DiagKind::UnknownName, find(f, "y"), "y");
  sink.report(DiagKind::UnknownName, find(f, "y"), "y");
  EXPECT_EQ(diagnosticSummary(sink.diagnostics()), "error: 2 errors, 1 warning");
  EXPECT_EQ(diagnosticSummary(sink.diagnostics(), true), "\x1b[1;31merror\x1b[0m: 2 errors, 1 warning");
}

} // namespace
} // namespace cairn
