// Output documents: order, flattening, entries only, and determinism.
#include <gtest/gtest.h>

#include "eval_fixture.h"

namespace cairn::evaltest {
namespace {

TEST(Emit, EntriesInOrderThenEmitsInSourceOrderFlattened) {
  auto r = runFiles({{"a.cairn", "import \"./lib.cairn\" as lib\nemit { n = 1 }\nemit [[{ n = 2 }], [lib.obj]]\n"},
                     {"b.cairn", "emit { n = 4 }\n"},
                     {"lib.cairn", "let obj = { n = 3 }\nemit { n = 99 }\n"}},
                    {"a.cairn", "b.cairn"});
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_TRUE(r->result.ok);
  // lib.cairn's own emit is not output: it is imported, not an entry.
  EXPECT_EQ(r->documents(), (std::vector<std::string>{"{n:1}", "{n:2}", "{n:3}", "{n:4}"}));
}

TEST(Emit, NonObjectsAreErrorsAtTheirValue) {
  auto r = run("let xs: [any] = [{ a = 1 }, 2, null]\nemit xs\n");
  ASSERT_TRUE(r->checkedCleanly) << ::testing::PrintToString(r->lines());
  EXPECT_EQ(r->lines(), (std::vector<std::string>{
                            "1:29 E0601 emitted value is an int; only objects can be output",
                            "1:32 E0601 emitted value is null; only objects can be output",
                        }));
  EXPECT_FALSE(r->result.ok);
}

TEST(Emit, ManyObjectsAreDeterministic) {
  const char *source = R"(
schema Meta { name: string, labels: {string: string} = { app = name } }
schema Obj { kind: string = "ConfigMap", metadata: Meta, data: {string: string} = {} }
let objs = [for i in range(2000): Obj { metadata.name = "cm-${i}", data { index = "${i}", hash = sha256("${i}") } }]
emit objs
)";
  auto first = run(source);
  auto second = run(source);
  ASSERT_TRUE(first->result.ok) << ::testing::PrintToString(first->lines());
  ASSERT_EQ(first->result.documents.size(), 2000u);
  EXPECT_EQ(first->documents(), second->documents());
  EXPECT_EQ(first->documents()[7],
            R"(Obj{kind:"ConfigMap",metadata:Meta{name:"cm-7",labels:{app:"cm-7"}},data:{index:"7",hash:")"
            R"(7902699be42c8a8e46fbbb4501726517e86b22c56a189f7625a6da49081b2451"}})");
}

} // namespace
} // namespace cairn::evaltest
