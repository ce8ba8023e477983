// Signature help: labels, parameter offsets and the active parameter.
#include <gtest/gtest.h>

#include "annotations.h"
#include "lsp/signature_builtins.h"
#include "lsp/signature_help.h"
#include "test_workspace.h"

namespace cairn::lsp::test {
namespace {

std::optional<SignatureInfo> helpAt(const std::string &marked) {
  Annotated a(marked);
  TestWorkspace ws;
  ws.add("main.cairn", a.code);
  auto snap = ws.analyze();
  return signatureHelp(*snap, TestWorkspace::module(*snap, "main.cairn"), a.point());
}

std::string param(const SignatureInfo &info, size_t i) {
  auto [begin, end] = info.parameters.at(i);
  return info.label.substr(begin, end - begin);
}

TEST(SignatureHelp, BuiltinWithActiveParameter) {
  auto info = helpAt("let s = substr(\"hello\", 1, ^)\n");
  ASSERT_TRUE(info);
  EXPECT_EQ(info->label, "fn substr(s: string, start: int, length?: int): string");
  EXPECT_EQ(info->activeParameter, 2u);
  EXPECT_EQ(param(*info, 1), "start: int");
  EXPECT_FALSE(info->doc.empty());
}

TEST(SignatureHelp, CommasInsideNestedArgumentsDoNotCount) {
  auto info = helpAt("let s = join([\"a\", \"b\"], ^\n");
  ASSERT_TRUE(info);
  EXPECT_EQ(info->activeParameter, 1u);
  auto inner = helpAt("let s = join(split(\"a,b\", ^), \",\")\n");
  ASSERT_TRUE(inner);
  EXPECT_EQ(inner->label.substr(0, 9), "fn split(");
  EXPECT_EQ(inner->activeParameter, 1u);
  auto inList = helpAt("let s = join([\"a\", ^], \",\")\n");
  ASSERT_TRUE(inList);
  EXPECT_EQ(inList->activeParameter, 0u) << "the first argument is the list";
}

TEST(SignatureHelp, UserFunctionWithDoc) {
  auto info = helpAt("/// Adds.\nfn add(a: int, b: int): int = a + b\nlet x = add(1, ^");
  ASSERT_TRUE(info);
  EXPECT_EQ(info->label, "fn add(a: int, b: int): int");
  EXPECT_EQ(info->activeParameter, 1u);
  EXPECT_EQ(info->doc, "Adds.");
  EXPECT_EQ(param(*info, 0), "a: int");
}

TEST(SignatureHelp, NoneOutsideCallsAndInDeclarations) {
  EXPECT_FALSE(helpAt("let x = (1 + ^)\n"));
  EXPECT_FALSE(helpAt("fn f(a: ^"));
  EXPECT_FALSE(helpAt("let x = 1^"));
}

TEST(SignatureHelp, EveryBuiltinHasLabelsMatchingItsArity) {
  for (const types::BuiltinInfo &builtin : types::builtinTable())
    EXPECT_EQ(builtinSignature(builtin.id).params.size(), builtin.maxArgs) << builtin.name.str();
}

} // namespace
} // namespace cairn::lsp::test
