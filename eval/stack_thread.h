// Runs functions on threads whose stack is large enough for the recursion
// the evaluation limits allow, so raising `--max-depth` works in every build
// (sanitizers triple frame sizes) and a caller with a small stack is safe.
#pragma once

#include <cstddef>
#include <exception>

#include <llvm/ADT/STLFunctionalExtras.h>
#include <pthread.h>

namespace cairn::eval {

// Starts `work` on a new thread with a stack of `stackBytes`; join() waits
// for it and rethrows what it threw. If no such thread can be made, join()
// calls `work` on the calling thread. `work` must outlive join().
class StackThread {
public:
  StackThread(size_t stackBytes, llvm::function_ref<void()> work);
  // Waits for a thread that was not joined (while unwinding), dropping its failure.
  ~StackThread();
  StackThread(const StackThread &) = delete;
  StackThread &operator=(const StackThread &) = delete;

  // Rethrows at most once; later calls do nothing.
  void join();

private:
  static void *run(void *self);
  llvm::function_ref<void()> work_;
  std::exception_ptr failure_;
  pthread_t thread_{};
  bool started_ = false;
  bool joined_ = false;
};

// Calls `work` on a new thread with a stack of `stackBytes` and waits for it.
inline void runWithStack(size_t stackBytes, llvm::function_ref<void()> work) {
  StackThread thread(stackBytes, work);
  thread.join();
}

} // namespace cairn::eval
