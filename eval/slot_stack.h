// Field slots of schema instances under construction. A slot is dead once
// its instance is built (unless a lambda captured the instance; then the
// evaluator copies the slots into the value arena), so slots come from a stack
// that is reused rather than from the arena: for fleet(10000) the arena held
// about 100 MB of slots nobody read again, and page faults were a quarter of
// the build (perf).
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "eval/runtime.h"

namespace cairn::eval {

class SlotStack {
public:
  struct Mark {
    size_t chunk = 0;
    size_t used = 0;
  };

  Mark mark() const { return Mark{current_, chunks_.empty() ? 0 : chunks_[current_].used}; }
  // `count` default-constructed slots, valid until release() of an earlier mark.
  FieldSlot *allocate(size_t count);
  void release(Mark mark);

private:
  struct Chunk {
    std::unique_ptr<FieldSlot[]> slots;
    size_t capacity = 0;
    size_t used = 0;
  };
  static constexpr size_t kChunkSlots = 4096;
  std::vector<Chunk> chunks_;
  size_t current_ = 0;
};

// Releases the slots taken since construction when the instantiation ends,
// whether it returns or unwinds.
class SlotStackScope {
public:
  explicit SlotStackScope(SlotStack &stack) : stack_(stack), mark_(stack.mark()) {}
  ~SlotStackScope() { stack_.release(mark_); }
  SlotStackScope(const SlotStackScope &) = delete;
  SlotStackScope &operator=(const SlotStackScope &) = delete;

private:
  SlotStack &stack_;
  SlotStack::Mark mark_;
};

} // namespace cairn::eval
