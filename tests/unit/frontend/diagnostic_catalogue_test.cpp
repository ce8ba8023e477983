// The diagnostic catalogue (frontend/diagnostics.def) is a promise to users:
// codes are stable, each one is explained in docs/diagnostics.md, and each one
// is produced by at least one file test under tests/cases. These tests keep
// the catalogue, the reference and the test suite from drifting apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/diagnostic.h"

namespace cairn {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = CAIRN_SOURCE_DIR;

std::vector<std::string> readLines(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

std::set<std::string> catalogueCodes() {
  std::set<std::string> codes;
  for (const DiagInfo &info : diagCatalogue())
    codes.insert(info.code);
  return codes;
}

// A `## CODE: title` heading of docs/diagnostics.md, outside code fences.
struct DocHeading {
  std::string code;
  std::string title;
  size_t line; // 1-based
};

std::vector<DocHeading> docHeadings(const fs::path &doc) {
  // Anything that looks like an attempt at a code heading, so that a typo such
  // as `## E041:` is reported instead of silently ignored.
  static const std::regex heading(R"(^##\s+([A-Z][0-9]+):\s*(.*)$)");
  std::vector<DocHeading> out;
  bool inFence = false;
  std::vector<std::string> lines = readLines(doc);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("```", 0) == 0)
      inFence = !inFence;
    std::smatch m;
    if (!inFence && std::regex_match(lines[i], m, heading))
      out.push_back({m[1], m[2], i + 1});
  }
  return out;
}

// Codes that appear in the expected diagnostics of file tests: compact and
// human forms (`error[E0401]`, `warning[W0301]`) and the JSON form
// (`"code": "E0401"`), on `// CHECK:STDERR:` lines only.
std::set<std::string> codesInFileTests(const fs::path &casesDir) {
  static const std::regex bracketed(R"(\[([EW][0-9]{4})\])");
  static const std::regex json(R"re("code":\s*"([EW][0-9]{4})")re");
  std::set<std::string> codes;
  std::error_code ec;
  if (!fs::is_directory(casesDir, ec))
    return codes;
  for (const fs::directory_entry &entry : fs::recursive_directory_iterator(casesDir, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".cairn")
      continue;
    for (const std::string &line : readLines(entry.path())) {
      if (line.find("// CHECK:STDERR:") == std::string::npos)
        continue;
      for (const std::regex *pattern : {&bracketed, &json})
        for (std::sregex_iterator it(line.begin(), line.end(), *pattern), end; it != end; ++it)
          codes.insert((*it)[1]);
    }
  }
  return codes;
}

TEST(DiagnosticCatalogue, CodesAreUniqueAndWellFormed) {
  static const std::regex wellFormed("^[EW][0-9]{4}$");
  std::set<std::string> codes, names;
  for (const DiagInfo &info : diagCatalogue()) {
    EXPECT_TRUE(std::regex_match(info.code, wellFormed)) << "malformed code `" << info.code << "`";
    EXPECT_TRUE(codes.insert(info.code).second) << "code " << info.code << " is used twice";
    EXPECT_TRUE(names.insert(info.name).second) << "name " << info.name << " is used twice";
  }
  EXPECT_EQ(codes.size(), diagCatalogue().size());
}

TEST(DiagnosticCatalogue, WarningCodesAreWarnings) {
  // A `W` code promises a warning: it never fails a build.
  for (const DiagInfo &info : diagCatalogue()) {
    if (info.code[0] == 'W') {
      EXPECT_EQ(info.severity, Severity::Warning) << info.code << " is a W code but not a warning";
    }
  }
}

TEST(DiagnosticCatalogue, MessagesFollowTheStyle) {
  // diagnostics.def: lower-case first word, no trailing period.
  for (const DiagInfo &info : diagCatalogue()) {
    std::string message = info.format;
    ASSERT_FALSE(message.empty()) << info.code;
    EXPECT_FALSE(std::isupper(static_cast<unsigned char>(message.front())))
        << info.code << ": message starts with a capital: " << message;
    EXPECT_NE(message.back(), '.') << info.code << ": message ends with a period: " << message;
  }
}

TEST(DiagnosticCatalogue, EveryCodeHasExactlyOneDocSection) {
  fs::path doc = kSourceDir / "docs" / "diagnostics.md";
  ASSERT_TRUE(fs::is_regular_file(doc)) << doc << " is missing";
  std::set<std::string> known = catalogueCodes();
  std::map<std::string, std::vector<size_t>> linesOf;
  for (const DocHeading &h : docHeadings(doc)) {
    EXPECT_TRUE(known.count(h.code)) << "docs/diagnostics.md:" << h.line << ": section for `" << h.code
                                     << "`, which is not in frontend/diagnostics.def";
    EXPECT_FALSE(h.title.empty()) << "docs/diagnostics.md:" << h.line << ": `" << h.code << "` has no title";
    linesOf[h.code].push_back(h.line);
  }
  for (const std::string &code : known) {
    auto it = linesOf.find(code);
    size_t count = it == linesOf.end() ? 0 : it->second.size();
    EXPECT_EQ(count, 1u) << "expected one `## " << code << ": ...` heading in docs/diagnostics.md, found "
                         << count;
  }
}

TEST(DiagnosticCatalogue, DocSectionsFollowCatalogueOrder) {
  fs::path doc = kSourceDir / "docs" / "diagnostics.md";
  ASSERT_TRUE(fs::is_regular_file(doc)) << doc << " is missing";
  std::vector<std::string> expected, documented;
  std::set<std::string> known = catalogueCodes();
  for (const DiagInfo &info : diagCatalogue())
    expected.push_back(info.code);
  for (const DocHeading &h : docHeadings(doc))
    if (known.count(h.code))
      documented.push_back(h.code);
  // Name the first place where the order differs: the full lists are too long to read.
  auto [docIt, defIt] = std::mismatch(documented.begin(), documented.end(), expected.begin(), expected.end());
  if (docIt != documented.end() || defIt != expected.end())
    ADD_FAILURE() << "sections of docs/diagnostics.md must follow the order of frontend/diagnostics.def: section "
                  << (docIt - documented.begin() + 1) << " is "
                  << (docIt == documented.end() ? std::string("missing") : "`" + *docIt + "`") << ", expected "
                  << (defIt == expected.end() ? std::string("no more sections") : "`" + *defIt + "`");
}

TEST(DiagnosticCatalogue, EveryCodeIsProducedByAFileTest) {
  std::set<std::string> covered = codesInFileTests(kSourceDir / "tests" / "cases");
  std::vector<std::string> missing;
  for (const DiagInfo &info : diagCatalogue())
    if (!covered.count(info.code))
      missing.push_back(std::string(info.code) + " (" + info.name + ")");
  std::ostringstream list;
  for (const std::string &m : missing)
    list << "\n  " << m;
  EXPECT_TRUE(missing.empty()) << missing.size() << " of " << diagCatalogue().size()
                               << " codes appear in no `// CHECK:STDERR:` line under tests/cases:"
                               << list.str();
}

} // namespace
} // namespace cairn
