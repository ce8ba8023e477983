// The manifest corpus (tests/corpus/manifests, see its README): every object
// of valid/ passes with --strict, and each file of invalid/ gets an error at
// the path its `# expect:` header names, in the document it names, and no
// other error. This is how `cairn validate` is held to what a Kubernetes API
// server accepts.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "manifest/validate_run.h"

namespace cairn::manifest {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(CAIRN_SOURCE_DIR) / "tests/corpus/manifests";
const fs::path kStdlib = fs::path(CAIRN_SOURCE_DIR) / "stdlib";

// Expectations the generated standard library cannot express yet, with the
// reason. They are reported when missed, not failed; everything else is required.
const std::map<std::string, std::string> kNotExpressible = {
    {"range-node-port.yaml", "the node port range is a flag of the API server, not part of the API"},
};

struct Header {
  std::string path;
  uint32_t document = 0;
  uint32_t line = 0;
  bool strictOnly = false;
};

std::string readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Header parseHeader(const std::string &text) {
  Header header;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line) && !line.empty() && line[0] == '#') {
    llvm::StringRef l(line);
    if (l.consume_front("# expect: "))
      header.path = l.split(' ').first.str();
    else if (l.consume_front("# document: "))
      header.document = static_cast<uint32_t>(std::stoul(l.str()));
    else if (l.consume_front("# line: "))
      header.line = static_cast<uint32_t>(std::stoul(l.str()));
    else if (l.consume_front("# strict-only: "))
      header.strictOnly = l.trim() == "true";
  }
  return header;
}

// All files of a directory in one run, as `cairn validate DIR` does: the
// schemas are loaded once.
struct Checked {
  SourceManager sources;
  std::vector<FileId> files;
  RunResult run;
};

std::unique_ptr<Checked> validate(const std::vector<fs::path> &paths, bool strict) {
  auto c = std::make_unique<Checked>();
  for (const fs::path &path : paths)
    c->files.push_back(c->sources.add(path.filename().string(), readFile(path)));
  RunOptions options;
  options.strict = strict;
  options.library.stdlibDirs = {kStdlib};
  c->run = validateFiles(c->sources, c->files, options);
  return c;
}

std::vector<fs::path> filesIn(const fs::path &dir) {
  std::vector<fs::path> files;
  for (const auto &entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".json")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// "document 1, `spec.replicas` (E0807 at 9:13): expected ..." for failure messages.
std::string describe(const Checked &c, size_t index) {
  std::string out;
  for (const ManifestObject &object : c.run.files.at(index).objects)
    for (const Issue &issue : object.issues.issues()) {
      LineCol at = c.sources.lineCol(c.files[index], issue.diagnostic.span.begin);
      out += fmt::format("\n  document {}, `{}` ({} at {}:{}): {}", object.document, issue.path, issue.diagnostic.code(),
                         at.line, at.column, issue.diagnostic.message);
    }
  for (const Diagnostic &d : c.run.libraryProblems)
    out += "\n  library: " + d.message;
  return out.empty() ? "\n  (nothing reported)" : out;
}

bool fileFailed(const FileResult &file) {
  for (const ManifestObject &object : file.objects)
    if (object.status == ObjectStatus::Invalid || object.status == ObjectStatus::Error)
      return true;
  return false;
}

bool corpusPresent() { return fs::is_directory(kCorpus) && fs::exists(kStdlib / "k8s/kinds.json"); }

TEST(ManifestCorpus, EveryValidFilePassesStrictValidation) {
  if (!corpusPresent())
    GTEST_SKIP() << "no corpus or no generated standard library";
  std::vector<fs::path> files = filesIn(kCorpus / "valid");
  ASSERT_FALSE(files.empty());
  auto c = validate(files, true);
  EXPECT_TRUE(c->run.libraryProblems.empty()) << describe(*c, 0);
  for (size_t i = 0; i < files.size(); ++i) {
    const FileResult &file = c->run.files.at(i);
    size_t valid = std::count_if(file.objects.begin(), file.objects.end(),
                                 [](const ManifestObject &o) { return o.status == ObjectStatus::Valid; });
    EXPECT_GT(file.objects.size(), 0u) << files[i].filename();
    EXPECT_EQ(valid, file.objects.size()) << files[i].filename() << describe(*c, i);
  }
}

// The one error of an invalid file: at the expected path and document.
bool reportsExpected(const Checked &c, size_t index, const Header &header, std::string &why) {
  const FileResult &file = c.run.files.at(index);
  bool found = false;
  for (const ManifestObject &object : file.objects)
    for (const Issue &issue : object.issues.issues()) {
      if (issue.diagnostic.severity != Severity::Error)
        continue;
      bool malformed = header.path == "document" && issue.path.empty() &&
                       (issue.diagnostic.kind == DiagKind::ManifestSyntax || issue.diagnostic.kind == DiagKind::ManifestTooDeep);
      bool matches = (malformed || issue.path == header.path) && object.document == header.document;
      if (matches && header.line > 0) {
        const Document &doc = file.documents.at(object.document);
        uint32_t line = c.sources.lineCol(file.file, issue.diagnostic.span.begin).line;
        uint32_t last = c.sources.lineCol(file.file, doc.end).line;
        matches = line >= header.line && line <= last;
      }
      if (matches)
        found = true;
      else
        why += fmt::format(" unexpected error in document {} at `{}`;", object.document, issue.path);
    }
  if (!found)
    why += fmt::format(" no error at `{}` in document {};", header.path, header.document);
  return found && why.empty();
}

TEST(ManifestCorpus, EachInvalidFileGetsItsOneErrorAtTheExpectedPath) {
  if (!corpusPresent())
    GTEST_SKIP() << "no corpus or no generated standard library";
  std::vector<fs::path> files = filesIn(kCorpus / "invalid");
  ASSERT_FALSE(files.empty());
  auto strict = validate(files, true);
  auto lenient = validate(files, false);
  size_t excused = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    std::string name = files[i].filename().string();
    Header header = parseHeader(readFile(files[i]));
    ASSERT_FALSE(header.path.empty()) << name << ": no `# expect:` header";
    std::string why;
    bool ok = reportsExpected(*strict, i, header, why);
    if (!ok && kNotExpressible.count(name)) {
      ++excused;
      std::cout << "[ excused  ] " << name << ": " << kNotExpressible.at(name) << "\n";
      continue;
    }
    EXPECT_TRUE(ok) << name << ":" << why << describe(*strict, i);
    // The API server without strict field validation drops the field: no error.
    if (header.strictOnly) {
      EXPECT_FALSE(fileFailed(lenient->run.files.at(i))) << name << " (without --strict)" << describe(*lenient, i);
    }
  }
  EXPECT_LE(excused, kNotExpressible.size());
}

} // namespace
} // namespace cairn::manifest
