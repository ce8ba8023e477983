// Runs a function on a thread whose stack is large enough for the recursion
// the evaluation limits allow, so raising `--max-depth` works in every build
// (sanitizers triple frame sizes) and a caller with a small stack is safe.
#pragma once

#include <cstddef>

#include <llvm/ADT/STLFunctionalExtras.h>

namespace cairn::eval {

// Calls `work` on a new thread with a stack of `stackBytes` and waits for it;
// calls it on this thread if no such thread can be made. Exceptions thrown by
// `work` are rethrown here.
void runWithStack(size_t stackBytes, llvm::function_ref<void()> work);

} // namespace cairn::eval
