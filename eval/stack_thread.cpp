#include "eval/stack_thread.h"

#include <exception>

#include <pthread.h>

namespace cairn::eval {
namespace {

struct Job {
  llvm::function_ref<void()> work;
  std::exception_ptr failure;
};

void *runJob(void *arg) {
  auto *job = static_cast<Job *>(arg);
  try {
    job->work();
  } catch (...) {
    job->failure = std::current_exception();
  }
  return nullptr;
}

} // namespace

void runWithStack(size_t stackBytes, llvm::function_ref<void()> work) {
  Job job{work, nullptr};
  pthread_attr_t attr;
  pthread_t thread;
  bool started = pthread_attr_init(&attr) == 0;
  if (started) {
    started = pthread_attr_setstacksize(&attr, stackBytes) == 0 &&
              pthread_create(&thread, &attr, runJob, &job) == 0;
    pthread_attr_destroy(&attr);
  }
  if (started)
    pthread_join(thread, nullptr);
  else
    runJob(&job); // the stack guard still turns deep recursion into E0507
  if (job.failure)
    std::rethrow_exception(job.failure);
}

} // namespace cairn::eval
