// The fixture of the `cairn import yaml` tests (yaml_import_fixture.h).
#include "yaml_import_fixture.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "backends/emitter.h"
#include "eval/eval.h"
#include "frontend/diag_render.h"
#include "frontend/program.h"
#include "manifest/documents.h"
#include "typecheck/checked_program.h"

namespace cairn::importers::testing {

namespace fs = std::filesystem;
using manifest::NodeId;
using manifest::NodeKind;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "cairn-yaml-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::unique_ptr<YamlImportResult> runImport(const std::vector<NamedText> &inputs, const fs::path &outputDir,
                                            const std::vector<fs::path> &schemaLocations) {
  std::vector<YamlInput> yamlInputs;
  std::vector<std::string> names;
  for (const NamedText &input : inputs)
    names.push_back(fs::path(input.name).filename().string());
  std::vector<std::string> outputs = outputNames(names);
  for (size_t i = 0; i < inputs.size(); ++i)
    yamlInputs.push_back({inputs[i].name, inputs[i].text, outputs[i]});
  YamlImportOptions options;
  options.library.workingDir = outputDir;
  options.library.stdlibDirs = {stdlibDir()};
  options.library.schemaLocations = schemaLocations;
  options.outputDir = outputDir;
  return importYaml(yamlInputs, options);
}

std::string renderAll(const YamlImportResult &result) {
  std::string out;
  for (const Diagnostic &d : result.diagnostics)
    out += renderCompact(d, result.sources);
  return out;
}

Build buildImported(const std::vector<ImportedFile> &files, const fs::path &dir) {
  std::vector<EntryInput> entries;
  for (const ImportedFile &file : files) {
    fs::create_directories((dir / file.outputName).parent_path());
    std::ofstream(dir / file.outputName, std::ios::binary) << file.text;
    entries.push_back({(dir / file.outputName).string(), {}});
  }
  LoadOptions load;
  load.workingDir = dir;
  load.projectRoot = "/";
  load.stdlibDirs = {stdlibDir()};
  DiagnosticSink diags;
  Build build;
  Program program = loadProgram(entries, load, diags);
  if (!diags.hasErrors()) {
    types::CheckedProgram checked = types::checkProgram(program, diags);
    if (!diags.hasErrors()) {
      eval::EvalResult result = eval::evaluateProgram(program, checked, {}, diags);
      backends::RenderedOutput rendered;
      if (result.ok && backends::createEmitter("yaml")->render(result.documents, rendered, diags)) {
        build.ok = !diags.hasErrors();
        build.yaml = rendered.stream;
      }
    }
  }
  for (const Diagnostic &d : diags.diagnostics()) {
    build.diagnostics += renderCompact(d, program.sources);
    build.warnings += d.severity == Severity::Warning;
  }
  return build;
}

