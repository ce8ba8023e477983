#include "manifest/validate_run.h"

#include <algorithm>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <llvm/ADT/DenseMap.h>

#include "manifest/validate.h"

namespace cairn::manifest {

bool kindListed(const std::vector<std::string> &list, llvm::StringRef apiVersion, llvm::StringRef kind) {
  for (const std::string &entry : list) {
    llvm::StringRef e(entry);
    if (e == kind || (e.size() == apiVersion.size() + 1 + kind.size() && e.startswith(apiVersion) &&
                      e[apiVersion.size()] == '/' && e.endswith(kind)))
      return true;
  }
  return false;
}

Totals RunResult::totals() const {
  Totals t;
  t.files = files.size();
  for (const FileResult &file : files)
    for (const ManifestObject &object : file.objects) {
      ++t.resources;
      switch (object.status) {
      case ObjectStatus::Valid: ++t.valid; break;
      case ObjectStatus::Invalid: ++t.invalid; break;
      case ObjectStatus::Error: ++t.errors; break;
      case ObjectStatus::Skipped: ++t.skipped; break;
      }
    }
  return t;
}

bool RunResult::failed() const {
  Totals t = totals();
  bool libraryErrors = std::any_of(libraryProblems.begin(), libraryProblems.end(),
                                   [](const Diagnostic &d) { return d.severity == Severity::Error; });
  return t.invalid > 0 || t.errors > 0 || libraryErrors;
}

namespace {

// "no schema for kind" with the most useful way out.
// The kind exists elsewhere: the apiVersion is wrong; else the kind is.
void reportUnknownKind(const Document &doc, ManifestObject &object, const KindRegistry &registry) {
  std::vector<const KindEntry *> sameKind = registry.withKind(object.kind);
  const char *field = sameKind.empty() ? "kind" : "apiVersion";
  NodeId value = doc.get(object.node, field);
  Span span = value == kNoNode ? object.span : doc.span(value);
  Diagnostic &d = object.issues.report(field, DiagKind::UnknownKind, span, object.apiVersion, object.kind);
  if (!sameKind.empty()) {
    std::string versions;
    for (size_t i = 0; i < sameKind.size() && i < 6; ++i)
      versions += fmt::format("{}`{}`", i == 0 ? "" : ", ", sameKind[i]->apiVersion);
    d.withHint(fmt::format("`{}` is in {}: set `apiVersion: {}`", object.kind, versions, sameKind.front()->apiVersion));
    return;
  }
  std::set<std::string> kinds;
  for (const KindEntry &entry : registry.entries())
    kinds.insert(entry.kind);
  std::vector<llvm::StringRef> candidates(kinds.begin(), kinds.end());
  std::string best = closestMatch(object.kind, candidates);
  if (!best.empty()) {
    d.withHint(fmt::format("did you mean `{}`?", best));
    return;
  }
  d.note("for a custom resource, generate its schema with `cairn import crd CRD.yaml -o DIR` and pass "
         "`--schema-location DIR`");
  d.withHint("`--ignore-missing-schemas` skips kinds without a schema");
}

// Sorts each identified object into skipped, rejected, unknown or needing
// schema `needed[i]`; returns the entry index per object (or -1).
std::vector<std::vector<int>> classify(RunResult &run, const KindRegistry &registry, const RunOptions &options,
                                       std::vector<const KindEntry *> &needed) {
  llvm::DenseMap<const KindEntry *, int> index;
  std::vector<std::vector<int>> schemaOf;
  for (FileResult &file : run.files) {
    std::vector<int> &perObject = schemaOf.emplace_back(file.objects.size(), -1);
    for (size_t i = 0; i < file.objects.size(); ++i) {
      ManifestObject &object = file.objects[i];
      // Objects that could not be identified stay errors; reading problems
      // (duplicate keys) do not stop the schema check.
      if (!object.identified() || object.status == ObjectStatus::Error)
        continue;
      if (kindListed(options.skipKinds, object.apiVersion, object.kind)) {
        object.status = ObjectStatus::Skipped;
        object.skipReason = "--skip";
        continue;
      }
      if (kindListed(options.rejectKinds, object.apiVersion, object.kind)) {
        object.status = ObjectStatus::Invalid;
        object.issues.report("kind", DiagKind::RejectedKind, object.span, object.kind)
            .note("`--reject` lists the kinds that must not appear in these manifests");
        continue;
      }
      const KindEntry *entry = registry.find(object.apiVersion, object.kind);
      if (entry == nullptr) {
        if (options.ignoreMissingSchemas) {
          object.status = ObjectStatus::Skipped;
          object.skipReason = "no schema";
        } else {
          object.status = ObjectStatus::Error;
          reportUnknownKind(file.documents[object.document], object, registry);
        }
        continue;
      }
      auto [it, inserted] = index.try_emplace(entry, static_cast<int>(needed.size()));
      if (inserted)
        needed.push_back(entry);
      perObject[i] = it->second;
    }
  }
  return schemaOf;
}

struct CheckJob {
  FileResult *file;
  ManifestObject *object;
  uint32_t schema;
};

// Checks each object against its schema. Objects are independent, so they
// are split over the cores (after `perf` showed the schema walk as the
// largest cost left once reading got fast); each object's issues are its
// own, so the result is the same as checking them in order on one thread.
void checkObjects(const std::vector<CheckJob> &jobs, const types::CheckedProgram &checked, bool strict) {
  // TypeStore compiles regexes lazily into a cache that is not thread-safe:
  // compile every one first, after which the threads only read it.
  const types::TypeStore &store = checked.types;
  for (uint32_t t = 0; t < store.size(); ++t)
    (void)store.regex(types::TypeId{t});
  auto checkRange = [&](size_t begin, size_t end) {
    MatchCache cache; // per thread: it is not thread-safe either
    ValidateOptions validateOptions;
    validateOptions.strict = strict;
    validateOptions.cache = &cache;
    for (size_t j = begin; j < end; ++j) {
      ManifestObject &object = *jobs[j].object;
      validateAgainstSchema(jobs[j].file->documents[object.document], object.node, jobs[j].schema, checked,
                            validateOptions, object.issues);
      object.issues.sortByPosition();
      if (object.issues.errorCount() > 0)
        object.status = ObjectStatus::Invalid;
    }
  };
  constexpr size_t kObjectsPerThread = 256; // below this, a thread costs more than it saves
  size_t threads = std::min<size_t>({std::max(1u, std::thread::hardware_concurrency()), 8,
                                     (jobs.size() + kObjectsPerThread - 1) / kObjectsPerThread});
  size_t chunk = (jobs.size() + threads - 1) / threads;
  std::vector<std::thread> workers;
  for (size_t t = 1; t < threads; ++t)
    workers.emplace_back(checkRange, std::min(t * chunk, jobs.size()), std::min((t + 1) * chunk, jobs.size()));
  checkRange(0, std::min(chunk, jobs.size()));
  for (std::thread &worker : workers)
    worker.join();
}

} // namespace

RunResult validateFiles(const SourceManager &sources, const std::vector<FileId> &files, const RunOptions &options) {
  RunResult run;
  DiagnosticSink libraryDiags;
  KindRegistry registry = loadKindRegistry(options.library, libraryDiags);
  for (FileId file : files) {
    FileResult &result = run.files.emplace_back();
    result.file = file;
    result.documents = readDocuments(sources, file, options.strict);
    for (uint32_t d = 0; d < result.documents.size(); ++d)
      collectObjects(result.documents[d], d, registry, result.objects);
  }
  std::vector<const KindEntry *> needed;
  std::vector<std::vector<int>> schemaOf = classify(run, registry, options, needed);
  if (!needed.empty())
    run.kinds = loadKinds(needed, options.library, libraryDiags);
  // Schemas of modules that did not check are not trusted: their types may be `<error>`.
  std::set<uint32_t> brokenFiles;
  for (const Diagnostic &d : libraryDiags.diagnostics())
    if (d.severity == Severity::Error && d.span.valid())
      brokenFiles.insert(d.span.file.index);
  auto broken = [&](uint32_t schema) {
    if (schema == types::kNone)
      return true;
    uint32_t module = run.kinds->checked.schemas[schema].module;
    return module < run.kinds->program.modules.size() &&
           brokenFiles.count(run.kinds->program.modules[module].file.index) > 0;
  };
  std::vector<CheckJob> jobs;
  for (size_t f = 0; f < run.files.size(); ++f) {
    FileResult &file = run.files[f];
    for (size_t i = 0; i < file.objects.size(); ++i) {
      ManifestObject &object = file.objects[i];
      if (schemaOf[f][i] < 0)
        continue;
      uint32_t schema = run.kinds->schemas[schemaOf[f][i]];
      if (broken(schema)) {
        object.status = ObjectStatus::Error;
        object.issues.report("kind", DiagKind::UnknownKind, object.span, object.apiVersion, object.kind)
            .note("the module that defines it failed to load; see the errors about it");
        continue;
      }
      jobs.push_back({&file, &object, schema});
    }
  }
  if (!jobs.empty())
    checkObjects(jobs, run.kinds->checked, options.strict);
  // Library warnings (an unused import in a schema module) are not the user's concern here.
  for (Diagnostic &d : libraryDiags.take())
    if (d.severity == Severity::Error)
      run.libraryProblems.push_back(std::move(d));
  return run;
}

} // namespace cairn::manifest
