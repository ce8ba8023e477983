#include "importers/schema_model.h"

#include "frontend/cairn_text.h"

namespace cairn::importers {

ModelType ModelType::listOf(ModelType element) {
  ModelType t = of(Kind::List);
  t.items.push_back(std::move(element));
  return t;
}

ModelType ModelType::mapOf(ModelType element) {
  ModelType t = of(Kind::Map);
  t.items.push_back(std::move(element));
  return t;
}

ModelType ModelType::unionOf(std::vector<ModelType> members) {
  if (members.size() == 1)
    return std::move(members[0]);
  ModelType t = of(Kind::Union);
  t.items = std::move(members);
  return t;
}

ModelType ModelType::ref(std::string module, std::string name) {
  ModelType t = of(Kind::Ref);
  t.refModule = std::move(module);
  t.refName = std::move(name);
  return t;
}

ModelType ModelType::stringLiteral(const std::string &value) {
  ModelType t = of(Kind::Literal);
  t.literal = cairnString(value);
  return t;
}

} // namespace cairn::importers