namespace {

struct Objects {
  SourceManager sources;
  std::vector<manifest::Document> documents;
  std::vector<std::pair<size_t, NodeId>> objects; // document, node
  std::string problems;
};

void readObjects(const std::string &text, Objects &out) {
  FileId file = out.sources.add("stream.yaml", text);
  out.documents = manifest::readDocuments(out.sources, file, true);
  for (size_t d = 0; d < out.documents.size(); ++d) {
    manifest::Document &doc = out.documents[d];
    for (const Diagnostic &problem : doc.problems.diagnostics())
      out.problems += problem.message + "\n";
    if (doc.root == manifest::kNoNode)
      continue;
    NodeId root = doc.resolve(doc.root);
    NodeId kind = doc.get(root, "kind"), items = doc.get(root, "items");
    if (kind != manifest::kNoNode && doc.text(doc.resolve(kind)) == "List" && items != manifest::kNoNode) {
      for (NodeId item = doc.node(doc.resolve(items)).firstChild; item != manifest::kNoNode;
           item = doc.node(item).nextSibling)
        out.objects.emplace_back(d, doc.resolve(item));
      continue;
    }
    out.objects.emplace_back(d, root);
  }
}

bool isNull(const manifest::Document &doc, NodeId id) {
  id = doc.resolve(id);
  return doc.node(id).kind == NodeKind::Null ||
         (doc.node(id).kind == NodeKind::Scalar && doc.scalar(id).type == manifest::ScalarType::Null);
}

std::string sameNode(const manifest::Document &a, NodeId x, const manifest::Document &b, NodeId y,
                     const std::string &path) {
  x = a.resolve(x);
  y = b.resolve(y);
  std::string differs = fmt::format("at `{}`: {} vs {}", path, manifest::describeNode(a, x), manifest::describeNode(b, y));
  if (isNull(a, x) || isNull(b, y))
    return isNull(a, x) && isNull(b, y) ? "" : differs;
  NodeKind kind = a.node(x).kind;
  if (kind != b.node(y).kind)
    return differs;
  if (kind == NodeKind::Scalar) {
    manifest::ScalarValue s = a.scalar(x), t = b.scalar(y);
    bool same = s.type == t.type && (s.type != manifest::ScalarType::String || a.text(x) == b.text(y)) &&
                (s.type != manifest::ScalarType::Int || s.intValue == t.intValue) &&
                (s.type != manifest::ScalarType::Float || s.floatValue == t.floatValue) &&
                (s.type != manifest::ScalarType::Bool || s.boolValue == t.boolValue);
    return same ? "" : differs;
  }
  if (kind == NodeKind::Sequence) {
    NodeId i = a.node(x).firstChild, j = b.node(y).firstChild;
    for (size_t n = 0; i != manifest::kNoNode || j != manifest::kNoNode; ++n) {
      if (i == manifest::kNoNode || j == manifest::kNoNode)
        return differs + " (lengths differ)";
      if (std::string d = sameNode(a, i, b, j, fmt::format("{}[{}]", path, n)); !d.empty())
        return d;
      i = a.node(i).nextSibling;
      j = b.node(j).nextSibling;
    }
    return "";
  }
  llvm::SmallVector<manifest::MapEntry, 16> left, right;
  manifest::mappingEntries(a, x, left);
  manifest::mappingEntries(b, y, right);
  size_t presentLeft = 0, presentRight = 0;
  for (const manifest::MapEntry &e : left) {
    if (isNull(a, e.value))
      continue;
    ++presentLeft;
    llvm::StringRef key = a.text(a.resolve(e.key));
    NodeId other = b.get(y, key);
    if (other == manifest::kNoNode)
      return fmt::format("at `{}.{}`: missing in the build", path, key.str());
    if (std::string d = sameNode(a, e.value, b, other, path + "." + key.str()); !d.empty())
      return d;
  }
  for (const manifest::MapEntry &e : right) {
    llvm::StringRef key = b.text(b.resolve(e.key));
    // A kind embedded in another (a StatefulSet's volumeClaimTemplates) gets
    // its fixed apiVersion and kind from its schema, as the API server adds them.
    bool fixedField = path.find_first_of(".[") != std::string::npos && (key == "apiVersion" || key == "kind") &&
                      a.get(x, key) == manifest::kNoNode;
    presentRight += !isNull(b, e.value) && !fixedField;
  }
  return presentLeft == presentRight ? "" : differs + " (the build has more fields)";
}

} // namespace

std::string compareManifests(const std::string &expected, const std::string &actual) {
  Objects want, got;
  readObjects(expected, want);
  readObjects(actual, got);
  if (!want.problems.empty() || !got.problems.empty())
    return "problems reading the streams: " + want.problems + got.problems;
  if (want.objects.size() != got.objects.size())
    return fmt::format("{} objects expected, {} built", want.objects.size(), got.objects.size());
  for (size_t i = 0; i < want.objects.size(); ++i) {
    auto [wd, wn] = want.objects[i];
    auto [gd, gn] = got.objects[i];
    if (std::string d = sameNode(want.documents[wd], wn, got.documents[gd], gn, fmt::format("object {}", i));
        !d.empty())
      return d;
  }
  return "";
}

} // namespace cairn::importers::testing
