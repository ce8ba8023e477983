// Walks an object along its Kubernetes type and reports every value whose
// position has a schema type, with its field path: how a policy `on
// core.Container` finds the containers of a CronJob. The walk follows the
// static types, not the values' own tags, so objects read from YAML and
// objects built by Cairn (typed or through `any`) are seen the same way.
#pragma once

#include <string>

#include <llvm/ADT/STLFunctionalExtras.h>

#include "eval/value.h"
#include "typecheck/checked_program.h"

namespace cairn::lint {

using SchemaVisitor = llvm::function_ref<void(eval::Value value, uint32_t schema, const std::string &path)>;

// Calls `visit` for `value` (if `type` is a schema) and every nested value
// whose field, list element or map entry type is a schema, parents first.
// `path` is the path of `value` ("" for a top-level object) and is restored.
void walkTyped(const types::CheckedProgram &checked, eval::Value value, types::TypeId type, std::string &path,
               SchemaVisitor visit);

// The same from a value known to be an instance of schema `schema`.
void walkSchema(const types::CheckedProgram &checked, eval::Value value, uint32_t schema, std::string &path,
                SchemaVisitor visit);

// `path` extended by a field or map key: `.name`, or `["key.with/dots"]`.
void appendKey(std::string &path, llvm::StringRef key);

} // namespace cairn::lint
