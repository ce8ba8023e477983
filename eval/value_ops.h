// Operations on values shared by the operators, builtins and diagnostics:
// structural equality, hashing, ordering and short descriptions.
#pragma once

#include <string>

#include "eval/value.h"

namespace cairn::eval {

// Deep structural equality. Ints and floats compare numerically; objects
// compare by schema and field set regardless of field order; functions by identity.
bool valuesEqual(Value a, Value b);

// A hash consistent with valuesEqual (content-based, never pointer-based).
uint64_t hashValue(Value value);

// Orders two numbers or two strings (bytewise); -1, 0 or 1.
// Callers make sure both are numbers or both are strings.
int compareScalars(Value a, Value b);

// "null", "a bool", "an int", "a string", "a list", "a map", "a `Service`", "a function".
std::string describeValue(Value value);

// The value as it would be written, for messages: `70000`, `"web"`, `true`;
// long strings are shortened, lists and objects are described; a value that
// is or holds a secret is shown as `<secret>` (eval/secret.h).
std::string showValue(Value value);

} // namespace cairn::eval
