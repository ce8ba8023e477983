// The Cairn that `cairn import yaml` generates, as a small tree between the
// typed reading of a manifest and the text: the idiom pass rewrites parts
// of it (shared label maps become `let`s, names become references), and the
// printer chooses one-line or block layout.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cairn::importers {

struct CairnMember;

struct CairnExpr {
  enum class Kind : uint8_t {
    Atom,   // source text as is: `3`, `true`, `labels`, `web.metadata.name`
    String, // `text` is the value; the printer quotes it or writes a `"""` block
    Object, // `{ members }`
    List,   // `[items]`
    Call,   // `text(items...)`: a built-in function applied to values
  };
  Kind kind = Kind::Atom;
  std::string text;
  std::vector<CairnMember> members;
  std::vector<CairnExpr> items;

  // Object: an instance of a schema (as opposed to a map or an open object).
  // Only schema fields may be written as dotted paths (`spec.replicas = 3`):
  // in a map, `a.b` would be one key.
  bool schemaObject = false;
  // Object: a `{string: T}` map, set as a whole (`labels = { ... }`) rather
  // than as a block of fields.
  bool isMap = false;
  // Object: a `{string: string}` map in a field that holds labels
  // (`labels`, `matchLabels`, a Service `selector`); shared ones are hoisted.
  bool labelMap = false;
  // String: the name of an object of kind `refKind` (ConfigMap, Secret, ...)
  // in the referring object's namespace.
  std::string refKind;

  // Defined below CairnMember: building a CairnExpr needs the complete type
  // (GCC accepts it earlier, clang does not).
  static CairnExpr atom(std::string text);
  static CairnExpr string(std::string value);
  static CairnExpr object(bool schema);
  static CairnExpr list();
  static CairnExpr call(std::string function, std::vector<CairnExpr> arguments);
};

struct CairnMember {
  std::string key;    // the key as in the manifest; the printer quotes it if needed
  CairnExpr value;
  bool block = false; // `key { ... }` (a nested object) rather than `key = value`
};

inline CairnExpr CairnExpr::atom(std::string text) {
  CairnExpr e;
  e.text = std::move(text);
  return e;
}
inline CairnExpr CairnExpr::string(std::string value) {
  CairnExpr e = atom(std::move(value));
  e.kind = Kind::String;
  return e;
}
inline CairnExpr CairnExpr::object(bool schema) {
  CairnExpr e;
  e.kind = Kind::Object;
  e.schemaObject = schema;
  return e;
}
inline CairnExpr CairnExpr::list() {
  CairnExpr e;
  e.kind = Kind::List;
  return e;
}
inline CairnExpr CairnExpr::call(std::string function, std::vector<CairnExpr> arguments) {
  CairnExpr e = atom(std::move(function));
  e.kind = Kind::Call;
  e.items = std::move(arguments);
  return e;
}

// One top-level object of an output file.
struct ImportedObject {
  std::vector<std::string> comments; // the document's leading `#` comments, without `#`
  std::vector<std::string> notes;    // generated comment lines (why it is untyped)
  std::string typeName;              // `apps.Deployment`; empty: an untyped object literal
  CairnExpr body;                    // an Object
  std::string letName;               // set when other objects refer to it: `let NAME = ...` + `emit NAME`
  // Identity, for references between objects.
  std::string kind, name, namespace_;
};

struct ImportedLet {
  std::string name;
  std::string type;  // `{string: string}`
  CairnExpr value;
};

// One output file before printing.
struct ImportedModule {
  std::string sourceName;  // the input as the user named it, for the header
  struct Import {
    std::string path;      // "k8s/apps/v1" or a relative path
    std::string alias;
    std::filesystem::path file; // a schema location's module file; empty for the standard library
  };
  std::vector<Import> imports;
  std::vector<ImportedLet> lets;
  std::vector<ImportedObject> objects;
};

} // namespace cairn::importers
