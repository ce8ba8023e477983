// The walk behind validate.h: one Validator per object, holding the path
// from the object to the node being checked. Internal to manifest/.
#pragma once

#include <regex>

#include <llvm/ADT/SmallVector.h>

#include "manifest/validate.h"

namespace cairn::manifest::detail {

using types::TypeId;

// One step of the path from the object to the node being checked.
struct PathStep {
  NodeId key = kNoNode; // a mapping key, or kNoNode for a list index
  uint32_t index = 0;
};

class Validator {
public:
  Validator(const Document &doc, const types::CheckedProgram &checked, const ValidateOptions &options,
            IssueSink &issues)
      : doc_(doc), checked_(checked), store_(checked.types), options_(options), issues_(&issues) {}

  void check(NodeId node, TypeId type);
  void checkSchema(NodeId node, uint32_t schemaIndex); // validate_schema.cpp

private:
  enum class Shape { Null, Bool, Int, Float, String, List, Mapping, Unknown };
  Shape shapeOf(NodeId resolved, ScalarValue &value) const;
  bool accepts(TypeId member, Shape shape, const ScalarValue &value) const;
  void checkScalar(NodeId node, TypeId type, TypeId shown, Shape shape, const ScalarValue &value);
  void checkString(NodeId node, TypeId type, TypeId shown);
  void checkUnion(NodeId node, TypeId type, Shape shape, const ScalarValue &value);
  void checkList(NodeId node, TypeId element);
  void checkMap(NodeId node, TypeId element);
  void checkNullElement(NodeId node, TypeId type);
  void unknownField(NodeId key, llvm::StringRef name, const types::SchemaInfo &schema); // validate_schema.cpp
  void mismatch(NodeId node, TypeId shown);
  void constraint(NodeId node, TypeId shown, std::string hint = {});

  bool matches(TypeId type, llvm::StringRef text) {
    if (options_.cache != nullptr)
      return options_.cache->matches(store_, type, text);
    const std::regex *re = store_.regex(type);
    return re == nullptr || std::regex_match(text.begin(), text.end(), *re);
  }
  // validate_secret.cpp: a Secret's data is shown as a placeholder.
  void noteRoot(NodeId root);
  bool inSecretData() const;
  std::string shownNode(NodeId node) const;
  void hideSecret(Diagnostic &d, NodeId node) const;

  std::string path() const;
  std::string pathWith(llvm::StringRef key) const;
  std::string keyOf(NodeId key) const;
  bool tooDeep(NodeId node);

  const Document &doc_;
  const types::CheckedProgram &checked_;
  const types::TypeStore &store_;
  const ValidateOptions &options_;
  IssueSink *issues_;
  llvm::SmallVector<PathStep, 16> steps_;
  bool depthReported_ = false;
  bool secretObject_ = false; // the object is a Kubernetes Secret
};

} // namespace cairn::manifest::detail
