// One `cairn lint` run: the inputs (Cairn entry files, whose output is
// linted, and manifest files), the policies (the default pack in
// `<stdlib>/policy/`, plus policy modules of the project), loaded as one
// program so that policies and objects share their Kubernetes types; then
// every selected policy on every value of its type, giving findings.
// Reporting is separate (report.h).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eval/eval.h"
#include "frontend/parse_cache.h"
#include "frontend/program.h"
#include "lint/config.h"
#include "lint/finding.h"
#include "typecheck/checked_program.h"

namespace cairn::lint {

struct LintRequest {
  std::vector<std::string> cairnFiles;     // entry files, as given on the command line
  SourceManager manifestSources;           // the manifest files, already read
  std::vector<FileId> manifestFiles;
  LintConfig config;                       // selection, parameters, extra policies
  std::filesystem::path workingDir;
  std::optional<std::filesystem::path> root; // --root for the Cairn inputs
  std::vector<std::filesystem::path> stdlibDirs;
  std::vector<std::filesystem::path> allowedImportDirs; // --allow-import-dir
  uint64_t maxSourceBytes = kDefaultMaxSourceBytes;     // --max-file-size
  std::vector<std::filesystem::path> schemaLocations;
  std::vector<eval::ParamInput> params;    // -p / --values for the Cairn inputs
  eval::EvalLimits limits;
  // Editor buffers by canonical path, passed to the loader (the language
  // server lints unsaved text); empty: the disk.
  std::function<std::optional<std::string>(const std::string &canonicalPath)> overlay;
  // Parsed modules kept between runs (the language server's); may be null.
  ParseCache *parseCache = nullptr;
};

struct LintResult {
  enum class Stop : uint8_t {
    None,   // the policies ran
    Config, // a configuration problem (unknown check, bad parameter): exit 2
    Input,  // an input or a policy module did not load, check or build: exit 3
  };
  Stop stop = Stop::None;
  Program program;                          // owns every source: Cairn, manifests, policies
  std::vector<PolicyDescriptor> policies;   // every policy loaded, in load order
  std::vector<bool> selected;               // parallel to policies
  std::vector<Finding> findings;            // sorted by file, position, check; suppressed ones too
  size_t objects = 0, files = 0;
  // Problems, not findings: unreadable or malformed inputs, compile errors,
  // a policy that failed on some object. Their spans point into program.sources.
  DiagnosticSink diags;
};

std::unique_ptr<LintResult> runLint(LintRequest request);

} // namespace cairn::lint
