// The grammar is SLL-clean: no prediction on the standard library or the
// samples needs ANTLR's full-LL fallback, so the SLL stage of parseModule
// always decides alone. Counts of the profiler, never timings.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "frontend/parse.h"

namespace cairn {
namespace {

namespace fs = std::filesystem;

struct Fallback {
  std::string file;
  ParseDecisionProfile decision;
};

// Parses every .cairn file under `dir` with the profiler; returns the files
// parsed and collects every decision that needed full LL.
size_t profileEvery(const fs::path &dir, std::vector<Fallback> &fallbacks) {
  size_t files = 0;
  for (const auto &entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".cairn")
      continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    SourceManager sources;
    DiagnosticSink diags;
    FileId file = sources.add(entry.path().string(), text.str());
    ParseMeasurement measurement;
    measurement.profile = true;
    parseModule(sources, file, diags, measurement);
    EXPECT_FALSE(diags.hasErrors()) << entry.path();
    EXPECT_FALSE(measurement.decisions.empty()) << entry.path();
    for (const ParseDecisionProfile &d : measurement.decisions)
      if (d.llFallbacks > 0)
        fallbacks.push_back({entry.path().string(), d});
    ++files;
  }
  return files;
}

std::string describe(const std::vector<Fallback> &fallbacks) {
  std::string text;
  for (const Fallback &f : fallbacks)
    text += f.file + ": decision " + std::to_string(f.decision.decision) + " in rule `" + f.decision.rule +
            "`: " + std::to_string(f.decision.llFallbacks) + " LL fallbacks\n";
  return text;
}

TEST(SllGrammar, StandardLibraryNeedsNoFullLLPrediction) {
  std::vector<Fallback> fallbacks;
  EXPECT_GE(profileEvery(fs::path(CAIRN_SOURCE_DIR) / "stdlib", fallbacks), 40u);
  EXPECT_TRUE(fallbacks.empty()) << describe(fallbacks);
}

TEST(SllGrammar, SamplesNeedNoFullLLPrediction) {
  std::vector<Fallback> fallbacks;
  EXPECT_GE(profileEvery(fs::path(CAIRN_SOURCE_DIR) / "samples", fallbacks), 5u);
  EXPECT_TRUE(fallbacks.empty()) << describe(fallbacks);
}

// `secret param` (a name before `param`) and `secret` as an ordinary name
// are told apart by one token of lookahead.
TEST(SllGrammar, SecretParamsNeedNoFullLLPrediction) {
  SourceManager sources;
  DiagnosticSink diags;
  FileId file = sources.add("t.cairn", "let a = 1\nsecret param token: string = \"t\"\nparam secret: int = 1\n"
                                       "let b = { secret.secretName = \"db\" }\nemit b\nsecret param c: [string]\n");
  ParseMeasurement measurement;
  measurement.profile = true;
  parseModule(sources, file, diags, measurement);
  EXPECT_FALSE(diags.hasErrors());
  EXPECT_FALSE(measurement.reparsedWithLL);
  std::vector<Fallback> fallbacks;
  for (const ParseDecisionProfile &d : measurement.decisions)
    if (d.llFallbacks > 0)
      fallbacks.push_back({"t.cairn", d});
  EXPECT_TRUE(fallbacks.empty()) << describe(fallbacks);
}

// Only a real syntax error makes the SLL stage give up and the LL stage (with
// the error reporting) run again.
TEST(SllGrammar, ASyntaxErrorIsReparsedWithLL) {
  SourceManager sources;
  DiagnosticSink diags;
  FileId file = sources.add("t.cairn", "let a = { x = }\n");
  ParseMeasurement measurement;
  parseModule(sources, file, diags, measurement);
  EXPECT_TRUE(diags.hasErrors());
  EXPECT_TRUE(measurement.reparsedWithLL);

  DiagnosticSink clean;
  FileId good = sources.add("u.cairn", "let a = { x = 1 }\n");
  ParseMeasurement fast;
  parseModule(sources, good, clean, fast);
  EXPECT_FALSE(clean.hasErrors());
  EXPECT_FALSE(fast.reparsedWithLL);
}

} // namespace
} // namespace cairn
