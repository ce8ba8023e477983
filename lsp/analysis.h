// Building a Snapshot: load the given files (editor buffers win over the disk)
// with everything they import, and check them; for the diagnostics of open
// documents also evaluate those that emit objects and lint what they emit,
// as `cairn check` and `cairn lint FILE` would.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "frontend/parse_cache.h"
#include "lint/finding.h"
#include "lsp/positions.h"
#include "lsp/snapshot.h"

namespace cairn::lsp {

struct AnalysisRequest {
  std::vector<std::string> files;  // absolute paths of the files to analyse (open documents, workspace files)
  std::filesystem::path workingDir; // display paths are relative to it (the first workspace folder)
  std::vector<std::filesystem::path> stdlibDirs;
  // Unsaved editor buffers by canonical path.
  std::function<std::optional<std::string>(const std::string &canonicalPath)> overlay;
  // Parsed modules kept between analyses (the server owns one for its
  // lifetime, so only edited files are parsed again); may be null.
  ParseCache *parseCache = nullptr;

  // Canonical paths (among `files`) to evaluate, when they emit objects, need
  // no parameter without a default and reach no module with errors; their
  // evaluation errors (E05xx) join the snapshot's diagnostics.
  std::vector<std::string> evaluate;
  // Also run the policies (the default pack and the project's cairn.yaml
  // `lint:` section) on what the evaluated documents emit.
  bool lint = false;
  // Polled between phases: true when a newer edit makes this analysis useless.
  std::function<bool()> superseded;
};

// A policy finding on an object a document emits, located in a Cairn file
// (lint runs on its own program, so the location is a path and a range).
struct PolicyFinding {
  std::string path; // canonical path of the file holding the span
  Range range;
  std::string check; // "latest-tag"
  lint::Level level = lint::Level::Warning;
  std::string message;
  std::string remediation;
};

struct Analysis {
  std::shared_ptr<const Snapshot> snapshot;
  std::vector<PolicyFinding> findings;
  // Problems of the project's cairn.yaml `lint:` section (file:line:col text).
  std::vector<std::string> configProblems;
  bool superseded = false; // stopped early: snapshot is complete, evaluation and lint may be missing
};

// Load and check only (what features need).
std::shared_ptr<const Snapshot> analyze(const AnalysisRequest &request);
// Load, check, then evaluate and lint as the request asks.
Analysis analyzeForDiagnostics(const AnalysisRequest &request);

} // namespace cairn::lsp
