// How OpenAPI v2 types of the Kubernetes document become model types: the
// scalar formats, maps, lists, and the few definitions that are really
// scalars with a textual format (Quantity, IntOrString, Time).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "importers/schema_model.h"

namespace cairn::importers {

// "io.k8s.api.apps.v1.Deployment" -> "Deployment".
std::string definitionShortName(const std::string &definitionName);

// The Cairn type of definitions that are scalars or free-form JSON in
// disguise, or nothing for ordinary definitions.
std::optional<ModelType> specialDefinition(const std::string &definitionName, const nlohmann::json &definition);

// How deeply list and map types may nest inside one property.
inline constexpr unsigned kMaxTypeNesting = 64;

// A property's type; `resolveRef` turns "#/definitions/X" into a reference.
// Throws std::runtime_error when the type nests deeper than kMaxTypeNesting.
ModelType openApiPropertyType(const nlohmann::json &property,
                              const std::function<ModelType(const std::string &)> &resolveRef,
                              unsigned depth = 0);

// The int32 range, which Kubernetes uses for most counts and ports.
ModelType int32Type();

} // namespace cairn::importers
