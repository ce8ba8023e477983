// Reading inputs with a bound on their size. A file or stream larger than
// the bound is refused after reading at most bound + 1 bytes, so `/dev/zero`,
// a never-ending pipe or a 100 MB file costs neither unbounded time nor
// memory, and the message says which flag raises the bound.
#pragma once

#include <cstdint>
#include <filesystem>
#include <istream>
#include <string>

namespace cairn {

// Default bounds, per file. ANTLR's parse tree of a dense Cairn source (`1, 1,
// 1, ...`) takes about 300 bytes per byte of text (measured), so sources get
// a smaller bound than YAML and JSON data; 2 MiB is some 50,000 lines.
inline constexpr uint64_t kDefaultMaxSourceBytes = 2ull << 20;
inline constexpr uint64_t kDefaultMaxDataBytes = 64ull << 20;

// The whole file into `text`, or false with `error` set ("it is a directory",
// "No such file or directory", the size message).
bool readInputFile(const std::filesystem::path &path, uint64_t maxBytes, std::string &text, std::string &error);

// The rest of `in` (standard input) under the same bound.
bool readInputStream(std::istream &in, uint64_t maxBytes, std::string &text, std::string &error);

// "it is larger than the limit of 8 MiB (`--max-file-size` raises it)".
std::string inputTooLargeMessage(uint64_t maxBytes);

// 8388608 -> "8 MiB", 1000 -> "1000 bytes".
std::string describeByteCount(uint64_t bytes);

} // namespace cairn
