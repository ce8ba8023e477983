// The main of every fuzz target when built without libFuzzer: runs
// LLVMFuzzerTestOneInput once on each file under the given files and
// directories (the committed corpus and regressions), so the inputs that
// once crashed are checked in every build. A finding aborts, as in fuzzing.
//   cairn_<target>_replay PATH...
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

void collect(const fs::path &path, std::vector<fs::path> &files) {
  if (fs::is_directory(path)) {
    for (const fs::directory_entry &entry : fs::recursive_directory_iterator(path))
      if (entry.is_regular_file() && entry.path().filename() != "README.md")
        files.push_back(entry.path());
  } else if (fs::exists(path)) {
    files.push_back(path);
  }
}

} // namespace

int main(int argc, char **argv) {
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i)
    collect(argv[i], files);
  std::sort(files.begin(), files.end()); // a stable order: a failure names the same file every run
  for (const fs::path &file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The last name on stderr is the input that failed, should one abort.
    std::fprintf(stderr, "%s\n", file.c_str());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size());
  }
  std::printf("%zu inputs replayed without a finding\n", files.size());
  return 0;
}
