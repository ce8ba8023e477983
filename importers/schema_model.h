// A plain model of generated Cairn modules: what the OpenAPI and CRD
// importers read, and what cairn_writer turns into `.cairn` text. Keeping the
// readers and the writer apart means both importers emit the same layout,
// quoting and imports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cairn::importers {

// A Cairn type expression as a tree. References name a definition by its
// module path and name; the writer turns them into `alias.Name` and imports.
struct ModelType {
  enum class Kind : uint8_t {
    Any, Bool, Int, Float, String, Null,
    Literal, // `literal` holds Cairn source: "\"Always\"", "3", "true"
    List,    // items[0]
    Map,     // items[0]: {string: T}
    Union,   // items
    Ref,     // refModule + refName
    Text,    // `text`: a Cairn type written by hand (enrichments); scalars only
  };
  Kind kind = Kind::Any;
  // Int: value bounds. String: length bounds (minimum / maximum characters).
  std::optional<int64_t> minInt, maxInt;
  // Float: value bounds.
  std::optional<double> minFloat, maxFloat;
  // String: an ECMAScript regex the whole string must match (no slashes around).
  std::string pattern;
  std::string literal;
  std::vector<ModelType> items;
  std::string refModule; // "k8s/meta/v1"; empty: the same module
  std::string refName;   // "ObjectMeta"
  std::string text;

  static ModelType of(Kind kind) { ModelType t; t.kind = kind; return t; }
  static ModelType listOf(ModelType element);
  static ModelType mapOf(ModelType element);
  static ModelType unionOf(std::vector<ModelType> members);
  static ModelType ref(std::string module, std::string name);
  static ModelType stringLiteral(const std::string &value); // quotes and escapes
};

struct ModelField {
  std::string name;               // any text; the writer quotes names that are not identifiers
  ModelType type;
  bool required = false;          // `name: T`; otherwise `name?: T`
  std::optional<std::string> defaultValue; // Cairn expression source; makes the field defaulted
  std::string doc;                // one or more lines for `///` comments; empty: none
};

struct ModelDefinition {
  enum class Kind : uint8_t { Schema, Alias };
  Kind kind = Kind::Schema;
  std::string name;               // a Cairn identifier, unique in its module
  std::vector<ModelField> fields; // Schema
  ModelType aliased;              // Alias: `type Name = T`
  std::string doc;
};

struct ModelModule {
  std::string path;               // "k8s/apps/v1": written to DIR/k8s/apps/v1.cairn
  std::vector<std::string> header; // `//` comment lines at the top (generator, source)
  std::vector<ModelDefinition> definitions; // in output order
};

struct ModelLibrary {
  std::vector<ModelModule> modules; // in output order
};


} // namespace cairn::importers
