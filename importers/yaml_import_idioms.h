// Rewrites imported Cairn to read like Cairn written by hand, without
// changing what it builds:
//   - a label map used two or more times in a file becomes one
//     `let labels: {string: string} = {...}` that every use refers to, and a
//     shared map that extends another one is written `merge(base, {...})`;
//   - a name that refers to another object of the same file and namespace
//     (a Deployment's `configMapRef.name`, a volume's Secret, a Pod's service
//     account) becomes `webConfig.metadata.name`, with the object bound by
//     `let webConfig = ...` so the two cannot drift apart.
// Everything is decided in input order, so the result is deterministic.
#pragma once

#include <set>
#include <string>

#include "importers/yaml_import_model.h"

namespace cairn::importers {

// `taken` holds the names already used at the top level of the module (the
// import aliases); the names added here are inserted into it.
void hoistSharedLabels(ImportedModule &module, std::set<std::string> &taken);
void linkReferences(ImportedModule &module, std::set<std::string> &taken);

} // namespace cairn::importers
