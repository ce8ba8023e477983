#include "eval/slot_stack.h"

#include <cstring>
#include <type_traits>

namespace cairn::eval {

FieldSlot *SlotStack::allocate(size_t count) {
  if (count == 0)
    count = 1;
  // Find room in the current chunk or a later one; a chunk that is too small
  // for this request is skipped (it stays for later, smaller requests).
  size_t index = current_;
  while (index < chunks_.size() && chunks_[index].capacity - chunks_[index].used < count)
    ++index;
  if (index == chunks_.size()) {
    Chunk chunk;
    chunk.capacity = std::max(kChunkSlots, count);
    chunk.slots = std::make_unique<FieldSlot[]>(chunk.capacity);
    chunks_.push_back(std::move(chunk));
  }
  // Chunks skipped between current_ and index hold nothing of ours: they
  // were empty past their marks, so reset them to keep release() simple.
  for (size_t skipped = current_ + 1; skipped < index; ++skipped)
    chunks_[skipped].used = 0;
  current_ = index;
  Chunk &chunk = chunks_[current_];
  FieldSlot *slots = chunk.slots.get() + chunk.used;
  chunk.used += count;
  // A fresh slot is all zero bytes (Pending, no input, a null value); one
  // memset is several times faster than assigning slot by slot (perf).
  static_assert(std::is_trivially_copyable_v<FieldSlot> && FieldSlot::Pending == 0);
  std::memset(static_cast<void *>(slots), 0, count * sizeof(FieldSlot));
  return slots;
}

void SlotStack::release(Mark mark) {
  for (size_t later = mark.chunk + 1; later <= current_ && later < chunks_.size(); ++later)
    chunks_[later].used = 0;
  current_ = mark.chunk;
  if (!chunks_.empty())
    chunks_[current_].used = mark.used;
}

} // namespace cairn::eval
