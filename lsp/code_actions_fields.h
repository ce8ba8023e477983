// "Add missing required fields": the object literal an E0402 is about, and
// the edit inserting `name = <placeholder>` for each required field it lacks,
// laid out like the literal (one per line in a multi-line body, comma
// separated in a one-line body).
#pragma once

#include <optional>
#include <string>

#include "frontend/diagnostic.h"
#include "lsp/snapshot.h"

namespace cairn::lsp {

// The object literal whose missing-field diagnostic is at `span` (the type
// name of a typed literal, the `{` of an untyped one, or the field name of a
// nested block).
std::optional<ast::ExprId> objectOfMissingField(const ast::Module &module, Span span);

// The typed literal whose type name overlaps `range`.
std::optional<ast::ExprId> typedObjectAt(const ast::Module &module, Span range);

// The insertion of every missing required field of `object`; nullopt when
// none is missing or the literal is too broken to edit.
std::optional<TextEdit> addMissingFields(const Snapshot &snapshot, uint32_t module, ast::ExprId object);

// A value of `type` that type-checks where one can be made up: `""`, `0`,
// `false`, `[]`, `{}`, the first value of a literal union, an object with its
// own required fields for a schema.
std::string placeholderValue(const Snapshot &snapshot, types::TypeId type, int depth = 0);

} // namespace cairn::lsp
