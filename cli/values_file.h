// Values files (`--values FILE`): a YAML or JSON mapping from parameter names
// to values, turned into structured eval::ParamInputs.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/eval.h"
#include "frontend/diagnostic.h"

namespace cairn::cli {

// Parses YAML text into JSON, resolving plain scalars with the YAML 1.2 core
// schema (null, bool, int, float, else string; quoted scalars stay strings).
// Throws std::runtime_error with "line L, column C: message" on a syntax error.
nlohmann::ordered_json yamlToJson(const std::string &text);

// Parses one values file whose text is already read and registered in
// `sources` as `file`. `displayName` is how the user named it. Problems are
// reported as E0704 and yield no inputs.
std::vector<eval::ParamInput> paramsFromValuesFile(const SourceManager &sources, FileId file,
                                                   const std::string &displayName,
                                                   DiagnosticSink &diags);

} // namespace cairn::cli
