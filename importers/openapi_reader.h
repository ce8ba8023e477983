// A Kubernetes OpenAPI v2 document -> one model module per group/version
// (`k8s/apps/v1`, `k8s/meta/v1`, ...), one definition per OpenAPI definition,
// plus the index of the kinds. Field types the document states only in prose
// come from enrichments written by hand (stdlib/k8s-enrichments.yaml).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "importers/kinds_index.h"
#include "importers/schema_model.h"

namespace cairn::importers {

// What a hand-written enrichment file adds, keyed by definition name
// ("io.k8s.api.core.v1.Container").
struct FieldEnrichments {
  std::map<std::string, std::map<std::string, std::string>> types; // field -> Cairn type text
  std::map<std::string, std::set<std::string>> required;           // fields the API server requires
};

struct OpenApiImport {
  ModelLibrary library;
  std::vector<KindIndexEntry> kinds;
  std::vector<std::string> warnings; // enrichments that matched nothing, unknown shapes
};

// `sourceName` is named in each module's header. Throws std::runtime_error
// with a message when the document is not an OpenAPI v2 document with definitions.
OpenApiImport importOpenApi(const nlohmann::json &document, const std::string &sourceName,
                            const FieldEnrichments &enrichments);

// The module a definition goes to: "io.k8s.api.apps.v1.Deployment" -> "k8s/apps/v1".
std::string moduleForDefinition(const std::string &definitionName);

} // namespace cairn::importers
