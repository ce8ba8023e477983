// One YAML document -> the parts of a CustomResourceDefinition the importer
// uses (group, kind, scope, versions with their schemas), checked: every
// problem is reported at its place in the YAML and the CRD is left out.
#pragma once

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "importers/crd_yaml.h"

namespace cairn::importers {

struct CrdVersion {
  std::string name;           // "v1alpha1"
  YAML::Node schema;          // schema.openAPIV3Schema
  bool deprecated = false;
  std::string deprecationWarning;
};

struct CrdDefinition {
  const CrdYamlFile *yaml = nullptr; // the file it came from
  std::string name;                  // metadata.name: "certificates.cert-manager.io"
  std::string group;                 // "cert-manager.io"
  std::string kind;                  // "Certificate"
  YAML::Node kindNode;               // spec.names.kind, for messages
  bool clusterScoped = false;
  std::vector<CrdVersion> versions;  // the served versions, in file order
};

// Reads every CRD of one document: a CRD, or a `List` of them (the output of
// `kubectl get crd -o yaml`). Other objects are skipped with W0841; invalid
// CRDs are reported and left out. Empty documents are ignored.
void readCrdDocument(const YAML::Node &document, const CrdYamlFile &yaml, std::vector<CrdDefinition> &out);

} // namespace cairn::importers
