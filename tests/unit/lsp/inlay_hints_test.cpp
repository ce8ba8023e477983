#include <gtest/gtest.h>

#include "lsp/handlers_presentation.h"
#include "lsp/inlay_hints.h"
#include "test_workspace.h"

namespace cairn::lsp {
namespace {

using test::Annotated;
using test::TestWorkspace;

struct Shown {
  uint32_t offset;
  std::string label;
  friend bool operator==(const Shown &a, const Shown &b) { return a.offset == b.offset && a.label == b.label; }
};
std::ostream &operator<<(std::ostream &os, const Shown &s) { return os << s.offset << " `" << s.label << "`"; }

std::vector<Shown> hintsOf(const std::string &code, uint32_t begin = 0, uint32_t end = UINT32_MAX) {
  TestWorkspace ws;
  ws.add("main.cairn", code);
  auto snap = ws.analyze();
  std::vector<Shown> out;
  for (const InlayHint &h : inlayHints(*snap, TestWorkspace::module(*snap, "main.cairn"), begin, end))
    out.push_back({h.offset, h.label});
  return out;
}

constexpr const char *kSource = R"(schema App { name: string }
fn double(n: int)$double^ = n * 2
fn scale(value: int, factor: int): int = value * factor
let literal = 1
let text = "x"
let app = App { name = "a" }
let copy = app with { name = "b" }
let computed$computed^ = double(4)
let scaled$scaled^ = scale($value^2, $factor^-3)
let named$named^ = scale(computed, scaled)
let names$names^ = [for a$a^ in [app]: a.name]
let indexed$indexed^ = [for i$i^, s$s^ in ["x"]: s]
let g: fn(int) -> int = fn(x$x^) => x + 1
let local$local^ = let (y$y^ = double(1)) y + 1
)";

TEST(InlayHints, TypesWhereTheyAreNotObviousAndParameterNamesForLiterals) {
  Annotated a(kSource);
  std::vector<Shown> expected = {
      {a.point("double"), ": int"},      {a.point("computed"), ": int"},    {a.point("scaled"), ": int"},
      {a.point("value"), "value:"},      {a.point("factor"), "factor:"},    {a.point("named"), ": int"},
      {a.point("names"), ": [string]"},
      {a.point("a"), ": App"},           {a.point("indexed"), ": [string]"}, {a.point("i"), ": int"},
      {a.point("s"), ": string"},        {a.point("x"), ": int"},           {a.point("local"), ": int"},
      {a.point("y"), ": int"},
  };
  EXPECT_EQ(hintsOf(a.code), expected);
}

TEST(InlayHints, OnlyTheRequestedRange) {
  Annotated a(kSource);
  uint32_t begin = static_cast<uint32_t>(a.code.find("let scaled")), end = static_cast<uint32_t>(a.code.find("let named"));
  std::vector<Shown> expected = {{a.point("scaled"), ": int"}, {a.point("value"), "value:"}, {a.point("factor"), "factor:"}};
  EXPECT_EQ(hintsOf(a.code, begin, end), expected);
}

TEST(InlayHints, HandlerSpeaksLsp) {
  TestWorkspace ws;
  ws.add("main.cairn", "fn add(a: int, b: int): int = a + b\nlet sum = add(1, 2)\n");
  auto snap = ws.analyze();
  ClientCapabilities caps;
  FeatureContext ctx{*snap, TestWorkspace::module(*snap, "main.cairn"), caps};
  json params = {{"range", {{"start", {{"line", 1}, {"character", 0}}}, {"end", {{"line", 2}, {"character", 0}}}}}};
  json result = handleInlayHint(ctx, params);
  ASSERT_EQ(result.size(), 3u) << result.dump();
  EXPECT_EQ(result[0], json({{"position", {{"line", 1}, {"character", 7}}}, {"label", ": int"}, {"kind", 1},
                             {"paddingLeft", false}, {"paddingRight", false}}));
  EXPECT_EQ(result[1]["label"], "a:");
  EXPECT_EQ(result[1]["kind"], 2);
  EXPECT_EQ(result[1]["paddingRight"], true);
  EXPECT_THROW(handleInlayHint(ctx, json::object()), ProtocolError);
}

TEST(InlayHints, BrokenDocumentsDoNotCrash) {
  for (const char *code : {"let x = ", "let y = double(", "fn f(a) = a +", "let z = [for in : ]", "let w = fn(, ) =>",
                           "let v = let ( = 1) ", "fn g(a: int) = \nlet u = g(1, 2, 3)", "let t = {for k, in {}: k = }"}) {
    for (const Shown &s : hintsOf(code))
      EXPECT_LE(s.offset, std::string(code).size()) << code;
  }
}

} // namespace
} // namespace cairn::lsp
