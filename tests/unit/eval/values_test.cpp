// The value layer on its own: names, float formatting, the arena, and the
// structural operations the operators and builtins share.
#include <gtest/gtest.h>

#include "eval/value.h"
#include "eval/value_ops.h"

namespace cairn::eval {
namespace {

Span at(uint32_t begin) { return Span{FileId{0}, begin, begin + 1}; }

TEST(Values, KindNames) {
  EXPECT_STREQ(kindName(ValueKind::Null), "null");
  EXPECT_STREQ(kindName(ValueKind::Int), "int");
  EXPECT_STREQ(kindName(ValueKind::Object), "object");
  EXPECT_STREQ(kindName(ValueKind::Function), "function");
}

TEST(Values, FloatsAlwaysLookLikeFloats) {
  EXPECT_EQ(formatFloat(2.0), "2.0");
  EXPECT_EQ(formatFloat(-0.5), "-0.5");
  EXPECT_EQ(formatFloat(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(formatFloat(1e21), "1e+21");
  EXPECT_EQ(formatFloat(100000.0), "100000.0");
  EXPECT_EQ(formatFloat(1.0 / 0.0), "inf");
}

TEST(Values, ArenaCopiesOutliveTheirSource) {
  ValueArena arena;
  llvm::StringRef copy;
  {
    std::string temporary = "hello";
    copy = arena.copyString(temporary);
  }
  EXPECT_EQ(copy, "hello");
  Value items[] = {Value::integer(1, at(0)), Value::string(copy, at(1))};
  llvm::ArrayRef<Value> list = arena.copyList(items);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1].asString(), "hello");
  EXPECT_EQ(list[1].span().begin, 1u);
  ObjectField fields[] = {{"a", Value::integer(1, at(2)), at(2), true}};
  const ObjectData *object = arena.makeObject(3, "Thing", fields);
  EXPECT_EQ(object->schema, 3u);
  EXPECT_EQ(object->typeName, "Thing");
  ASSERT_NE(object->find("a"), nullptr);
  EXPECT_TRUE(object->find("a")->explicitInput);
  EXPECT_EQ(object->find("b"), nullptr);
  EXPECT_TRUE(object->explicitNulls.empty());
  EXPECT_GT(arena.bytesAllocated(), 0u);
}

TEST(Values, EqualityIsStructuralAndNumeric) {
  ValueArena arena;
  EXPECT_TRUE(valuesEqual(Value::integer(1, at(0)), Value::real(1.0, at(1))));
  EXPECT_FALSE(valuesEqual(Value::integer(1, at(0)), Value::string("1", at(1))));
  ObjectField ab[] = {{"a", Value::integer(1, at(0)), at(0), true}, {"b", Value::boolean(true, at(0)), at(0), true}};
  ObjectField ba[] = {{"b", Value::boolean(true, at(5)), at(5), true}, {"a", Value::real(1.0, at(5)), at(5), true}};
  Value x = Value::object(arena.makeObject(kNoSchema, {}, ab), at(0));
  Value y = Value::object(arena.makeObject(kNoSchema, {}, ba), at(9));
  EXPECT_TRUE(valuesEqual(x, y)); // order and spans do not matter
  EXPECT_EQ(hashValue(x), hashValue(y));
  Value z = Value::object(arena.makeObject(0, "S", ab), at(0));
  EXPECT_FALSE(valuesEqual(x, z)); // a schema instance is not a map
}

TEST(Values, HashesAgreeWithEquality) {
  EXPECT_EQ(hashValue(Value::integer(3, at(0))), hashValue(Value::real(3.0, at(0))));
  EXPECT_NE(hashValue(Value::string("a", at(0))), hashValue(Value::string("b", at(0))));
}

TEST(Values, DescriptionsForMessages) {
  ValueArena arena;
  EXPECT_EQ(describeValue(Value::null(at(0))), "null");
  EXPECT_EQ(describeValue(Value::integer(1, at(0))), "an int");
  EXPECT_EQ(describeValue(Value::object(arena.makeObject(0, "Service", {}), at(0))), "a `Service`");
  EXPECT_EQ(describeValue(Value::object(arena.makeObject(kNoSchema, {}, {}), at(0))), "a map");
  EXPECT_EQ(showValue(Value::string("a\"b", at(0))), "\"a\\\"b\"");
  EXPECT_EQ(showValue(Value::real(2, at(0))), "2.0");
  std::string longText(100, 'x');
  EXPECT_EQ(showValue(Value::string(longText, at(0))), "\"" + std::string(60, 'x') + "...\"");
}

TEST(Values, ScalarOrder) {
  EXPECT_LT(compareScalars(Value::integer(1, at(0)), Value::real(1.5, at(0))), 0);
  EXPECT_GT(compareScalars(Value::string("b", at(0)), Value::string("a", at(0))), 0);
  EXPECT_EQ(compareScalars(Value::integer(2, at(0)), Value::real(2.0, at(0))), 0);
}

} // namespace
} // namespace cairn::eval
