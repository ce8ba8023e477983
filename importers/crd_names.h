// Names and doc text of generated CRD definitions: unique PascalCase
// definition names derived from field paths, and tidied descriptions.
#pragma once

#include <string>

#include <llvm/ADT/StringSet.h>

namespace cairn::importers {

// The definition names of one module: unique and deterministic.
class DefinitionNames {
public:
  bool reserve(const std::string &name) { return taken_.insert(name).second; }
  // `wanted`, or `wanted2`, `wanted3`, ... when taken; reserved on return.
  std::string allocate(const std::string &wanted);

private:
  llvm::StringSet<> taken_;
};

// `privateKey` -> `PrivateKey`, `x-forwarded.for` -> `XForwardedFor`.
std::string pascalCase(const std::string &name);
// The name of a list's item schema: `...Endpoints` -> `...Endpoint`,
// `...Policies` -> `...Policy`; `...Item` when no plural ending is recognised.
std::string itemName(const std::string &listName);

// Doc text without trailing blanks on lines, carriage returns or trailing empty lines.
std::string tidyDoc(const std::string &text);

} // namespace cairn::importers
