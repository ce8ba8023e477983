// Reading CRD YAML with positions: each YAML node's place in its file as a
// Span, and typed accessors that report a wrong type (E0843) at the node
// instead of throwing, so one bad field never stops the rest of the import.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

#include "frontend/diagnostic.h"
#include "frontend/source.h"

namespace cairn::importers {

class CrdYamlFile {
public:
  // `base`: the byte offset in the file of the text yaml-cpp parsed (one
  // document of a stream), which its marks are relative to.
  CrdYamlFile(const SourceManager &sources, FileId file, DiagnosticSink &diags, uint32_t base = 0)
      : sources_(sources), file_(file), diags_(diags), base_(base) {}

  FileId file() const { return file_; }
  const std::string &path() const { return sources_.file(file_).path(); }
  DiagnosticSink &diags() const { return diags_; }

  // Where `node` starts, covering a scalar's text or the rest of the line.
  Span span(const YAML::Node &node) const;
  Span spanOfMark(const YAML::Mark &mark) const;

  // `map[key]` when `map` is a mapping holding `key` with a non-null value.
  static std::optional<YAML::Node> child(const YAML::Node &map, const char *key);

  // Typed entries of a mapping: nullopt when absent; a value of the wrong
  // type is reported as E0843 ("`what` must be ...") and also gives nullopt.
  std::optional<std::string> string(const YAML::Node &map, const char *key, const std::string &what) const;
  std::optional<bool> boolean(const YAML::Node &map, const char *key, const std::string &what) const;
  std::optional<double> number(const YAML::Node &map, const char *key, const std::string &what) const;
  std::optional<int64_t> integer(const YAML::Node &map, const char *key, const std::string &what) const;
  // A mapping or sequence entry; reported when present with another shape.
  std::optional<YAML::Node> mapping(const YAML::Node &map, const char *key, const std::string &what) const;
  std::optional<YAML::Node> sequence(const YAML::Node &map, const char *key, const std::string &what) const;

  // E0843 at `node`.
  Diagnostic &invalid(const YAML::Node &node, const std::string &message) const;

private:
  const SourceManager &sources_;
  FileId file_;
  DiagnosticSink &diags_;
  uint32_t base_ = 0;
};

// `null`, `~`, an empty value: YAML's null, unquoted.
bool yamlIsNull(const YAML::Node &node);

// A scalar as a Cairn literal type source: `"text"` for strings (quoted in
// YAML or not a number/bool/null), the text itself for numbers and booleans,
// `null` for null. `asString` reads any other scalar as a string (enums of strings).
std::string yamlScalarLiteral(const YAML::Node &scalar, bool asString);

// A short one-line rendering of any node for doc comments: `RSA`, `[a, b]`, `{}`.
std::string yamlInline(const YAML::Node &node);

} // namespace cairn::importers
