// Pieces shared by the report formats (report_*.cpp). Private to lint/.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "frontend/source.h"
#include "lint/finding.h"

namespace cairn::lint::detail {

// "Deployment prod/web", "Namespace web", "ConfigMap" (no name): the object
// as `kind namespace/name`; empty when nothing is known.
std::string objectLabel(const Finding &f);

struct FindingCounts {
  size_t errors = 0, warnings = 0, infos = 0; // counted (not suppressed) findings
  size_t suppressed = 0;
};
FindingCounts countFindings(const std::vector<Finding> &findings);

// Where a finding points, with its span clamped into its file: 1-based lines
// and byte columns, `end` exclusive. nullopt when the span is not usable.
struct FindingRange {
  Span span;
  LineCol start, end;
};
std::optional<FindingRange> findingRange(const Finding &f, const SourceManager &sources);

// The file a finding is reported in: its span's file when it has one, else
// the object's input file.
FileId reportFile(const Finding &f, const SourceManager &sources);

// A file's path for tools that want repository-relative '/'-separated paths:
// lexically normal, without a leading `./`, relative to `sourceRoot` when the
// path is absolute and under it.
std::string relativeReportPath(const std::string &path, const std::filesystem::path &sourceRoot);

} // namespace cairn::lint::detail
