// DIR/kinds.json across several `cairn import crd` runs into the same DIR.
#include <gtest/gtest.h>

#include "importers/crd_kinds_index.h"

namespace cairn::importers {
namespace {

std::vector<std::string> describe(const MergedKinds &merged) {
  std::vector<std::string> out;
  for (const KindIndexEntry &e : merged.entries)
    out.push_back(e.apiVersion + " " + e.kind + " " + e.module + " " + e.schema);
  return out;
}

TEST(CrdKindsIndex, WithoutAnIndexTheNewKindsAreTheIndex) {
  MergedKinds merged = mergeKindsIndex(std::nullopt, {{"a.io/v1", "A", "a.io/v1", "A"}}, {"a.io/v1"});
  EXPECT_TRUE(merged.error.empty());
  EXPECT_EQ(describe(merged), std::vector<std::string>{"a.io/v1 A a.io/v1 A"});
}

TEST(CrdKindsIndex, RewrittenModulesReplaceTheirEntriesOthersAreKept) {
  std::string existing = R"({"kinds": [
    {"apiVersion": "a.io/v1", "kind": "Old", "module": "a.io/v1", "schema": "Old"},
    {"apiVersion": "b.io/v1", "kind": "Kept", "module": "b.io/v1", "schema": "Kept"}
  ]})";
  MergedKinds merged = mergeKindsIndex(existing, {{"a.io/v1", "New", "a.io/v1", "New"}}, {"a.io/v1"});
  EXPECT_TRUE(merged.error.empty()) << merged.error;
  EXPECT_EQ(describe(merged), (std::vector<std::string>{"b.io/v1 Kept b.io/v1 Kept", "a.io/v1 New a.io/v1 New"}));
  // Written out sorted, so the file does not depend on the order of the runs.
  EXPECT_EQ(writeKindsIndex(merged.entries),
            "{\"kinds\": [\n"
            "  {\"apiVersion\":\"a.io/v1\",\"kind\":\"New\",\"module\":\"a.io/v1\",\"schema\":\"New\"},\n"
            "  {\"apiVersion\":\"b.io/v1\",\"kind\":\"Kept\",\"module\":\"b.io/v1\",\"schema\":\"Kept\"}\n"
            "]}\n");
}

TEST(CrdKindsIndex, AnUnusableIndexIsAnError) {
  EXPECT_EQ(mergeKindsIndex(std::string("{not json"), {}, {}).error, "it is not valid JSON");
  EXPECT_EQ(mergeKindsIndex(std::string("[]"), {}, {}).error, "it has no `kinds` list");
  EXPECT_EQ(mergeKindsIndex(std::string(R"({"kinds": [{"apiVersion": "v1", "kind": 3}]})"), {}, {}).error,
            "an entry of `kinds` has no string `kind`");
}

} // namespace
} // namespace cairn::importers
