// Independent work split over the cores in contiguous, ordered chunks:
// results joined by chunk index are byte-identical to a single-threaded run.
// Each chunk runs on a thread with a stack of `stackBytes` (rendering and
// evaluation recurse as deep as the values are nested).
#pragma once

#include <cstddef>

#include <llvm/ADT/STLFunctionalExtras.h>

namespace cairn::eval {

// How many chunks `count` items make: one per core (at most 8), but never
// chunks smaller than `minPerChunk` (below that a thread costs more than it
// saves). Always at least 1.
size_t chunkCount(size_t count, size_t minPerChunk);

// Runs work(chunk, begin, end) for each of the `chunks` chunks of [0, count),
// chunk 0 on a new thread like the others (the caller may have a small
// stack), and waits for all. The first exception thrown is rethrown here.
void runChunks(size_t count, size_t chunks, size_t stackBytes,
               llvm::function_ref<void(size_t chunk, size_t begin, size_t end)> work);

} // namespace cairn::eval
