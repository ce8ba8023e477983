// `kinds.json`: the index of the Kubernetes kinds a directory of generated
// modules defines, written by `cairn import openapi` and `cairn import crd`
// and read by `cairn validate` / `cairn import yaml` to load only the modules
// they need.
#pragma once

#include <string>
#include <vector>

namespace cairn::importers {

struct KindIndexEntry {
  std::string apiVersion; // "apps/v1"
  std::string kind;       // "Deployment"
  std::string module;     // relative to the index's directory, without extension: "k8s/apps/v1"
  std::string schema;     // the schema's name in that module
};

// The index as JSON text: {"kinds": [...]}, sorted by apiVersion then kind.
std::string writeKindsIndex(std::vector<KindIndexEntry> entries);

} // namespace cairn::importers
