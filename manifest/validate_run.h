// One `cairn validate` run over files already in a SourceManager: read the
// documents, find each object's kind, load the modules of the kinds present
// (once), check every object, and count the results. Reporting is separate
// (report.h); `cairn lint` reuses the documents and objects.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "manifest/documents.h"
#include "manifest/library.h"
#include "manifest/objects.h"

namespace cairn::manifest {

struct RunOptions {
  bool strict = false;               // unknown fields and duplicate keys are errors
  bool ignoreMissingSchemas = false; // unknown kinds are skipped instead of errors
  // `Kind` or `apiVersion/Kind` (`Secret`, `apps/v1/Deployment`).
  std::vector<std::string> skipKinds;
  std::vector<std::string> rejectKinds;
  LibraryOptions library;
};

struct FileResult {
  FileId file;
  std::vector<Document> documents;
  std::vector<ManifestObject> objects;
};

struct Totals {
  size_t files = 0, resources = 0, valid = 0, invalid = 0, errors = 0, skipped = 0;
};

struct RunResult {
  std::vector<FileResult> files;
  std::unique_ptr<LoadedKinds> kinds; // null when no object needed a schema
  // Problems of the kind registry and of loading its modules; their spans
  // point into kinds->program.sources (or nowhere).
  std::vector<Diagnostic> libraryProblems;

  Totals totals() const;
  bool failed() const; // any invalid or error object, or any library error
};

RunResult validateFiles(const SourceManager &sources, const std::vector<FileId> &files, const RunOptions &options);

// Whether `kind` of `apiVersion` is named in a --skip / --reject list.
bool kindListed(const std::vector<std::string> &list, llvm::StringRef apiVersion, llvm::StringRef kind);

} // namespace cairn::manifest
