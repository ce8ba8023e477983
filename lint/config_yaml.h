// yaml-cpp nodes of the project file as spans and JSON values. Private to
// lint/: the reader of the `lint:` section (config_load.cpp) uses it.
#pragma once

#include <string>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "frontend/source.h"

namespace cairn::lint::detail {

// Spans of nodes of one YAML file whose whole text is `file` in `sources`.
class YamlSpans {
public:
  YamlSpans(const SourceManager &sources, FileId file) : sources_(sources), file_(file) {}
  // From the mark to the end of its token on that line (at least one byte).
  Span ofMark(const YAML::Mark &mark) const;
  // A scalar's text (with its quotes), or the start of a collection.
  Span of(const YAML::Node &node) const;
  FileId file() const { return file_; }

private:
  const SourceManager &sources_;
  FileId file_;
};

// "a mapping", "a list", "a string", "a number", "a boolean", "null": what a
// node is, for "must be X, found Y" messages.
const char *yamlShape(const YAML::Node &node);

// Whether a node is a scalar that reads as a string (quoted, or plain and not
// null, a boolean or a number under the YAML 1.2 core schema).
bool isYamlString(const YAML::Node &node);

// A node as JSON under the YAML 1.2 core schema (quoted scalars are strings).
// `budget` is the number of nodes still allowed: aliases can make a small
// file expand to a huge value; returns false (with `out` incomplete) when the
// budget runs out.
bool yamlToJson(const YAML::Node &node, size_t &budget, nlohmann::ordered_json &out);

} // namespace cairn::lint::detail
