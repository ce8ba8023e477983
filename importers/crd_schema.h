// One CRD's OpenAPI v3 schema -> model fields and types. Nested objects with
// `properties` become their own definitions, named by their path in
// PascalCase (`CertificateSpecPrivateKey`; list items singularised,
// `ServiceMonitorSpecEndpoint`, or suffixed `Item`), appended to the module in
// pre-order so a reader meets a schema before the schemas it uses.
//
// Choices (docs/import.md, "Importing CRDs"):
//  - `default` is not made a Cairn default (it would be written into every
//    object); the field stays optional and its doc names the default.
//  - an object with `properties` and `x-kubernetes-preserve-unknown-fields`
//    is typed `any` (a closed schema would reject fields the API server
//    keeps); its schema is still generated, to be used explicitly.
//  - an object with neither properties nor additionalProperties is
//    `{string: any}`.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "importers/crd_names.h"
#include "importers/crd_yaml.h"
#include "importers/schema_model.h"

namespace cairn::importers {

// Limits that keep hostile inputs (deep nesting, huge files) from
// exhausting the stack or memory.
constexpr int kMaxSchemaDepth = 64; // real CRDs nest about 15 levels
constexpr size_t kMaxSchemaNodes = 1000000;

class CrdSchemaConverter {
public:
  // Definitions are appended to `module`; `nodeBudget` is shared by every
  // schema of one run and counts down.
  CrdSchemaConverter(const CrdYamlFile &yaml, ModelModule &module, DefinitionNames &names, size_t &nodeBudget)
      : yaml_(yaml), module_(module), names_(names), nodeBudget_(nodeBudget) {}

  // The fields of an object schema's `properties`, in order, with `required`
  // applied, skipping the names in `skip`. `prefix` names nested schemas
  // (`Certificate` -> `CertificateSpec`); `path` locates messages (`spec`).
  std::vector<ModelField> fields(const YAML::Node &objectSchema, const std::string &prefix,
                                 const std::string &path, const std::vector<std::string> &skip, int depth = 0);

  // The description of a schema node, or empty.
  std::string description(const YAML::Node &schema) const;

private:
  struct Site {
    std::string name; // the definition name a nested object would get
    std::string path; // `spec.endpoints[]`, for messages
    int depth = 0;
  };
  using Notes = std::vector<std::string>;

  ModelType type(const YAML::Node &schema, const Site &site, Notes &notes);
  ModelType untypedOrScalar(const YAML::Node &schema, const std::string &type, const Site &site, Notes &notes);
  ModelType objectType(const YAML::Node &schema, const Site &site, Notes &notes, bool preserveUnknown);
  // The name of the definition generated for an object schema with properties.
  std::string objectDefinition(const YAML::Node &schema, const Site &site);
  ModelType arrayType(const YAML::Node &schema, const Site &site, Notes &notes);
  ModelType stringType(const YAML::Node &schema, const Site &site, Notes &notes);
  // minLength/maxLength and `pattern` (translated, or dropped with W0845).
  void refineString(const YAML::Node &schema, const Site &site, Notes &notes, ModelType &t);
  ModelType intType(const YAML::Node &schema, const Site &site, Notes &notes);
  ModelType floatType(const YAML::Node &schema, const Site &site, Notes &notes);
  // The `enum` of a scalar schema as a union of literals, or nullopt.
  std::optional<ModelType> enumType(const YAML::Node &schema, bool strings, const Site &site);
  // Validations Cairn cannot express, as doc lines.
  void commonNotes(const YAML::Node &schema, const Site &site, Notes &notes);
  ModelField field(const std::string &name, const YAML::Node &schema, bool required, const Site &site);
  bool spend(const YAML::Node &schema, const Site &site);

  const CrdYamlFile &yaml_;
  ModelModule &module_;
  DefinitionNames &names_;
  size_t &nodeBudget_;
  bool limitReported_ = false;
  std::unordered_map<int, std::string> definitionAt_; // object schema's YAML position -> definition
};

} // namespace cairn::importers
