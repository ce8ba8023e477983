#include "eval/stack_thread.h"

namespace cairn::eval {

StackThread::StackThread(size_t stackBytes, llvm::function_ref<void()> work) : work_(work) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0)
    return;
  started_ = pthread_attr_setstacksize(&attr, stackBytes) == 0 && pthread_create(&thread_, &attr, run, this) == 0;
  pthread_attr_destroy(&attr);
}

StackThread::~StackThread() {
  if (!joined_ && started_)
    pthread_join(thread_, nullptr);
}

void *StackThread::run(void *self) {
  auto *thread = static_cast<StackThread *>(self);
  try {
    thread->work_();
  } catch (...) {
    thread->failure_ = std::current_exception();
  }
  return nullptr;
}

void StackThread::join() {
  if (joined_)
    return;
  joined_ = true;
  if (started_)
    pthread_join(thread_, nullptr);
  else
    run(this); // the stack guard still turns deep recursion into E0507
  if (failure_) {
    std::exception_ptr failure = failure_;
    failure_ = nullptr;
    std::rethrow_exception(failure);
  }
}

} // namespace cairn::eval
