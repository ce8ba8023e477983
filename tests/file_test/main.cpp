// cairn_file_tests: runs every tests/cases/**/*.cairn through the driver,
// in parallel, and compares exit code, stdout and stderr with the case's
// CHECK lines. Format: tests/file_test/README.md.
//
//   cairn_file_tests [--autoupdate] [-j N] [--cases DIR] [--stdlib DIR]... [--keep] [-v] [FILTER...]
// Without --stdlib, the source tree's stdlib/ is used.
//
// FILTERs keep the cases whose path (relative to the cases root) contains
// one of them. The last line is always `N passed, N failed`.
#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "case_file.h"
#include "compare.h"
#include "run_case.h"

namespace fs = std::filesystem;
using namespace cairn::filetest;

namespace {

struct RunnerOptions {
  fs::path casesRoot = CAIRN_SOURCE_DIR "/tests/cases";
  std::vector<std::string> filters;
  RunSettings settings;
  bool autoupdate = false;
  bool verbose = false;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
};

struct Outcome {
  std::string path;
  bool passed = false;
  std::string report; // why it failed, or what --autoupdate did
};

bool parseRunnerArgs(int argc, char **argv, RunnerOptions &o) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    bool hasNext = i + 1 < argc;
    if (arg == "--autoupdate") {
      o.autoupdate = true;
    } else if (arg == "--keep") {
      o.settings.keepTempDirs = true;
    } else if (arg == "-v") {
      o.verbose = true;
    } else if (arg == "-j" && hasNext) {
      o.jobs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--cases" && hasNext) {
      o.casesRoot = argv[++i];
    } else if (arg == "--stdlib" && hasNext) {
      // Absolute: each case runs in a temporary working directory.
      std::error_code ec;
      fs::path dir = fs::absolute(argv[++i], ec);
      if (fs::is_directory(dir, ec)) // optional locations: skipped when absent
        o.settings.stdlibDirs.push_back(dir);
    } else if (!arg.empty() && arg[0] == '-') {
      std::cerr << "cairn_file_tests: unknown flag " << arg << '\n';
      return false;
    } else {
      o.filters.push_back(arg);
    }
  }
  // Run by hand without --stdlib: the source tree's standard library.
  if (o.settings.stdlibDirs.empty())
    o.settings.stdlibDirs.push_back(fs::path(CAIRN_SOURCE_DIR) / "stdlib");
  return true;
}

// Every case file under the root, relative paths, sorted.
std::vector<std::string> discoverCases(const RunnerOptions &o) {
  std::vector<std::string> cases;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(o.casesRoot, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".cairn")
      continue;
    std::string rel = fs::relative(it->path(), o.casesRoot).generic_string();
    bool wanted = o.filters.empty() ||
                  std::any_of(o.filters.begin(), o.filters.end(),
                              [&](const std::string &f) { return rel.find(f) != std::string::npos; });
    if (wanted)
      cases.push_back(rel);
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::string readWhole(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Outcome runOne(const std::string &rel, const RunnerOptions &o) {
  Outcome outcome{rel, false, {}};
  fs::path file = o.casesRoot / rel;
  ParsedCase parsed = parseCase(rel, readWhole(file));
  if (!parsed.testCase) {
    outcome.report = "malformed case: " + parsed.error + "\n";
    return outcome;
  }
  const TestCase &tc = *parsed.testCase;
  CaseResult result = runCase(tc, o.settings);
  if (o.autoupdate && result.setupError.empty()) {
    std::string updated = renderCase(tc.body, result.exitCode, result.stdoutText, result.stderrText);
    if (updated != readWhole(file)) {
      std::ofstream(file, std::ios::binary) << updated;
      outcome.report = "(updated)\n";
    }
    std::string violation = namingRuleViolation(tc, result.exitCode);
    outcome.passed = violation.empty();
    outcome.report += violation;
    return outcome;
  }
  outcome.report = compareResult(tc, result);
  outcome.passed = outcome.report.empty();
  return outcome;
}

std::vector<Outcome> runAll(const std::vector<std::string> &cases, const RunnerOptions &o) {
  std::vector<Outcome> outcomes(cases.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < cases.size(); i = next++)
      outcomes[i] = runOne(cases[i], o);
  };
  std::vector<std::thread> pool;
  unsigned n = std::min<unsigned>(o.jobs, std::max<size_t>(1, cases.size()));
  for (unsigned t = 0; t < n; ++t)
    pool.emplace_back(worker);
  for (std::thread &t : pool)
    t.join();
  return outcomes;
}

} // namespace

int main(int argc, char **argv) {
  RunnerOptions o;
  if (!parseRunnerArgs(argc, argv, o))
    return 2;
  std::error_code ec;
  if (!fs::is_directory(o.casesRoot, ec)) {
    std::cerr << "cairn_file_tests: no cases directory " << o.casesRoot << '\n';
    return 2;
  }
  std::vector<std::string> cases = discoverCases(o);
  std::vector<Outcome> outcomes = runAll(cases, o);
  size_t passed = 0, failed = 0;
  for (const Outcome &out : outcomes) {
    if (out.passed) {
      ++passed;
      if (o.verbose || !out.report.empty())
        std::cout << "PASS " << out.path << (out.report.empty() ? "\n" : " " + out.report);
    } else {
      ++failed;
      std::cout << "FAIL " << out.path << '\n' << out.report << '\n';
    }
  }
  std::cout << passed << " passed, " << failed << " failed" << std::endl;
  return failed == 0 ? 0 : 1;
}
