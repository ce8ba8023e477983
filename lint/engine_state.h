// The working data of one lint run, shared by the files of the engine
// (engine.cpp: inputs and program; engine_policies.cpp: policies and
// findings). Private to lint/.
#pragma once

#include <llvm/ADT/DenseMap.h>

#include <memory>
#include <optional>
#include <vector>

#include "eval/eval.h"
#include "eval/policy_eval.h"
#include "lint/engine.h"
#include "lint/object_index.h"
#include "manifest/documents.h"
#include "manifest/objects.h"

namespace cairn::lint {

// What a source file of the lint program holds, for choosing where a
// finding points: a value written in a manifest or in Cairn that builds
// objects is the user's to fix; one made inside the standard library (a
// default such as `apiVersion`), by a policy (a message string) or in a
// module of policies only is not.
enum class SourceRole : uint8_t { Manifest, Objects, Library, ObjectsAndPolicies };

struct LintState {
  LintState(LintRequest &request, LintResult &result) : request(request), result(result) {}
  LintRequest &request;
  LintResult &result;
  std::vector<std::vector<manifest::Document>> documents; // per manifest file
  std::vector<manifest::ManifestObject> manifestObjects;  // identified objects of every file
  std::vector<FileId> manifestObjectFiles;                 // parallel: the file of each
  std::vector<uint32_t> manifestObjectDocs;                // parallel: index into documents
  // parallel: the apiVersion whose schema types the object: its own, or for a
  // removed version (extensions/v1beta1) the current one of the same kind
  std::vector<std::string> manifestObjectTypedAs;
  FileId syntheticFile;                                    // the module importing the policies
  std::optional<types::CheckedProgram> checked;
  std::optional<eval::EvalResult> evaluation;
  std::unique_ptr<eval::ValueArena> arena = std::make_unique<eval::ValueArena>();
  std::vector<LintObject> objects;
  // Per FileId index of the program's modules; files not listed are manifests.
  llvm::DenseMap<uint32_t, SourceRole> sourceRoles;
  std::vector<Span> policySpans;       // the policy declarations of ObjectsAndPolicies files
};

// engine_policies.cpp: descriptors, selection, parameters; then every
// selected policy on every object, findings with suppressions applied.
void runPolicies(LintState &state);

// What the workers share: each selected policy's parameter values, and the
// policies to run per schema and on every object.
struct PolicyPlan {
  std::vector<std::vector<eval::Value>> params; // per policy
  std::vector<std::vector<uint32_t>> bySchema;  // schema -> selected policies on it
  std::vector<uint32_t> onAny;                  // selected policies `on any`
};

struct WorkerOutput {
  std::vector<Finding> findings;
  std::vector<uint32_t> findingObjects; // per finding: its object
  std::vector<Diagnostic> problems;     // checks that could not be evaluated
};

// One thread checking objects (policy_checks.cpp).
struct PolicyWorker {
  LintState &state;
  const PolicyPlan &plan;
  eval::PolicyEvaluator &evaluator;
  LintCursor &cursor;
  DiagnosticSink &policyDiags;
  WorkerOutput &out;
  std::vector<eval::CheckFailure> failures;
  uint32_t failedObject = UINT32_MAX; // the object whose policy error was reported
};
void checkObject(PolicyWorker &worker, uint32_t index);

// engine_suppress.cpp: suppressions attached, findings sorted for the reports.
void applySuppressions(LintState &state, const std::vector<uint32_t> &findingObjects);

} // namespace cairn::lint
