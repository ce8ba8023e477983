// The document outline: every kind of declaration, schemas with fields,
// policies with params and checks, emits named after what they emit.
#include "lsp/document_symbols.h"

#include <gtest/gtest.h>

#include "navigation_test_util.h"

namespace cairn::lsp {
namespace {

using test::pairOf;
using test::SingleFile;

const OutlineSymbol *find(const std::vector<OutlineSymbol> &symbols, const std::string &name) {
  for (const OutlineSymbol &s : symbols)
    if (s.name == name)
      return &s;
  return nullptr;
}

TEST(DocumentSymbols, EveryDeclarationKind) {
  SingleFile f(R"(
import "k8s/apps/v1" as $apps[[apps]]
param $env[[env]]: string = "dev"
let $name[[name]] = "web"
fn $twice[[twice]](x: int): int = x * 2
type $Port[[Port]] = int(1..65535)
$box[[schema $Box[[Box]] {
  $size[[size]]: int
  label?: string
}]]
policy $policy[["small-box"]] on Box {
  param $limit[[limit]]: int = 10
  check size <= limit, "too big"
}
emit apps.Deployment {
  metadata.name = "web"
  spec { selector.matchLabels = {}, template.spec.containers = [] }
}
emit Box { size = 1 }
)");
  auto symbols = documentSymbols(*f.snapshot, f.module);
  std::vector<std::string> names;
  for (const OutlineSymbol &s : symbols)
    names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"apps", "env", "name", "twice", "Port", "Box", "small-box",
                                              "emit Deployment web", "emit Box"}));
  const std::pair<const char *, int> kinds[] = {
      {"apps", symbol_kind::kModule},     {"env", symbol_kind::kVariable},       {"name", symbol_kind::kConstant},
      {"twice", symbol_kind::kFunction},  {"Port", symbol_kind::kTypeParameter}, {"Box", symbol_kind::kStruct},
      {"small-box", symbol_kind::kEvent}, {"emit Box", symbol_kind::kObject}};
  for (auto [name, kind] : kinds) {
    const OutlineSymbol *s = find(symbols, name);
    ASSERT_NE(s, nullptr) << name;
    EXPECT_EQ(s->kind, kind) << name;
    EXPECT_TRUE(s->selection.begin >= s->range.begin && s->selection.end <= s->range.end) << name;
    if (f.source.ranges.count(name)) {
      EXPECT_EQ(pairOf(s->selection), f.source.range(name)) << name;
    }
  }
  EXPECT_EQ(find(symbols, "env")->detail, "string");
  EXPECT_EQ(find(symbols, "apps")->detail, "\"k8s/apps/v1\"");

  const OutlineSymbol *box = find(symbols, "Box");
  EXPECT_EQ(pairOf(box->range), f.source.range("box"));
  ASSERT_EQ(box->children.size(), 2u);
  EXPECT_EQ(box->children[0].name, "size");
  EXPECT_EQ(box->children[0].kind, symbol_kind::kField);
  EXPECT_EQ(box->children[0].detail, "int");
  EXPECT_EQ(pairOf(box->children[0].selection), f.source.range("size"));
  EXPECT_EQ(box->children[1].detail, "optional string");

  const OutlineSymbol *policy = find(symbols, "small-box");
  EXPECT_EQ(pairOf(policy->selection), f.source.range("policy"));
  EXPECT_EQ(policy->detail, "on Box");
  ASSERT_EQ(policy->children.size(), 2u);
  EXPECT_EQ(policy->children[0].name, "limit");
  EXPECT_EQ(pairOf(policy->children[0].selection), f.source.range("limit"));
  EXPECT_EQ(policy->children[1].name, "check size <= limit");
}

TEST(DocumentSymbols, BrokenDeclarationsAreSkippedNotFatal) {
  SingleFile f("let = 3\nschema { a: int }\nlet ok = 1\nfn (x) = \nemit\npolicy on {\n");
  auto symbols = documentSymbols(*f.snapshot, f.module);
  ASSERT_NE(find(symbols, "ok"), nullptr);
  for (const OutlineSymbol &s : symbols)
    EXPECT_FALSE(s.name.empty());
}

} // namespace
} // namespace cairn::lsp
