// Go to definition for every kind of symbol, within a file, across imports
// and into the standard library; and go to type definition.
#include "lsp/definition.h"

#include <gtest/gtest.h>

#include "navigation_test_util.h"

namespace cairn::lsp {
namespace {

using test::Annotated;
using test::pairOf;
using test::SingleFile;
using test::TestWorkspace;

// The definition at every unnamed point of the source is the range "def".
void expectDefinitionAtEachPoint(const std::string &marked) {
  SingleFile f(marked);
  auto points = f.source.points.at("");
  ASSERT_FALSE(points.empty());
  for (uint32_t point : points) {
    auto defs = findDefinition(*f.snapshot, f.module, point);
    ASSERT_EQ(defs.size(), 1u) << "at offset " << point << " of:\n" << f.source.code;
    EXPECT_EQ(defs[0].selection.file, f.file);
    EXPECT_EQ(pairOf(defs[0].selection), f.source.range("def")) << "at offset " << point << " of:\n" << f.source.code;
  }
}

TEST(Definition, TopLevelLetParamAndFn) {
  expectDefinitionAtEachPoint("let $def[[base]] = 2\nlet doubled = ba^se * 2\nlet tripled = ^base * 3\n");
  expectDefinitionAtEachPoint("param $def[[env]]: string = \"dev\"\nlet name = \"web-${e^nv}\"\n");
  expectDefinitionAtEachPoint("fn $def[[twice]](x: int): int = x * 2\nlet four = tw^ice(2)\n");
}

TEST(Definition, DeclarationIsItsOwnDefinition) {
  expectDefinitionAtEachPoint("let $def[[ba^se]] = 2\nlet doubled = base * 2\n");
}

TEST(Definition, SchemaAndTypeAlias) {
  expectDefinitionAtEachPoint(R"(
schema $def[[Service]] { name: string }
let a = Serv^ice { name = "a" }
let b: [Se^rvice] = [a]
fn f(s: ^Service): string = s.name
)");
  expectDefinitionAtEachPoint(R"(
type $def[[Port]] = int(1..65535)
schema Service { port: Po^rt = 80 }
let p: ^Port = 8080
)");
}

TEST(Definition, Locals) {
  // fn parameter, lambda parameter, `let (...)`, comprehension variables.
  expectDefinitionAtEachPoint("fn f($def[[x]]: int): int = ^x + x^\n");
  expectDefinitionAtEachPoint("let g = fn($def[[n]]) => n^ * 2\n");
  expectDefinitionAtEachPoint("let v = let ($def[[t]] = 3) ^t * t\n");
  expectDefinitionAtEachPoint("let xs = [for $def[[x]] in [1, 2] if ^x > 1: x^ * 2]\n");
  expectDefinitionAtEachPoint("let m = {for k, $def[[v]] in {a = 1}: k = ^v}\n");
}

TEST(Definition, InnermostLocalShadowsOuterNames) {
  expectDefinitionAtEachPoint("let x = 1\nfn f(x: int): int = let ($def[[x]] = 2) ^x\n");
  // A `let (...)` name is not in scope in its own value: that `x` is the parameter.
  expectDefinitionAtEachPoint("fn f($def[[x]]: int): int = let (x = ^x + 1) x\n");
  // A comprehension clause does not see its own variable.
  expectDefinitionAtEachPoint("let $def[[xs]] = [1]\nlet ys = [for xs in ^xs: xs]\n");
}

TEST(Definition, SchemaFieldsFromEveryPlace) {
  expectDefinitionAtEachPoint(R"(
schema Inner { $def[[port]]: int }
schema Outer { inner: Inner, copy: int = inner.po^rt }
let a = Outer { inner { ^port = 1 } }
let b = Outer { inner.p^ort = 2 }
let c = Outer { inner = { port^ = 3 } }
let d = a.inner.^port
let e = a with { inner.port^ = 4 }
)");
  // A sibling field read by name in a default and in a check.
  expectDefinitionAtEachPoint(R"(
schema Service {
  $def[[name]]: string
  host: string = "${na^me}.local"
  check len(^name) > 0, "empty"
}
)");
}

TEST(Definition, InheritedFieldGoesToTheDeclaringSchema) {
  expectDefinitionAtEachPoint(R"(
schema Base { $def[[name]]: string }
schema Child extends Base { port: int = 1 }
let c = Child { na^me = "x" }
let n = c.^name
)");
}

TEST(Definition, PolicyParamAndTargetFields) {
  SingleFile f(R"(
schema Box { $field[[size]]: int }
policy "small-box" on Box {
  param $param[[limit]]: int = 10
  check s^ize <= $use^limit, "too big"
}
)");
  auto param = findDefinition(*f.snapshot, f.module, f.source.point("use"));
  ASSERT_EQ(param.size(), 1u);
  EXPECT_EQ(pairOf(param[0].selection), f.source.range("param"));
  auto field = findDefinition(*f.snapshot, f.module, f.source.point());
  ASSERT_EQ(field.size(), 1u);
  EXPECT_EQ(pairOf(field[0].selection), f.source.range("field"));
}

TEST(Definition, AcrossImports) {
  Annotated lib(R"(
schema $Port[[Port]] { number: int }
fn $helper[[helper]](x: int): int = x + 1
)");
  Annotated main(R"(
import $path^"./lib.cairn" as $alias[[lib]]
let p: l^ib.$type^Port = lib.Port { number = lib.$fn^helper(1) }
)");
  TestWorkspace ws;
  ws.add("lib.cairn", lib.code).add("main.cairn", main.code);
  auto snap = ws.analyze();
  uint32_t m = TestWorkspace::module(*snap, "main.cairn");
  FileId libFile = test::fileOf(*snap, "lib.cairn");

  auto fn = findDefinition(*snap, m, main.point("fn"));
  ASSERT_EQ(fn.size(), 1u);
  EXPECT_EQ(fn[0].selection.file, libFile);
  EXPECT_EQ(pairOf(fn[0].selection), lib.range("helper"));

  auto type = findDefinition(*snap, m, main.point("type"));
  ASSERT_EQ(type.size(), 1u);
  EXPECT_EQ(type[0].selection.file, libFile);
  EXPECT_EQ(pairOf(type[0].selection), lib.range("Port"));

  auto alias = findDefinition(*snap, m, main.point());
  ASSERT_EQ(alias.size(), 1u);
  EXPECT_EQ(pairOf(alias[0].selection), main.range("alias"));

  // The import path opens the module's file.
  auto path = findDefinition(*snap, m, main.point("path"));
  ASSERT_EQ(path.size(), 1u);
  EXPECT_EQ(path[0].selection.file, libFile);
  EXPECT_EQ(path[0].selection.begin, 0u);
}

TEST(Definition, IntoTheStandardLibrary) {
  SingleFile f(R"(
import "k8s/apps/v1" as apps
let d = apps.Deplo^yment {
  metadata.name = "web"
  spec {
    $replicas^replicas = 3
    selector.matchLabels = { app = "web" }
    template.spec.containers = []
  }
}
)");
  auto deployment = findDefinition(*f.snapshot, f.module, f.source.point());
  ASSERT_EQ(deployment.size(), 1u);
  const Snapshot &snap = *f.snapshot;
  auto target = snap.moduleOfFile(deployment[0].selection.file);
  ASSERT_TRUE(target.has_value());
  EXPECT_TRUE(snap.program.modules[*target].isStdlib);
  EXPECT_NE(snap.program.modules[*target].canonicalPath.find("k8s/apps/v1.cairn"), std::string::npos);
  EXPECT_EQ(snap.text(*target).substr(deployment[0].selection.begin, deployment[0].selection.length()), "Deployment");
  EXPECT_EQ(snap.text(*target).substr(deployment[0].target.begin, 18), "schema Deployment ");

  auto replicas = findDefinition(snap, f.module, f.source.point("replicas"));
  ASSERT_EQ(replicas.size(), 1u);
  auto fieldModule = snap.moduleOfFile(replicas[0].selection.file);
  ASSERT_TRUE(fieldModule.has_value());
  EXPECT_EQ(snap.text(*fieldModule).substr(replicas[0].selection.begin, replicas[0].selection.length()), "replicas");
  // Inside `schema DeploymentSpec`.
  llvm::StringRef before = snap.text(*fieldModule).substr(0, replicas[0].selection.begin);
  EXPECT_EQ(before.rfind("schema "), before.rfind("schema DeploymentSpec {"));
}

TEST(Definition, NothingForBuiltinsLiteralsAndKeywords) {
  SingleFile f("let a = l^en([1])\nlet b = \"te^xt\"\n^let c = 1\n");
  for (uint32_t point : f.source.points.at(""))
    EXPECT_TRUE(findDefinition(*f.snapshot, f.module, point).empty()) << point;
}

TEST(TypeDefinition, SchemaOfTheValueUnderTheCursor) {
  SingleFile f(R"(
schema $Inner[[Inner]] { port: int }
schema $Outer[[Outer]] { inner: Inner?, items: [Inner] = [] }
let o = Outer { inner { port = 1 } }
let x = ^o
let y = o.in$field^ner
)");
  auto atName = findTypeDefinition(*f.snapshot, f.module, f.source.point());
  ASSERT_EQ(atName.size(), 1u);
  EXPECT_EQ(pairOf(atName[0].selection), f.source.range("Outer"));
  auto atField = findTypeDefinition(*f.snapshot, f.module, f.source.point("field"));
  ASSERT_EQ(atField.size(), 1u) << "an optional Inner is still an Inner";
  EXPECT_EQ(pairOf(atField[0].selection), f.source.range("Inner"));
  auto atDecl = findTypeDefinition(*f.snapshot, f.module, f.source.range("Inner").first);
  ASSERT_EQ(atDecl.size(), 1u);
  EXPECT_EQ(pairOf(atDecl[0].selection), f.source.range("Inner"));
}

TEST(TypeDefinition, StdlibFieldType) {
  SingleFile f(R"(
import "k8s/apps/v1" as apps
let d = apps.Deployment {
  metadata.name = "web"
  sp^ec { selector.matchLabels = { app = "web" }, template.spec.containers = [] }
}
)");
  auto defs = findTypeDefinition(*f.snapshot, f.module, f.source.point());
  ASSERT_EQ(defs.size(), 1u);
  auto target = f.snapshot->moduleOfFile(defs[0].selection.file);
  ASSERT_TRUE(target.has_value());
  EXPECT_EQ(f.snapshot->text(*target).substr(defs[0].selection.begin, defs[0].selection.length()), "DeploymentSpec");
}

} // namespace
} // namespace cairn::lsp
