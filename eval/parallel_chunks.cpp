#include "eval/parallel_chunks.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "eval/stack_thread.h"

namespace cairn::eval {

size_t chunkCount(size_t count, size_t minPerChunk) {
  size_t cores = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
  size_t bySize = minPerChunk ? count / minPerChunk : count;
  return std::max<size_t>(1, std::min(cores, bySize));
}

void runChunks(size_t count, size_t chunks, size_t stackBytes,
               llvm::function_ref<void(size_t chunk, size_t begin, size_t end)> work) {
  chunks = std::max<size_t>(1, chunks);
  size_t size = (count + chunks - 1) / chunks;
  auto runOne = [&](size_t chunk) {
    size_t begin = std::min(chunk * size, count), end = std::min(begin + size, count);
    work(chunk, begin, end);
  };
  // Threads are joined in order; a failure is rethrown after every thread
  // has finished (join() of the rest runs in the destructors).
  std::vector<std::function<void()>> jobs;
  for (size_t chunk = 0; chunk < chunks; ++chunk)
    jobs.emplace_back([&runOne, chunk] { runOne(chunk); });
  std::vector<std::unique_ptr<StackThread>> threads; // each refers to its job above
  threads.reserve(chunks);
  for (const std::function<void()> &job : jobs)
    threads.push_back(std::make_unique<StackThread>(stackBytes, job));
  for (auto &thread : threads)
    thread->join();
}

} // namespace cairn::eval
