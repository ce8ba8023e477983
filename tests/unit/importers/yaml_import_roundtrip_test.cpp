// The promise of `cairn import yaml`: building the imported Cairn gives back
// the objects of the manifests. Checked on realistic manifests (Helm output,
// kubectl output, the shared manifest corpus), with the real standard library.
#include <algorithm>

#include <gtest/gtest.h>

#include "importers/yaml_import_verify.h"
#include "yaml_import_fixture.h"

namespace cairn::importers::testing {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> manifestFiles() {
  std::vector<fs::path> files;
  for (const fs::path &dir : {dataDir(), fs::path(CAIRN_SOURCE_DIR) / "tests" / "corpus" / "manifests" / "valid"}) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::string ext = it->path().extension().string();
      if (ext == ".yaml" || ext == ".yml" || ext == ".json")
        files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

void expectRoundTrip(const std::vector<fs::path> &paths) {
  std::vector<NamedText> inputs;
  for (const fs::path &path : paths)
    inputs.push_back({path.filename().string(), readFile(path)});
  TempDir out;
  std::unique_ptr<YamlImportResult> imported = runImport(inputs, out.path());
  ASSERT_FALSE(imported->hasErrors()) << renderAll(*imported);
  EXPECT_TRUE(imported->diagnostics.empty()) << renderAll(*imported);
  ASSERT_EQ(imported->files.size(), inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    SCOPED_TRACE(inputs[i].name);
    Build build = buildImported({imported->files[i]}, out.path());
    ASSERT_TRUE(build.ok) << build.diagnostics << imported->files[i].text;
    EXPECT_EQ(build.warnings, 0u) << build.diagnostics;
    EXPECT_EQ(compareManifests(inputs[i].text, build.yaml), "") << imported->files[i].text << "\n---- built:\n"
                                                                << build.yaml;
  }
}

TEST(YamlImportRoundTrip, EveryManifestFileBuildsBackToItsObjects) {
  std::vector<fs::path> files = manifestFiles();
  ASSERT_GE(files.size(), 3u);
  for (const fs::path &file : files) {
    SCOPED_TRACE(file.string());
    expectRoundTrip({file});
  }
}

TEST(YamlImportRoundTrip, SeveralFilesAtOnce) {
  std::vector<fs::path> files = manifestFiles();
  expectRoundTrip(files);
}

TEST(YamlImportRoundTrip, TheImporterVerifiesItsOwnOutput) {
  std::vector<NamedText> inputs;
  for (const fs::path &path : manifestFiles())
    inputs.push_back({path.filename().string(), readFile(path)});
  TempDir out;
  std::unique_ptr<YamlImportResult> imported = runImport(inputs, out.path());
  ASSERT_FALSE(imported->hasErrors()) << renderAll(*imported);
  YamlImportOptions options;
  options.library.stdlibDirs = {stdlibDir()};
  options.outputDir = out.path();
  std::unique_ptr<Verification> verification = verifyImport(*imported, options);
  EXPECT_EQ(verification->internalError, "");
  EXPECT_TRUE(verification->diags.diagnostics().empty());
}

TEST(YamlImportRoundTrip, ImportingIsDeterministic) {
  std::vector<NamedText> inputs;
  for (const fs::path &path : manifestFiles())
    inputs.push_back({path.filename().string(), readFile(path)});
  TempDir out;
  std::unique_ptr<YamlImportResult> first = runImport(inputs, out.path());
  std::unique_ptr<YamlImportResult> second = runImport(inputs, out.path());
  ASSERT_EQ(first->files.size(), second->files.size());
  for (size_t i = 0; i < first->files.size(); ++i)
    EXPECT_EQ(first->files[i].text, second->files[i].text) << first->files[i].outputName;
}

} // namespace
} // namespace cairn::importers::testing
