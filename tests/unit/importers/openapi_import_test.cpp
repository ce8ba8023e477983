// `cairn import openapi`: OpenAPI v2 definitions -> model -> Cairn text.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "importers/cairn_writer.h"
#include "importers/openapi_reader.h"

namespace cairn::importers {
namespace {

const char *kDocument = R"({"swagger": "2.0", "definitions": {
  "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": {"type": "object", "properties": {
    "name": {"type": "string"}, "labels": {"type": "object", "additionalProperties": {"type": "string"}}}},
  "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions": {"type": "object",
    "x-kubernetes-group-version-kind": [{"group": "", "version": "v1", "kind": "DeleteOptions"},
                                        {"group": "apps", "version": "v1", "kind": "DeleteOptions"}],
    "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}, "dryRun": {"type": "array", "items": {"type": "string"}}}},
  "io.k8s.apimachinery.pkg.api.resource.Quantity": {"type": "string"},
  "io.k8s.apimachinery.pkg.util.intstr.IntOrString": {"type": "string", "format": "int-or-string"},
  "io.k8s.api.example.v1.Widget": {"type": "object", "required": ["count"],
    "x-kubernetes-group-version-kind": [{"group": "example.dev", "version": "v1", "kind": "Widget"}],
    "properties": {
      "status": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
      "metadata": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
      "kind": {"type": "string"}, "apiVersion": {"type": "string"},
      "count": {"type": "integer", "format": "int32"},
      "total": {"type": "integer", "format": "int64"},
      "ratio": {"type": "number", "format": "double"},
      "cpu": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity"},
      "port": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString"},
      "mode": {"type": "string"},
      "$schema": {"type": "string"},
      "limits": {"type": "object", "additionalProperties": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity"}},
      "parts": {"type": "array", "items": {"$ref": "#/definitions/io.k8s.api.example.v1.Part"}}}},
  "io.k8s.api.example.v1.Part": {"type": "object", "properties": {"name": {"type": "string"}}}
}})";

OpenApiImport importDocument(const FieldEnrichments &enrichments = {}) {
  return importOpenApi(nlohmann::json::parse(kDocument), "test.json", enrichments);
}

const ModelModule &moduleNamed(const OpenApiImport &imported, const std::string &path) {
  for (const ModelModule &m : imported.library.modules)
    if (m.path == path)
      return m;
  throw std::runtime_error("no module " + path);
}

std::string written(const OpenApiImport &imported, const std::string &path) {
  std::vector<std::string> warnings;
  return writeModule(moduleNamed(imported, path), {}, warnings);
}

TEST(OpenApiImport, OneModulePerPackageNamedLikeTheGroupVersion) {
  EXPECT_EQ(moduleForDefinition("io.k8s.api.apps.v1.Deployment"), "k8s/apps/v1");
  EXPECT_EQ(moduleForDefinition("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), "k8s/meta/v1");
  EXPECT_EQ(moduleForDefinition("io.k8s.apimachinery.pkg.api.resource.Quantity"), "k8s/api/resource");
  EXPECT_EQ(moduleForDefinition("io.k8s.apimachinery.pkg.util.intstr.IntOrString"), "k8s/util/intstr");
  EXPECT_EQ(moduleForDefinition("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON"),
            "k8s/apiextensions/v1");
  EXPECT_EQ(moduleForDefinition("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService"),
            "k8s/apiregistration/v1");
}

TEST(OpenApiImport, KindsHaveFixedIdentityRequiredMetadataAndReadableFieldOrder) {
  std::string text = written(importDocument(), "k8s/example/v1");
  EXPECT_NE(text.find("import \"k8s/api/resource\" as resource\n"
                      "import \"k8s/meta/v1\" as meta\n"
                      "import \"k8s/util/intstr\" as intstr\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("schema Widget {\n"
                      "  apiVersion: \"example.dev/v1\" = \"example.dev/v1\"\n"
                      "  kind: \"Widget\" = \"Widget\"\n"
                      "  metadata: meta.ObjectMeta\n"
                      "  \"$schema\"?: string\n"
                      "  count: int(-2147483648..2147483647)\n"
                      "  cpu?: resource.Quantity\n"
                      "  limits?: {string: resource.Quantity}\n"
                      "  mode?: string\n"
                      "  parts?: [Part]\n"
                      "  port?: intstr.IntOrString\n"
                      "  ratio?: float\n"
                      "  status?: any\n"
                      "  total?: int\n"
                      "}\n"),
            std::string::npos)
      << text;
}

TEST(OpenApiImport, IndexListsEveryGroupVersionKind) {
  OpenApiImport imported = importDocument();
  std::string index = writeKindsIndex(imported.kinds);
  EXPECT_EQ(index, "{\"kinds\": [\n"
                   "  {\"apiVersion\":\"apps/v1\",\"kind\":\"DeleteOptions\",\"module\":\"k8s/meta/v1\",\"schema\":\"DeleteOptions\"},\n"
                   "  {\"apiVersion\":\"example.dev/v1\",\"kind\":\"Widget\",\"module\":\"k8s/example/v1\",\"schema\":\"Widget\"},\n"
                   "  {\"apiVersion\":\"v1\",\"kind\":\"DeleteOptions\",\"module\":\"k8s/meta/v1\",\"schema\":\"DeleteOptions\"}\n"
                   "]}\n");
  // A definition of several group/versions accepts each apiVersion, defaults none.
  EXPECT_NE(written(imported, "k8s/meta/v1").find("  apiVersion?: \"v1\" | \"apps/v1\"\n  kind: \"DeleteOptions\" = \"DeleteOptions\"\n"),
            std::string::npos);
}

TEST(OpenApiImport, ScalarDefinitionsBecomeAliasesWithTheirFormat) {
  OpenApiImport imported = importDocument();
  EXPECT_NE(written(imported, "k8s/util/intstr").find("type IntOrString = int | string\n"), std::string::npos);
  std::string quantity = written(imported, "k8s/api/resource");
  EXPECT_NE(quantity.find("type Quantity = string(/^"), std::string::npos) << quantity;
  EXPECT_NE(quantity.find("/) | int | float\n"), std::string::npos) << quantity;
}

TEST(OpenApiImport, EnrichmentsReplaceTypesAndRequireFields) {
  FieldEnrichments enrichments;
  enrichments.types["io.k8s.api.example.v1.Widget"]["mode"] = "\"fast\" | \"safe\"";
  enrichments.required["io.k8s.api.example.v1.Widget"].insert("ratio");
  enrichments.types["io.k8s.api.example.v1.Widget"]["nosuch"] = "string";
  OpenApiImport imported = importDocument(enrichments);
  std::string text = written(imported, "k8s/example/v1");
  EXPECT_NE(text.find("  mode?: \"fast\" | \"safe\"\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  ratio: float\n"), std::string::npos) << text;
  ASSERT_EQ(imported.warnings.size(), 1u);
  EXPECT_NE(imported.warnings[0].find("io.k8s.api.example.v1.Widget.nosuch"), std::string::npos);
}

TEST(OpenApiImport, RejectsDocumentsThatAreNotOpenApiV2) {
  EXPECT_THROW(importOpenApi(nlohmann::json::parse(R"({"openapi": "3.0.0"})"), "x", {}), std::runtime_error);
  EXPECT_THROW(importOpenApi(nlohmann::json::parse(
                                 R"({"swagger": "2.0", "definitions": {"a.B": {"properties": {"x": {"$ref": "#/definitions/nope"}}}}})"),
                             "x", {}),
               std::runtime_error);
}

TEST(OpenApiImport, RefusesTypesNestedBeyondTheLimitInsteadOfOverflowingTheStack) {
  std::string open, close;
  for (unsigned i = 0; i < 20000; ++i) {
    open += R"({"type": "array", "items": )";
    close += "}";
  }
  std::string property = open + R"({"type": "string"})" + close;
  std::string document = R"({"swagger": "2.0", "definitions": {"io.k8s.api.x.v1.A": {"type": "object", "properties": {"a": )" +
                         property + "}}}}";
  try {
    importOpenApi(nlohmann::json::parse(document), "deep.json", {});
    FAIL() << "expected an error";
  } catch (const std::runtime_error &e) {
    EXPECT_NE(std::string(e.what()).find("deeper than 64 levels"), std::string::npos) << e.what();
  }
}

} // namespace
} // namespace cairn::importers
