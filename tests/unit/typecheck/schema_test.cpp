// Schemas: SchemaInfo, inheritance, defaults, checks, and the object literals that build them.
#include <gtest/gtest.h>

#include "check_fixture.h"

namespace cairn::checktest {
namespace {

using Lines = std::vector<std::string>;
using types::FieldPresence;

const types::SchemaInfo &schemaNamed(const CheckResult &r, llvm::StringRef name) {
  for (const types::SchemaInfo &s : r.checked.schemas)
    if (s.name == name)
      return s;
  ADD_FAILURE() << "no schema " << name.str();
  return r.checked.schemas.front();
}

TEST(CheckSchema, FieldsInheritInOrderWithPresence) {
  auto r = check(R"(
schema Base {
  name: string
  port: int = 80
  note?: string
  owner: string?
  check port > 0, "port must be positive"
}
schema Web extends Base {
  port: int(1..1024) = 443
  path: string = "/"
  check path != "", "empty path"
}
)");
  EXPECT_EQ(r->lines(), Lines{});
  const types::SchemaInfo &web = schemaNamed(*r, "Web");
  ASSERT_EQ(web.fields.size(), 5u);
  EXPECT_EQ(web.fields[0].name, "name");
  EXPECT_EQ(web.fields[0].presence, FieldPresence::Required);
  EXPECT_EQ(web.fields[1].name, "port"); // redefined: keeps the parent's position
  EXPECT_EQ(r->checked.display(web.fields[1].type), "int(1..1024)");
  EXPECT_EQ(web.fields[2].presence, FieldPresence::Optional);
  EXPECT_EQ(web.fields[3].presence, FieldPresence::Defaulted);
  EXPECT_FALSE(web.fields[3].defaultValue.valid()); // nullable: defaults to null
  EXPECT_EQ(web.fields[4].name, "path");
  EXPECT_EQ(web.checks.size(), 2u);
  EXPECT_NE(web.parent, types::kNone);
  EXPECT_EQ(web.field("port"), &web.fields[1]);
}

TEST(CheckSchema, DefaultsUseSiblingFields) {
  auto r = check(R"(
schema S {
  name: string
  labels: {string: string} = { app = name }
  full: string = "${name}-${suffix}"
  suffix: string = "x"
}
)");
  EXPECT_EQ(r->lines(), Lines{});
}

TEST(CheckSchema, CyclicDefaults) {
  auto r = check("schema S {\n  a: int = b + 1\n  b: int = a * 2\n  c: int = 1\n}\n");
  EXPECT_EQ(r->lines(), Lines{"2:12 E0406 the default of `a` depends on itself"});
  const Diagnostic *d = r->first("E0406");
  ASSERT_EQ(d->labels.size(), 2u);
  EXPECT_EQ(d->notes.front(), "the defaults form a cycle: `a` -> `b` -> `a`");
}

TEST(CheckSchema, ExtendsProblems) {
  auto r = check("type T = int\nschema A extends T { x: int }\nschema B extends C {}\nschema C extends B {}\n"
                 "schema D extends Nope {}\n");
  EXPECT_EQ(r->lines(), (Lines{"2:18 E0407 `T` is not a schema and cannot be extended",
                               "5:18 E0303 unknown type `Nope`",
                               "3:18 E0408 schema `B` extends itself"}));
}

TEST(CheckSchema, RedefinedFieldMustStayAssignable) {
  auto r = check("schema A { x: int }\nschema B extends A { x: string }\n");
  EXPECT_EQ(r->lines(), Lines{"2:22 E0409 field `x` is already defined in `A`"});
}

TEST(CheckSchema, CheckClausesNeedBoolAndString) {
  auto r = check("schema A {\n  x: int\n  check x, \"msg\"\n  check x > 1, 42\n}\n");
  EXPECT_EQ(r->lines(), (Lines{"3:9 E0315 condition must be `bool`, found `int`",
                               "4:16 E0410 a check message must be a `string`, found `int`"}));
}

TEST(CheckObject, UnknownFieldSuggestsAndFixes) {
  auto r = check("schema S { replicas: int = 1 }\nlet s = S { replicaz = 2 }\n");
  EXPECT_EQ(r->lines(), Lines{"2:13 E0401 unknown field `replicaz` in `S`"});
  const Diagnostic *d = r->first("E0401");
  EXPECT_EQ(d->hint, "did you mean `replicas`?");
  ASSERT_EQ(d->fixes.size(), 1u);
  EXPECT_EQ(d->fixes[0].edits[0].replacement, "replicas");
}

TEST(CheckObject, MissingFieldsAtTheTypeNameWithInsertFix) {
  auto r = check("schema S { name: string, image: string, port: int = 1 }\nlet s = S { name = \"a\" }\n");
  EXPECT_EQ(r->lines(), Lines{"2:9 E0402 missing required field `image` in `S`"});
  const Diagnostic *d = r->first("E0402");
  ASSERT_EQ(d->fixes.size(), 1u);
  EXPECT_EQ(d->fixes[0].edits[0].replacement, " image = \"\",");
  EXPECT_EQ(d->fixes[0].edits[0].span.length(), 0u);
}

TEST(CheckObject, FieldSetTwice) {
  auto r = check("schema M { name: string }\nschema S { m: M }\n"
                 "let s = S { m.name = \"a\", m { name = \"b\" } }\n");
  EXPECT_EQ(r->lines(), Lines{"3:31 E0403 field `name` is set more than once"});
}

TEST(CheckObject, NestedBlocksAndDottedPathsMerge) {
  auto r = check(R"(
schema Meta { name: string, labels: {string: string} = {} }
schema Spec { replicas: int, selector: {string: {string: string}} }
schema Dep { metadata: Meta, spec: Spec }
let d = Dep {
  metadata.name = "web"
  metadata.labels = { app = "web" }
  spec {
    replicas = 2
    selector.matchLabels = { app = "web" }
  }
}
)");
  EXPECT_EQ(r->lines(), Lines{});
  // Every ObjectLit has its type, including the untyped nested ones.
  EXPECT_EQ(r->exprType("{ app = \"web\" }"), "{string: string}");
  const auto &table = r->checked.modules[r->entry()];
  const ast::Module &m = r->program.modules[r->entry()].ast;
  for (uint32_t i = 0; i < m.exprCount(); ++i)
    if (m.expr(ast::ExprId{i}).is<ast::ObjectLit>()) {
      EXPECT_TRUE(table.objectTypes[i].valid()) << r->spanText(m.expr(ast::ExprId{i}).span);
    }
}

TEST(CheckObject, MissingFieldInANestedBlock) {
  auto r = check("schema Meta { name: string }\nschema Dep { metadata: Meta }\nlet d = Dep { metadata { } }\n");
  EXPECT_EQ(r->lines(), Lines{"3:15 E0402 missing required field `name` in `Meta`"});
}

TEST(CheckObject, ValuesAreCheckedAgainstFieldTypes) {
  auto r = check("schema S {\n  port: int(1..65535)\n  name: string\n}\nlet s = S { port = 70000, name = 3 }\n");
  EXPECT_EQ(r->lines(), (Lines{"5:20 E0310 `70000` does not satisfy `int(1..65535)`",
                               "5:34 E0302 expected `string`, found `int`"}));
  const Diagnostic *d = r->first("E0310");
  ASSERT_FALSE(d->labels.empty());
  EXPECT_EQ(r->spanText(d->labels[0].span), "(1..65535)");
  const Diagnostic *m = r->first("E0302");
  ASSERT_EQ(m->labels.size(), 1u);
  EXPECT_EQ(m->labels[0].message, "expected because of this field's type");
}

TEST(CheckObject, MapsAnyAndInference) {
  auto r = check(R"(
let m: {string: int} = { a = 1, "b.c" = 2 }
let open: any = { a = 1, b { c = "x" } }
let inferred = { a = 1, b = 2 }
let bad: {string: int} = { a = "x" }
)");
  EXPECT_EQ(r->lines(), Lines{"5:32 E0302 expected `int`, found `string`"});
  EXPECT_EQ(r->declType("inferred"), "{string: int}");
}

TEST(CheckObject, UnionTargetsPickTheFittingSchema) {
  auto r = check(R"(
schema A { a: int }
schema B { b: int }
schema C { a: int, c: int = 0 }
let x: A | B = { b = 1 }
let y: A | C = { a = 1 }
let z: int | string = { a = 1 }
)");
  EXPECT_EQ(r->lines(), (Lines{"6:16 E0405 cannot tell which type of `A | C` this object is",
                               "7:23 E0404 cannot build a value of type `int | string` with `{ }`"}));
  EXPECT_EQ(r->exprType("{ b = 1 }"), "B");
}

TEST(CheckObject, WithOverridesNeedNoRequiredFields) {
  auto r = check(R"(
schema S { name: string, replicas: int = 1 }
let a = S { name = "a" }
let b = a with { replicas = 3 }
let c = a with { replicaz = 3 }
let d = 3 with { x = 1 }
)");
  EXPECT_EQ(r->lines(), (Lines{"5:18 E0401 unknown field `replicaz` in `S`",
                               "6:9 E0411 `with` needs an object, found `int`"}));
  EXPECT_EQ(r->declType("b"), "S");
}

} // namespace
} // namespace cairn::checktest

