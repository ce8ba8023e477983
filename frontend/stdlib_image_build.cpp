// Building an image from a standard-library directory (the generator
// tools/stdlib_image and the tests).
#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "frontend/parse.h"
#include "frontend/stdlib_image.h"

namespace cairn {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> moduleFiles(const fs::path &dir) {
  std::vector<fs::path> files;
  for (const fs::directory_entry &entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".cairn")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The exact bytes, as the loader reads them.
std::string readModule(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (!in)
    throw fs::filesystem_error("cannot read the module", path, std::make_error_code(std::errc::io_error));
  return buffer.str();
}

} // namespace

StdlibImageBuild buildStdlibImage(const fs::path &dir) {
  StdlibImageBuild build;
  StdlibImageWriter writer;
  for (const fs::path &file : moduleFiles(dir)) {
    std::string relative = file.lexically_relative(dir).generic_string();
    SourceManager sources;
    FileId id = sources.add(relative, readModule(file));
    DiagnosticSink diags;
    ast::Module module = parseModule(sources, id, diags);
    if (!diags.diagnostics().empty())
      build.leftOut.push_back(fmt::format("{}: {} diagnostic(s) when parsed", relative, diags.diagnostics().size()));
    else if (!writer.add(relative, sources.file(id).text(), module))
      build.leftOut.push_back(relative + ": its AST cannot be stored");
    else
      build.stored.push_back(relative);
  }
  build.bytes = writer.finish();
  return build;
}

} // namespace cairn
