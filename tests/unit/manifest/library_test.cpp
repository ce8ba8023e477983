// The kind registry (kinds.json indexes, scanned schema locations) and lazy
// loading of the modules of the kinds asked for: the contract of library.h
// that `cairn validate` and `cairn import yaml` build on.
#include <gtest/gtest.h>

#include "library_fixture.h"
#include "manifest/library.h"

namespace cairn::manifest {
namespace {

using testing::TempDir;

LibraryOptions locationOptions(const TempDir &dir) {
  LibraryOptions options;
  options.workingDir = dir.path();
  options.schemaLocations = {"crds"};
  return options;
}

TEST(KindRegistry, ReadsTheIndexOfASchemaLocation) {
  TempDir dir;
  dir.write("crds/kinds.json", testing::kWidgetIndex);
  dir.write("crds/demo/v1.cairn", testing::kWidgetModule);
  DiagnosticSink diags;
  KindRegistry registry = loadKindRegistry(locationOptions(dir), diags);
  EXPECT_FALSE(diags.hasErrors());
  const KindEntry *entry = registry.find("demo.example.com/v1", "Widget");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->schemaName, "Widget");
  EXPECT_EQ(entry->importPath, "crds/demo/v1.cairn");
  EXPECT_EQ(entry->file, dir.path() / "crds/demo/v1.cairn");
  EXPECT_EQ(registry.find("demo.example.com/v2", "Widget"), nullptr);
  ASSERT_EQ(registry.withKind("Widget").size(), 1u);
}

TEST(KindRegistry, ScansALocationWithoutAnIndex) {
  TempDir dir;
  dir.write("crds/demo/v1.cairn", testing::kWidgetModule);
  DiagnosticSink diags;
  KindRegistry registry = loadKindRegistry(locationOptions(dir), diags);
  EXPECT_FALSE(diags.hasErrors());
  const KindEntry *entry = registry.find("demo.example.com/v1", "Widget");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->schemaName, "Widget");
  EXPECT_EQ(registry.entries().size(), 1u); // Meta, Port, ... have no apiVersion/kind
}

TEST(KindRegistry, ReportsAMissingLocationAndAMalformedIndex) {
  TempDir dir;
  DiagnosticSink missing;
  loadKindRegistry(locationOptions(dir), missing);
  ASSERT_TRUE(missing.hasErrors());
  EXPECT_EQ(missing.diagnostics()[0].kind, DiagKind::SchemaLocationUnreadable);

  dir.write("crds/kinds.json", "{\"kinds\": [");
  DiagnosticSink malformed;
  loadKindRegistry(locationOptions(dir), malformed);
  ASSERT_TRUE(malformed.hasErrors());
  EXPECT_EQ(malformed.diagnostics()[0].kind, DiagKind::InvalidKindIndex);
}

TEST(KindRegistry, TheFirstEntryOfAKindWins) {
  KindRegistry registry;
  registry.add({"v1", "Thing", "a", "a.cairn", "A"});
  registry.add({"v1", "Thing", "b", "b.cairn", "B"});
  ASSERT_NE(registry.find("v1", "Thing"), nullptr);
  EXPECT_EQ(registry.find("v1", "Thing")->schemaName, "A");
  EXPECT_EQ(registry.entries().size(), 1u);
}

TEST(LoadKinds, LoadsTheModulesOfTheKindsAskedFor) {
  TempDir dir;
  dir.write("crds/kinds.json", testing::kWidgetIndex);
  dir.write("crds/demo/v1.cairn", testing::kWidgetModule);
  DiagnosticSink diags;
  LibraryOptions options = locationOptions(dir);
  KindRegistry registry = loadKindRegistry(options, diags);
  const KindEntry *widget = registry.find("demo.example.com/v1", "Widget");
  ASSERT_NE(widget, nullptr);
  std::unique_ptr<LoadedKinds> loaded = loadKinds({widget, widget}, options, diags);
  EXPECT_FALSE(diags.hasErrors());
  ASSERT_EQ(loaded->schemas.size(), 2u);
  ASSERT_NE(loaded->schemas[0], types::kNone);
  EXPECT_EQ(loaded->schemas[0], loaded->schemas[1]);
  EXPECT_EQ(loaded->checked.schemas[loaded->schemas[0]].name, "Widget");
  EXPECT_NE(loaded->checked.schemas[loaded->schemas[0]].field("spec"), nullptr);
}

TEST(LoadKinds, AnIndexNamingAMissingSchemaIsAnError) {
  TempDir dir;
  dir.write("crds/kinds.json",
            R"({"kinds": [{"apiVersion": "demo.example.com/v1", "kind": "Gadget", "module": "demo/v1", "schema": "Gadget"}]})");
  dir.write("crds/demo/v1.cairn", testing::kWidgetModule);
  DiagnosticSink diags;
  LibraryOptions options = locationOptions(dir);
  KindRegistry registry = loadKindRegistry(options, diags);
  std::unique_ptr<LoadedKinds> loaded = loadKinds({registry.find("demo.example.com/v1", "Gadget")}, options, diags);
  ASSERT_TRUE(diags.hasErrors());
  EXPECT_EQ(diags.diagnostics()[0].kind, DiagKind::KindSchemaMissing);
  EXPECT_EQ(loaded->schemas[0], types::kNone);
}

TEST(LoadKinds, AModuleThatDoesNotCheckIsReported) {
  TempDir dir;
  dir.write("crds/kinds.json", testing::kWidgetIndex);
  dir.write("crds/demo/v1.cairn", "schema Widget { kind: \"Widget\" = \"Widget\"\n  spec: Missing }\n");
  DiagnosticSink diags;
  LibraryOptions options = locationOptions(dir);
  KindRegistry registry = loadKindRegistry(options, diags);
  loadKinds({registry.find("demo.example.com/v1", "Widget")}, options, diags);
  EXPECT_TRUE(diags.hasErrors());
}

TEST(LoadKinds, TheStandardLibraryIndexWhenPresent) {
  std::filesystem::path stdlib = std::filesystem::path(CAIRN_SOURCE_DIR) / "stdlib";
  if (!std::filesystem::exists(stdlib / "k8s/kinds.json"))
    GTEST_SKIP() << "the standard library is not generated";
  LibraryOptions options;
  options.stdlibDirs = {stdlib};
  DiagnosticSink diags;
  KindRegistry registry = loadKindRegistry(options, diags);
  const KindEntry *deployment = registry.find("apps/v1", "Deployment");
  ASSERT_NE(deployment, nullptr);
  EXPECT_EQ(deployment->importPath, "k8s/apps/v1");
  std::unique_ptr<LoadedKinds> loaded = loadKinds({deployment}, options, diags);
  EXPECT_FALSE(diags.hasErrors());
  ASSERT_NE(loaded->schemas[0], types::kNone);
  EXPECT_EQ(loaded->checked.schemas[loaded->schemas[0]].name, "Deployment");
}

} // namespace
} // namespace cairn::manifest
