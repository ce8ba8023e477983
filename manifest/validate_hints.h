// The wording of validation problems: how to fix a mismatch, which literal
// was probably meant, which fields a schema has.
#pragma once

#include <string>
#include <vector>

#include "manifest/documents.h"
#include "typecheck/checked_program.h"

namespace cairn::manifest {

// A type as shown in messages: Cairn syntax, except that the int32 range
// reads `int32` (the Kubernetes name) instead of its bounds.
std::string displayType(const types::CheckedProgram &checked, types::TypeId type);

// An integral number is an int once the API server has read it as JSON
// (`1.0` and `1e3` too); false for fractions and for numbers beyond int64.
bool asInteger(const ScalarValue &value, int64_t &out);

// Whether scalar `node` (aliases resolved) is the literal value.
bool literalMatches(const Document &doc, NodeId node, const types::LiteralValue &literal);

// "quote it: ..." / "remove the quotes" / list-vs-mapping advice; empty if none applies.
std::string mismatchHint(const Document &doc, NodeId node, const types::TypeStore &store, types::TypeId expected);
std::string rangeHint(const types::IntRange &range);
std::string lengthHint(const types::IntRange &range, size_t length);
// "did you mean `IfNotPresent`?" or the list of allowed values.
std::string literalHint(const Document &doc, NodeId node, const std::vector<types::LiteralValue> &literals);
// "`Container` has the fields `args`, `command`, ..."
std::string fieldListNote(const types::SchemaInfo &schema);
// "add `selector:` (a `LabelSelector`) to `spec`"
std::string missingFieldHint(const types::CheckedProgram &checked, const types::FieldInfo &field,
                             const std::string &parentPath);

} // namespace cairn::manifest
