#include "importers/crd_document.h"

#include <regex>

#include <fmt/format.h>

namespace cairn::importers {
namespace {

constexpr const char *kCrdApiVersion = "apiextensions.k8s.io/v1";

// Group and version become directory and file names: only DNS names, so no
// input can write outside the output directory.
bool isDnsSubdomain(const std::string &text) {
  static const std::regex re("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  return text.size() <= 253 && std::regex_match(text, re);
}

bool isDnsLabel(const std::string &text) {
  static const std::regex re("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  return text.size() <= 63 && std::regex_match(text, re);
}

bool isKindName(const std::string &text) {
  static const std::regex re("[A-Za-z][A-Za-z0-9]*");
  return text.size() <= 253 && std::regex_match(text, re);
}

class CrdParser {
public:
  CrdParser(const YAML::Node &doc, const CrdYamlFile &yaml) : doc_(doc), yaml_(yaml) {}

  bool parse(CrdDefinition &crd) {
    crd.yaml = &yaml_;
    std::optional<YAML::Node> spec = yaml_.mapping(doc_, "spec", "spec");
    if (!spec) {
      if (!CrdYamlFile::child(doc_, "spec")) // a `spec` of the wrong shape is reported already
        yaml_.invalid(doc_, "it has no `spec`");
      return false;
    }
    std::optional<std::string> group = yaml_.string(*spec, "group", "spec.group");
    if (!group || !isDnsSubdomain(*group)) {
      report(*spec, "group", "`spec.group` must be a DNS name such as `example.com`");
      return false;
    }
    crd.group = *group;
    if (!parseNames(*spec, crd) || !parseScope(*spec, crd))
      return false;
    std::optional<YAML::Node> metadata = yaml_.mapping(doc_, "metadata", "metadata");
    crd.name = metadata ? yaml_.string(*metadata, "name", "metadata.name").value_or("") : "";
    return parseVersions(*spec, crd);
  }

private:
  // At the entry when present, else at the mapping that lacks it.
  void report(const YAML::Node &map, const char *key, const std::string &message) {
    std::optional<YAML::Node> value = CrdYamlFile::child(map, key);
    yaml_.invalid(value ? *value : map, message);
  }

  bool parseNames(const YAML::Node &spec, CrdDefinition &crd) {
    std::optional<YAML::Node> names = yaml_.mapping(spec, "names", "spec.names");
    if (!names && CrdYamlFile::child(spec, "names"))
      return false; // reported: not a mapping
    std::optional<std::string> kind = names ? yaml_.string(*names, "kind", "spec.names.kind") : std::nullopt;
    if (!kind || !isKindName(*kind)) {
      report(names ? *names : spec, names ? "kind" : "names",
             "`spec.names.kind` must be a kind name such as `Certificate` (letters and digits)");
      return false;
    }
    crd.kind = *kind;
    crd.kindNode = (*names)["kind"];
    return true;
  }

  bool parseScope(const YAML::Node &spec, CrdDefinition &crd) {
    std::string scope = yaml_.string(spec, "scope", "spec.scope").value_or("Namespaced");
    if (scope != "Namespaced" && scope != "Cluster") {
      report(spec, "scope", fmt::format("`spec.scope` must be `Namespaced` or `Cluster`, found `{}`", scope));
      return false;
    }
    crd.clusterScoped = scope == "Cluster";
    return true;
  }

  bool parseVersions(const YAML::Node &spec, CrdDefinition &crd) {
    std::optional<YAML::Node> versions = yaml_.sequence(spec, "versions", "spec.versions");
    if (!versions || versions->size() == 0) {
      report(spec, "versions", "`spec.versions` must list at least one version");
      return false;
    }
    bool ok = true;
    for (const YAML::Node &entry : *versions)
      ok = parseVersion(entry, crd) && ok;
    return ok;
  }

  bool parseVersion(const YAML::Node &entry, CrdDefinition &crd) {
    std::optional<std::string> name = yaml_.string(entry, "name", "spec.versions[].name");
    if (!name || !isDnsLabel(*name)) {
      report(entry, "name", "each of `spec.versions` needs a `name` such as `v1` (lower-case letters and digits)");
      return false;
    }
    // Versions that are not served cannot be used, so they get no module.
    if (!yaml_.boolean(entry, "served", "served").value_or(true))
      return true;
    std::optional<YAML::Node> schema = yaml_.mapping(entry, "schema", "schema");
    std::optional<YAML::Node> root =
        schema ? yaml_.mapping(*schema, "openAPIV3Schema", "schema.openAPIV3Schema") : std::nullopt;
    if (!root) {
      if (schema && CrdYamlFile::child(*schema, "openAPIV3Schema"))
        return false; // reported: not a mapping
      yaml_.diags()
          .report(DiagKind::CrdVersionWithoutSchema, yaml_.span(entry["name"]), *name, crd.kind)
          .withHint("add the version's `schema.openAPIV3Schema`, or mark it `served: false`");
      return false;
    }
    CrdVersion version;
    version.name = *name;
    version.schema = *root;
    version.deprecated = yaml_.boolean(entry, "deprecated", "deprecated").value_or(false);
    version.deprecationWarning = yaml_.string(entry, "deprecationWarning", "deprecationWarning").value_or("");
    crd.versions.push_back(std::move(version));
    return true;
  }

  const YAML::Node &doc_;
  const CrdYamlFile &yaml_;
};

void readOne(const YAML::Node &document, const CrdYamlFile &yaml, std::vector<CrdDefinition> &out, bool inList) {
  if (yamlIsNull(document))
    return;
  if (!document.IsMap()) {
    yaml.diags().report(DiagKind::CrdSkippedDocument, yaml.span(document), "a document that is not a mapping");
    return;
  }
  std::optional<std::string> apiVersion = yaml.string(document, "apiVersion", "apiVersion");
  std::optional<std::string> kind = yaml.string(document, "kind", "kind");
  std::optional<YAML::Node> items = CrdYamlFile::child(document, "items");
  if (!inList && kind && llvm::StringRef(*kind).endswith("List") && items && items->IsSequence()) {
    for (const YAML::Node &item : *items)
      readOne(item, yaml, out, /*inList=*/true);
    return;
  }
  if (kind != std::optional<std::string>("CustomResourceDefinition")) {
    std::string what = kind ? fmt::format("a `{}` object", *kind) : "a document without `kind`";
    yaml.diags().report(DiagKind::CrdSkippedDocument, yaml.span(kind ? document["kind"] : document), what);
    return;
  }
  if (apiVersion != std::optional<std::string>(kCrdApiVersion)) {
    YAML::Node at = apiVersion ? document["apiVersion"] : document;
    Diagnostic &d = yaml.diags().report(DiagKind::CrdUnsupportedApiVersion, yaml.span(at),
                                        apiVersion.value_or("(no apiVersion)"));
    if (apiVersion == std::optional<std::string>("apiextensions.k8s.io/v1beta1"))
      d.note("`apiextensions.k8s.io/v1beta1` was removed in Kubernetes 1.22")
          .withHint("use a current release of the CRDs, or rewrite it for `apiextensions.k8s.io/v1`: "
                    "`spec.validation.openAPIV3Schema` moves to each version's `schema`");
    return;
  }
  CrdDefinition crd;
  if (CrdParser(document, yaml).parse(crd))
    out.push_back(std::move(crd));
}

} // namespace

void readCrdDocument(const YAML::Node &document, const CrdYamlFile &yaml, std::vector<CrdDefinition> &out) {
  readOne(document, yaml, out, /*inList=*/false);
}

} // namespace cairn::importers
