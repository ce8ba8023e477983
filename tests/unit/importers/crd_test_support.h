// Shared by the CRD importer tests: import YAML text in memory and look at
// the generated Cairn text and the diagnostics.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "frontend/diag_render.h"
#include "importers/cairn_writer.h"
#include "importers/crd_reader.h"

namespace cairn::importers::testing {

struct ImportRun {
  SourceManager sources;
  DiagnosticSink diags;
  CrdImport result;

  // The text of the generated module `path`, or "" when there is none.
  std::string module(const std::string &path) const {
    for (const ModelModule &m : result.library.modules)
      if (m.path == path) {
        std::vector<std::string> warnings;
        std::string text = writeModule(m, WriterOptions{true}, warnings);
        EXPECT_TRUE(warnings.empty()) << warnings.front();
        return text;
      }
    return "";
  }
  // Every diagnostic in the compact form: "crd.yaml:3:5: error[E0843]: ...".
  std::string compact() const {
    std::string out;
    for (const Diagnostic &d : diags.diagnostics())
      out += renderCompact(d, sources);
    return out;
  }
};

inline std::unique_ptr<ImportRun> importYaml(const std::vector<std::pair<std::string, std::string>> &files) {
  auto run = std::make_unique<ImportRun>();
  std::vector<FileId> ids;
  for (const auto &[name, text] : files)
    ids.push_back(run->sources.add(name, text));
  run->result = importCrds(run->sources, ids, run->diags);
  return run;
}

inline std::unique_ptr<ImportRun> importYaml(const std::string &text) { return importYaml({{"crd.yaml", text}}); }

// A namespaced CRD of group example.com, kind Widget, one served version v1
// whose openAPIV3Schema `properties` are `properties` (entries indented by 12
// spaces; `extraRoot` adds keys to the root schema, indented by 10).
inline std::string widgetCrd(const std::string &properties, const std::string &extraRoot = "") {
  return R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
)" + extraRoot + R"(          properties:
)" + properties;
}

// True when `text` contains `needle`; prints the text otherwise.
inline ::testing::AssertionResult contains(const std::string &text, const std::string &needle) {
  if (text.find(needle) != std::string::npos)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "`" << needle << "` not found in:\n" << text;
}

} // namespace cairn::importers::testing