namespace cairn::checktest {
namespace {

TEST(CheckSchema, ExtendsASchemaOfAnotherModule) {
  auto r = checkFiles({
      {"main.cairn", "import \"./base.cairn\" as base\n"
                     "schema Web extends base.Workload { port: int = 80 }\n"
                     "let w = Web { name = \"web\" }\nlet p: base.Workload = w\nlet r = w.replicas\n"},
      {"base.cairn", "let defaultReplicas = 2\n"
                     "schema Workload { name: string, replicas: int = defaultReplicas }\n"},
  });
  EXPECT_EQ(r->lines(), std::vector<std::string>{});
  const types::SchemaInfo &web = schemaNamed(*r, "Web");
  ASSERT_EQ(web.fields.size(), 3u);
  EXPECT_EQ(web.fields[1].name, "replicas");
  EXPECT_NE(web.fields[1].module, web.module); // the default lives in base.cairn
  EXPECT_EQ(r->declType("r"), "int");
}

TEST(CheckObject, TypeNamedBeforeBracesMustFitTheExpectedType) {
  auto r = check("schema A { x: int }\nschema B { x: int }\nlet a: A = B { x = 1 }\n");
  EXPECT_EQ(r->lines(), std::vector<std::string>{"3:12 E0302 expected `A`, found `B`"});
}

TEST(CheckObject, AliasOfAMapBuildsAMap) {
  auto r = check("type Labels = {string: string}\nlet l = Labels { app = \"web\", \"k8s.io/x\" = \"y\" }\n"
                 "let bad = Labels { n = 1 }\n");
  EXPECT_EQ(r->lines(), std::vector<std::string>{"3:24 E0302 expected `string`, found `int`"});
  EXPECT_EQ(r->declType("l"), "Labels");
}

TEST(CheckObject, OptionalFieldsMayBeSetToNull) {
  auto r = check("schema S { note?: string, name: string }\n"
                 "let s = S { name = \"a\", note = if true then null else \"x\" }\n");
  EXPECT_EQ(r->lines(), std::vector<std::string>{});
}

} // namespace
} // namespace cairn::checktest
