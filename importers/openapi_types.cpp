#include "importers/openapi_types.h"

#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "importers/openapi_reader.h"

namespace cairn::importers {
namespace {

using Json = nlohmann::json;
using K = ModelType::Kind;

// Kubernetes quantities: a signed decimal number with an optional binary-SI
// (Ki..Ei), decimal-SI (n, u, m, k, M..E) or exponent suffix ("100m",
// "1.5Gi", "2e3"). Plain numbers are accepted too (`cpu: 1`).
constexpr const char *kQuantityPattern =
    R"(^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$)";

// RFC 3339, as metav1.Time and MicroTime are written.
constexpr const char *kTimePattern =
    R"(^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$)";

// Standard base64 with padding, as the API server decodes `format: byte`
// fields (Secret `data`, CA bundles); like Go's decoder it allows line breaks
// (between 4-character groups, where wrapped base64 has them).
constexpr const char *kBase64Pattern =
    R"(^(?:[A-Za-z0-9+/]{4}|[
])*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?[
]*$)";

ModelType patterned(const char *pattern) {
  ModelType t = ModelType::of(K::String);
  t.pattern = pattern;
  return t;
}

ModelType intOrString() { return ModelType::unionOf({ModelType::of(K::Int), ModelType::of(K::String)}); }

// Package prefixes of the Kubernetes definitions, longest first; what follows
// them ("apps.v1") becomes the module path ("k8s/apps/v1"); apimachinery's
// helpers keep their package path ("k8s/api/resource" for Quantity).
constexpr const char *kPackagePrefixes[] = {
    "io.k8s.apimachinery.pkg.apis.", "io.k8s.apimachinery.pkg.", "io.k8s.apiextensions-apiserver.pkg.apis.",
    "io.k8s.kube-aggregator.pkg.apis.", "io.k8s.api.",
};

} // namespace

std::string definitionShortName(const std::string &definitionName) {
  size_t dot = definitionName.rfind('.');
  return dot == std::string::npos ? definitionName : definitionName.substr(dot + 1);
}

std::string moduleForDefinition(const std::string &definitionName) {
  size_t dot = definitionName.rfind('.');
  std::string package = dot == std::string::npos ? "" : definitionName.substr(0, dot + 1);
  for (const char *prefix : kPackagePrefixes)
    if (package.rfind(prefix, 0) == 0) {
      package = package.substr(std::string(prefix).size());
      break;
    }
  std::string path = "k8s/";
  for (char c : package)
    path += c == '.' ? '/' : c;
  while (!path.empty() && path.back() == '/')
    path.pop_back();
  return path;
}

ModelType int32Type() {
  ModelType t = ModelType::of(K::Int);
  t.minInt = INT32_MIN;
  t.maxInt = INT32_MAX;
  return t;
}

std::optional<ModelType> specialDefinition(const std::string &name, const Json &definition) {
  std::string shortName = definitionShortName(name);
  if (name == "io.k8s.apimachinery.pkg.api.resource.Quantity")
    return ModelType::unionOf({patterned(kQuantityPattern), ModelType::of(K::Int), ModelType::of(K::Float)});
  if (name == "io.k8s.apimachinery.pkg.util.intstr.IntOrString")
    return intOrString();
  if (name == "io.k8s.apimachinery.pkg.apis.meta.v1.Time" || name == "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime")
    return patterned(kTimePattern);
  // Free-form JSON: managed-fields sets, embedded objects, patches, and the
  // "X or Y" helper types of JSONSchemaProps.
  if (name == "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1" || name == "io.k8s.apimachinery.pkg.runtime.RawExtension" ||
      name == "io.k8s.apimachinery.pkg.apis.meta.v1.Patch" ||
      name == "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON" ||
      shortName.rfind("JSONSchemaPropsOr", 0) == 0)
    return ModelType::of(K::Any);
  return std::nullopt;
}

ModelType openApiPropertyType(const Json &property, const std::function<ModelType(const std::string &)> &resolveRef,
                              unsigned depth) {
  // Real documents nest a few levels (a map of lists); a bound keeps a
  // hostile one from exhausting the stack here and in the writer.
  if (depth > kMaxTypeNesting)
    throw std::runtime_error(fmt::format("a property type nests deeper than {} levels", kMaxTypeNesting));
  if (auto ref = property.find("$ref"); ref != property.end())
    return resolveRef(ref->get<std::string>());
  if (property.value("x-kubernetes-preserve-unknown-fields", false))
    return ModelType::of(K::Any);
  if (property.value("x-kubernetes-int-or-string", false))
    return intOrString();
  std::string type = property.value("type", "");
  std::string format = property.value("format", "");
  if (type == "string") {
    if (format == "int-or-string")
      return intOrString();
    if (format == "date-time")
      return patterned(kTimePattern);
    if (format == "byte")
      return patterned(kBase64Pattern);
    return ModelType::of(K::String);
  }
  if (type == "integer")
    return format == "int32" ? int32Type() : ModelType::of(K::Int);
  if (type == "number")
    return ModelType::of(K::Float);
  if (type == "boolean")
    return ModelType::of(K::Bool);
  if (type == "array") {
    auto items = property.find("items");
    return ModelType::listOf(items == property.end() ? ModelType::of(K::Any)
                                                     : openApiPropertyType(*items, resolveRef, depth + 1));
  }
  if (type == "object") {
    auto extra = property.find("additionalProperties");
    if (extra == property.end())
      return ModelType::of(K::Any);
    if (extra->is_boolean())
      return ModelType::mapOf(ModelType::of(K::Any));
    return ModelType::mapOf(openApiPropertyType(*extra, resolveRef, depth + 1));
  }
  return ModelType::of(K::Any);
}

} // namespace cairn::importers
