// Reads one manifest object against its schema into the Cairn to generate.
// Every value is checked against the declared type on the way: a value the
// type does not accept (`replicas: "3"`), an unknown field or a missing
// required one is an error at the value's line and column, never a silent
// conversion, because the generated Cairn must build to the same object.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "importers/yaml_import_model.h"
#include "manifest/documents.h"
#include "typecheck/checked_program.h"

namespace cairn::importers {

class TypedReader {
public:
  // `objectLabel` names the object in messages ("Deployment `web`").
  TypedReader(const manifest::Document &doc, const types::CheckedProgram &checked, DiagnosticSink &diags,
              std::string objectLabel);

  // The object at `node` as an instance of `schema`, without the fields the
  // schema fixes to the values found (`apiVersion`, `kind`).
  CairnExpr readObject(manifest::NodeId node, uint32_t schema);
  // A value without a schema (an unknown kind): mappings become open objects,
  // everything else is written as read.
  CairnExpr readOpenObject(manifest::NodeId node);
  // The object is a Kubernetes Secret: messages about its `data` and
  // `stringData` show a placeholder instead of the value (eval/secret.h).
  void treatAsSecret() { secretObject_ = true; }

private:
  struct Result {
    CairnExpr expr;
    bool ok = true;
  };

  Result read(manifest::NodeId node, types::TypeId type);
  Result readUnion(manifest::NodeId node, types::TypeId type);
  Result readSchema(manifest::NodeId node, uint32_t schema);
  Result readField(manifest::NodeId value, const types::SchemaInfo &schema, const types::FieldInfo &field);
  void reportUnknownField(manifest::NodeId key, const types::SchemaInfo &schema);
  std::optional<llvm::StringRef> jsonKey(manifest::NodeId keyNode, std::string &storage);
  Result readMap(manifest::NodeId node, types::TypeId element);
  Result readMembers(manifest::NodeId node, types::TypeId element, bool isMap);
  Result readList(manifest::NodeId node, types::TypeId element);
  Result readScalar(manifest::NodeId node, types::TypeId type); // yaml_import_scalars.cpp
  Result readNullElement(manifest::NodeId node, types::TypeId type); // yaml_import_scalars.cpp
  Result readAny(manifest::NodeId node); // `any`: as read, no checks
  // Whether `node` is accepted by `type`, without reporting anything.
  bool accepts(manifest::NodeId node, types::TypeId type);
  // Marks a string that names another object (a ConfigMap's name in `configMapRef`).
  void noteReference(CairnExpr &value, llvm::StringRef schemaName, llvm::StringRef field);

  Result mismatch(manifest::NodeId node, types::TypeId type, std::string found = {});
  Result mismatch(manifest::NodeId node, const std::string &expected, std::string found = {},
                  std::string hint = {});
  bool scalarFits(const manifest::ScalarValue &value, llvm::StringRef text, types::TypeId type) const;
  std::string fixHint(manifest::NodeId node, types::TypeId type) const;
  std::string path() const;
  bool inSecretData() const {
    return secretObject_ && !path_.empty() && (path_.front() == ".data" || path_.front() == ".stringData");
  }

  const manifest::Document &doc_;
  const types::CheckedProgram &checked_;
  DiagnosticSink &diags_;
  bool trial_ = false; // trying a union member: report nothing
  bool secretObject_ = false;
  std::string objectLabel_;
  std::vector<std::string> path_; // "spec", "containers", "[0]"
};

// Whether a node is null: absent as far as Cairn and Kubernetes care.
bool isNullValue(const manifest::Document &doc, manifest::NodeId node);

// How a scalar node is written as a Cairn literal; false for values Cairn
// cannot write (infinities, NaN). (yaml_import_scalars.cpp)
bool scalarLiteral(const manifest::Document &doc, manifest::NodeId node, CairnExpr &out);

} // namespace cairn::importers
