// The TypeStore: interning, unions, aliases and display.
#include <gtest/gtest.h>

#include "typecheck/checked_program.h"

namespace cairn::types {
namespace {

TEST(TypeStore, InternsStructurallyEqualTypes) {
  TypeStore s;
  EXPECT_EQ(s.list(s.integer()), s.list(s.integer()));
  EXPECT_NE(s.list(s.integer()), s.list(s.string()));
  EXPECT_EQ(s.refinedInt({true, true, 1, 65535}), s.refinedInt({true, true, 1, 65535}));
  EXPECT_EQ(s.refinedInt({}), s.integer()); // an unbounded range is no refinement
  EXPECT_EQ(s.function({s.integer()}, s.boolean()), s.function({s.integer()}, s.boolean()));
}

TEST(TypeStore, UnionsAreFlattenedDeduplicatedAndSorted) {
  TypeStore s;
  TypeId a = s.unionOf({s.string(), s.integer()});
  TypeId b = s.unionOf({s.integer(), s.unionOf({s.string(), s.integer()})});
  EXPECT_EQ(a, b);
  EXPECT_EQ(s.get(a).members.size(), 2u);
  EXPECT_LT(s.get(a).members[0].index, s.get(a).members[1].index);
  EXPECT_EQ(s.unionOf({s.string()}), s.string());
  EXPECT_EQ(s.unionOf({s.string(), s.never()}), s.string());
  EXPECT_EQ(s.unionOf({s.string(), s.any()}), s.any());
  EXPECT_EQ(s.unionOf({s.string(), s.error()}), s.error());
}

TEST(TypeStore, LiteralsAreAbsorbedByTheirBaseType) {
  TypeStore s;
  LiteralValue a;
  a.s = "a";
  EXPECT_EQ(s.unionOf({s.literal(a), s.string()}), s.string());
}

TEST(TypeStore, AliasesDisplayTheirNameAndStripToTheTarget) {
  TypeStore s;
  TypeId port = s.alias(s.refinedInt({true, true, 1, 65535}), "Port");
  EXPECT_NE(port, s.refinedInt({true, true, 1, 65535}));
  EXPECT_EQ(s.strip(port), s.refinedInt({true, true, 1, 65535}));
  EXPECT_EQ(s.kind(port), TypeKind::Int);
  EXPECT_EQ(s.display(port, {}), "Port");
  EXPECT_EQ(s.display(s.optional(port), {}), "Port?");
  EXPECT_EQ(s.unionOf({port, s.strip(port)}), port); // one member: alias and target are equal
}

TEST(TypeStore, DisplaysTypesAsWritten) {
  TypeStore s;
  LiteralValue a, b;
  a.s = "a";
  b.s = "b";
  EXPECT_EQ(s.display(s.map(s.refinedInt({true, true, 1, 65535})), {}), "{string: int(1..65535)}");
  EXPECT_EQ(s.display(s.unionOf({s.literal(a), s.literal(b)}), {}), "\"a\" | \"b\"");
  EXPECT_EQ(s.display(s.refinedInt({true, false, 0, 0}), {}), "int(0..)");
  EXPECT_EQ(s.display(s.refinedString({true, true, 1, 63}, "^[a-z]+$"), {}), "string(1..63, /^[a-z]+$/)");
  EXPECT_EQ(s.display(s.refinedString({}, "x"), {}), "string(/x/)");
  EXPECT_EQ(s.display(s.refinedFloat({true, true, 0, 1}), {}), "float(0.0..1.0)");
  EXPECT_EQ(s.display(s.function({s.integer(), s.string()}, s.boolean()), {}), "fn(int, string) -> bool");
  EXPECT_EQ(s.display(s.optional(s.function({}, s.integer())), {}), "(fn() -> int)?");
  EXPECT_EQ(s.display(s.unionOf({s.integer(), s.string(), s.null()}), {}), "int | string | null");
  EXPECT_EQ(s.display(s.list(s.never()), {}), "[never]");
}

TEST(TypeStore, CompilesAndCachesRegexes) {
  TypeStore s;
  TypeId t = s.refinedString({}, "^[a-z]+$");
  const std::regex *re = s.regex(t);
  ASSERT_NE(re, nullptr);
  EXPECT_EQ(re, s.regex(t));
  EXPECT_TRUE(std::regex_match("abc", *re));
  EXPECT_FALSE(std::regex_match("Abc", *re));
  EXPECT_EQ(s.regex(s.string()), nullptr);
  EXPECT_EQ(s.regex(s.refinedString({}, "(")), nullptr); // invalid: reported by the checker
}

TEST(Builtins, TableAndLookup) {
  ASSERT_TRUE(findBuiltin("map").has_value());
  EXPECT_EQ(*findBuiltin("map"), BuiltinId::Map);
  EXPECT_EQ(builtinInfo(BuiltinId::Substr).minArgs, 2);
  EXPECT_EQ(builtinInfo(BuiltinId::Substr).maxArgs, 3);
  EXPECT_EQ(builtinInfo(BuiltinId::Fail).name, "fail");
  EXPECT_FALSE(findBuiltin("nope").has_value());
  EXPECT_EQ(builtinTable().size(), static_cast<size_t>(BuiltinId::SelectPods) + 1);
}

} // namespace
} // namespace cairn::types
