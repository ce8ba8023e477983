#include "frontend/stack_guard.h"

#include <algorithm>
#include <cstddef>

#include <pthread.h>

namespace cairn {

// The margin leaves room for the deepest leaf work below the last check
// (builtins, regexes, diagnostics, ANTLR's prediction).
StackGuard::StackGuard() {
  auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    void *low = nullptr;
    size_t size = 0;
    int rc = pthread_attr_getstack(&attr, &low, &size);
    pthread_attr_destroy(&attr);
    uintptr_t floor = reinterpret_cast<uintptr_t>(low) + std::min<size_t>(512 * 1024, size / 4);
    if (rc == 0 && low && floor < here) {
      floor_ = floor;
      return;
    }
  }
  floor_ = here - 4 * 1024 * 1024; // unknown: assume the usual 8 MiB with room to spare
}

} // namespace cairn
