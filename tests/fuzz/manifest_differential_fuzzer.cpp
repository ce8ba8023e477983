// libFuzzer target: the fast block-YAML reader against yaml-cpp. For any
// input, reading with the fast reader first (declined pieces go to yaml-cpp)
// must give exactly the documents yaml-cpp alone gives; a difference aborts
// with both dumps on stderr.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "manifest/reader_choice.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace cairn::manifest;
  cairn::SourceManager sources;
  cairn::FileId file = sources.add("fuzz.yaml", std::string(reinterpret_cast<const char *>(data), size));
  bool strict = size > 0 && (data[0] & 1) != 0;
  std::string fast = dumpDocuments(readDocumentsWith(sources, file, strict, {}, ReaderChoice::FastFirst));
  std::string yamlCpp = dumpDocuments(readDocumentsWith(sources, file, strict, {}, ReaderChoice::YamlCppOnly));
  if (fast != yamlCpp) {
    std::fprintf(stderr, "fast reader:\n%s\nyaml-cpp:\n%s\n", fast.c_str(), yamlCpp.c_str());
    std::abort();
  }
  return 0;
}
