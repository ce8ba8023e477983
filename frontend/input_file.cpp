#include "frontend/input_file.h"

#include <cerrno>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

namespace cairn {

bool readInputStream(std::istream &in, uint64_t maxBytes, std::string &text, std::string &error) {
  text.clear();
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    size_t got = static_cast<size_t>(in.gcount());
    if (got == 0)
      break;
    if (text.size() + got > maxBytes) {
      text.clear();
      text.shrink_to_fit();
      error = inputTooLargeMessage(maxBytes);
      return false;
    }
    text.append(buffer, got);
  }
  if (in.bad()) {
    error = std::generic_category().message(errno);
    return false;
  }
  return true;
}

bool readInputFile(const std::filesystem::path &path, uint64_t maxBytes, std::string &text, std::string &error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "it is a directory";
    return false;
  }
  // A regular file says its size up front: refuse it without reading, and
  // read an accepted one in one allocation.
  if (std::filesystem::is_regular_file(path, ec)) {
    uint64_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > maxBytes) {
      error = inputTooLargeMessage(maxBytes);
      return false;
    }
    if (!ec)
      text.reserve(size);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::generic_category().message(errno);
    return false;
  }
  return readInputStream(in, maxBytes, text, error);
}

std::string describeByteCount(uint64_t bytes) {
  static constexpr const char *kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes >= 1024) {
    int unit = -1;
    uint64_t value = bytes;
    while (value % 1024 == 0 && value >= 1024 && unit < 3) {
      value /= 1024;
      ++unit;
    }
    if (unit >= 0)
      return fmt::format("{} {}", value, kUnits[unit]);
  }
  return fmt::format("{} bytes", bytes);
}

std::string inputTooLargeMessage(uint64_t maxBytes) {
  return fmt::format("it is larger than the limit of {} (`--max-file-size BYTES` raises it)",
                     describeByteCount(maxBytes));
}

} // namespace cairn
