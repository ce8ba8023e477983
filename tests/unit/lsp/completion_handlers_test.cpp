// The JSON glue of completion, hover and signature help: LSP shapes, UTF-16
// positions on lines with non-ASCII text, client capabilities, bad params.
#include <gtest/gtest.h>

#include "annotations.h"
#include "lsp/handlers_completion.h"
#include "test_workspace.h"

namespace cairn::lsp::test {
namespace {

struct Doc {
  Annotated a;
  std::shared_ptr<const Snapshot> snap;
  uint32_t module;
  explicit Doc(const std::string &marked) : a(marked) {
    TestWorkspace ws;
    ws.add("main.cairn", a.code);
    snap = ws.analyze();
    module = TestWorkspace::module(*snap, "main.cairn");
  }
  json position(const std::string &name = "") const {
    LineIndex index(a.code);
    return toJson(index.positionOf(a.point(name)));
  }
  json params(const std::string &name = "") const {
    return {{"textDocument", {{"uri", pathToUri(TestWorkspace::path("main.cairn"))}}}, {"position", position(name)}};
  }
};

const json *itemLabeled(const json &items, const std::string &label) {
  for (const json &item : items)
    if (item["label"] == label)
      return &item;
  return nullptr;
}

TEST(CompletionHandlers, CompletionItemsUseUtf16RangesAfterAnEmoji) {
  Doc doc("schema S { mode: \"on\" | \"off\" = \"on\", name: string }\n"
          "let s = S { name = \"😀\", mo^ }\n");
  ClientCapabilities caps;
  FeatureContext ctx{*doc.snap, doc.module, caps};
  json result = handleCompletion(ctx, doc.params());
  EXPECT_EQ(result["isIncomplete"], false);
  const json *mode = itemLabeled(result["items"], "mode");
  ASSERT_NE(mode, nullptr) << result.dump(2);
  // "let s = S { name = \"😀\", " is 25 UTF-16 units (the emoji counts 2), "mo" follows.
  json expectedRange = {{"start", {{"line", 1}, {"character", 25}}}, {"end", {{"line", 1}, {"character", 27}}}};
  EXPECT_EQ((*mode)["textEdit"]["range"], expectedRange) << mode->dump(2);
  EXPECT_EQ((*mode)["textEdit"]["newText"], "mode = ");
  EXPECT_EQ((*mode)["kind"], 5);
  EXPECT_EQ((*mode)["detail"], "\"on\" | \"off\"");
  EXPECT_EQ((*mode)["documentation"]["kind"], "plaintext");
  EXPECT_EQ((*mode)["insertTextFormat"], 1);
}

TEST(CompletionHandlers, HoverMarkdownOrPlaintextWithWordRange) {
  Doc doc("let s = \"😀\" + toSt^ring(1)\n");
  ClientCapabilities plain;
  json result = handleHover(FeatureContext{*doc.snap, doc.module, plain}, doc.params());
  EXPECT_EQ(result["contents"]["kind"], "plaintext");
  json expectedRange = {{"start", {{"line", 0}, {"character", 15}}}, {"end", {{"line", 0}, {"character", 23}}}};
  EXPECT_EQ(result["range"], expectedRange) << result.dump(2);
  ClientCapabilities md;
  md.markdownHover = true;
  json markdown = handleHover(FeatureContext{*doc.snap, doc.module, md}, doc.params());
  EXPECT_EQ(markdown["contents"]["kind"], "markdown");
  EXPECT_EQ(markdown["contents"]["value"].get<std::string>().rfind("```cairn\nfn toString(x: any): string\n```", 0), 0u)
      << markdown.dump(2);
}

TEST(CompletionHandlers, HoverOnNothingIsNull) {
  Doc doc("let a = 1\n\n^\n");
  ClientCapabilities caps;
  EXPECT_TRUE(handleHover(FeatureContext{*doc.snap, doc.module, caps}, doc.params()).is_null());
}

TEST(CompletionHandlers, SignatureHelpLabelOffsetsInUtf16) {
  Doc doc("let s = replace(\"é\", ^");
  ClientCapabilities caps;
  caps.labelOffsets = true;
  json result = handleSignatureHelp(FeatureContext{*doc.snap, doc.module, caps}, doc.params());
  ASSERT_EQ(result["signatures"].size(), 1u) << result.dump(2);
  const json &sig = result["signatures"][0];
  EXPECT_EQ(sig["label"], "fn replace(s: string, old: string, new: string): string");
  EXPECT_EQ(sig["parameters"][1]["label"], json::array({22, 33}));
  EXPECT_EQ(result["activeParameter"], 1);
  ClientCapabilities strings;
  json named = handleSignatureHelp(FeatureContext{*doc.snap, doc.module, strings}, doc.params());
  EXPECT_EQ(named["signatures"][0]["parameters"][1]["label"], "old: string");
}

TEST(CompletionHandlers, MalformedParamsAreInvalidParams) {
  Doc doc("let a = ^1\n");
  ClientCapabilities caps;
  FeatureContext ctx{*doc.snap, doc.module, caps};
  for (const json &bad : {json::object(), json{{"position", "x"}}, json{{"position", {{"line", -1}}}}, json(42)}) {
    try {
      handleCompletion(ctx, bad);
      ADD_FAILURE() << "accepted " << bad.dump();
    } catch (const ProtocolError &e) {
      EXPECT_EQ(e.code, kInvalidParams) << bad.dump();
    }
  }
}

TEST(CompletionHandlers, PositionsPastTheEndAreClamped) {
  Doc doc("let a = 1\nlet b = ^");
  ClientCapabilities caps;
  json params = doc.params();
  params["position"] = {{"line", 99}, {"character", 99}};
  json result = handleCompletion(FeatureContext{*doc.snap, doc.module, caps}, params);
  EXPECT_NE(itemLabeled(result["items"], "a"), nullptr) << result.dump(2);
}

TEST(CompletionHandlers, CapabilitiesAdvertiseTriggers) {
  json caps = completionCapabilities();
  EXPECT_EQ(caps["completionProvider"]["triggerCharacters"], json::array({".", "\"", "/"}));
  EXPECT_EQ(caps["hoverProvider"], true);
  EXPECT_EQ(caps["signatureHelpProvider"]["triggerCharacters"], json::array({"(", ","}));
}

} // namespace
} // namespace cairn::lsp::test
