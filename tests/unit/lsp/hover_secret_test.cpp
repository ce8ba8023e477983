// Hover on secrets: a `secret param` shows no default value, and it and the
// lets computed from it say that they are secret; the semantic tokens show
// `secret` as a keyword only before `param`.
#include <gtest/gtest.h>

#include "annotations.h"
#include "lsp/hover.h"
#include "lsp/semantic_tokens.h"
#include "test_workspace.h"

namespace cairn::lsp::test {
namespace {

constexpr const char *kSecretSource = R"(/// The API token.
secret param apiToken: string = "tok-0d3b8e51"
let header = "Bearer ${apiToken}"
let headers = { authorization = header }
let plain = "public"
)";

std::string hoverText(const std::string &marked) {
  Annotated a(marked);
  TestWorkspace ws;
  ws.add("main.cairn", a.code);
  auto snap = ws.analyze();
  std::optional<HoverInfo> info = hover(*snap, TestWorkspace::module(*snap, "main.cairn"), a.point());
  return info ? render(info->description, true) : "";
}

TEST(HoverSecret, ASecretParamShowsNoDefault) {
  std::string md = hoverText(std::string(kSecretSource) + "let use = apiTo^ken\n");
  EXPECT_EQ(md, "```cairn\nsecret param apiToken: string = <secret>\n```\n\n"
                "*main.cairn · secret: its value is never shown*\n\nThe API token.");
  EXPECT_EQ(md.find("tok-0d3b8e51"), std::string::npos);
}

TEST(HoverSecret, ALetComputedFromASecretSaysSo) {
  std::string direct = hoverText(std::string(kSecretSource) + "let use = head^er\n");
  EXPECT_EQ(direct, "```cairn\nlet header: string\n```\n\n*main.cairn · secret: its value is never shown*");
  std::string indirect = hoverText(std::string(kSecretSource) + "let use = header^s\n");
  EXPECT_NE(indirect.find("secret: its value is never shown"), std::string::npos) << indirect;
  std::string plain = hoverText(std::string(kSecretSource) + "let use = pla^in\n");
  EXPECT_EQ(plain, "```cairn\nlet plain: string\n```\n\n*main.cairn*");
}

TEST(HoverSecret, SecretIsAKeywordOnlyBeforeParam) {
  TestWorkspace ws;
  std::string code = "secret param token: string\nlet secret = { secret = 1 }\n";
  ws.add("main.cairn", code);
  auto snap = ws.analyze();
  uint32_t module = TestWorkspace::module(*snap, "main.cairn");
  std::vector<SemanticToken> tokens = semanticTokens(*snap, module, 0, uint32_t(code.size()));
  auto typeAt = [&](uint32_t offset) -> std::optional<TokenType> {
    for (const SemanticToken &t : tokens)
      if (t.begin == offset)
        return t.type;
    return std::nullopt;
  };
  EXPECT_EQ(typeAt(0), TokenType::Keyword);                          // `secret` param
  EXPECT_EQ(typeAt(uint32_t(code.find("let secret") + 4)), TokenType::Variable); // the let's name
}

} // namespace
} // namespace cairn::lsp::test
