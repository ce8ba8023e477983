// How close this thread is to the end of its stack. Recursive phases (parser,
// AST builder, checker, evaluator, writers) ask it before going deeper, so
// input nested beyond what the stack holds becomes a diagnostic instead of a
// crash, whatever the build (sanitizers triple frame sizes) and whatever
// thread the caller runs on.
#pragma once

#include <cstdint>

namespace cairn {

class StackGuard {
public:
  // Measures the stack of the calling thread; use the guard on that thread only.
  StackGuard();

  // True when less than the margin (a quarter of the stack, at most 512 KiB)
  // is left below the caller's frame.
  bool exhausted() const {
    return reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < floor_;
  }

private:
  uintptr_t floor_;
};

} // namespace cairn
