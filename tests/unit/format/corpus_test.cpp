// Every Cairn file of the repository that parses (samples, the policy pack,
// the file-test cases): formatting keeps its AST and its comments, the result
// parses, and formatting the result again changes nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "format/format.h"
#include "frontend/ast_dump.h"
#include "frontend/parse.h"

namespace fs = std::filesystem;

namespace {

struct Parsed {
  bool ok = false;
  std::string ast;
  std::vector<std::string> comments;
};

Parsed parse(const std::string &text) {
  cairn::SourceManager sources;
  cairn::DiagnosticSink diags;
  cairn::FileId file = sources.add("corpus.cairn", text);
  cairn::ast::Module module = cairn::parseModule(sources, file, diags);
  Parsed parsed;
  parsed.ok = !diags.hasErrors();
  parsed.ast = cairn::dumpAst(module);
  for (cairn::Span span : module.comments)
    parsed.comments.push_back(llvm::StringRef(sources.text(span)).rtrim(" \t\r").str());
  return parsed;
}

std::string format(const std::string &text) {
  cairn::SourceManager sources;
  cairn::DiagnosticSink diags;
  cairn::FileId file = sources.add("corpus.cairn", text);
  return cairn::format::formatSource(sources, file, diags).value_or("<syntax errors>");
}

std::vector<fs::path> corpus() {
  std::vector<fs::path> files;
  for (const char *dir : {"samples", "stdlib/policy", "tests/cases"})
    for (const auto &entry : fs::recursive_directory_iterator(fs::path(CAIRN_SOURCE_DIR) / dir))
      if (entry.path().extension() == ".cairn")
        files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(FormatCorpus, SameMeaningSameCommentsAndAFixedPoint) {
  size_t formatted = 0;
  for (const fs::path &path : corpus()) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    Parsed before = parse(text);
    if (!before.ok)
      continue; // error cases of the file tests, files followed by YAML parts
    std::string once = format(text);
    Parsed after = parse(once);
    ASSERT_TRUE(after.ok) << path << "\n" << once;
    EXPECT_EQ(after.ast, before.ast) << path;
    EXPECT_EQ(after.comments, before.comments) << path;
    EXPECT_EQ(format(once), once) << path << " is not a fixed point";
    ++formatted;
  }
  EXPECT_GT(formatted, 100u); // the corpus was found
}

} // namespace
