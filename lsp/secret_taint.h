// Which declarations hold secrets, for hovers: a `secret param`, and a
// `let` (or `fn`) whose value reads one, directly or through other lets and
// functions. The evaluator tracks secrets exactly (eval/secret.h); this is
// the editor's static view of the same rule, without evaluating anything.
#pragma once

#include "lsp/snapshot.h"

namespace cairn::lsp {

bool declHoldsSecret(const Snapshot &snapshot, uint32_t module, ast::DeclId decl);

} // namespace cairn::lsp
