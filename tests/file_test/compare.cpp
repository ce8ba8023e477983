#include "compare.h"

#include <fmt/format.h>

#include "line_diff.h"

namespace cairn::filetest {

std::string namingRuleViolation(const TestCase &testCase, int exitCode) {
  if (testCase.mustFail && exitCode == 0)
    return "a `fail_` case must exit non-zero, but it exited 0\n";
  if (!testCase.mustFail && exitCode != 0)
    return fmt::format("a case not named `fail_*` must exit 0, but it exited {}\n", exitCode);
  return {};
}

std::string compareResult(const TestCase &testCase, const CaseResult &result) {
  if (!result.setupError.empty())
    return "could not run: " + result.setupError + "\n";
  std::string report = namingRuleViolation(testCase, result.exitCode);
  const Expectation &expected = testCase.expected;
  if (expected.exitCode && *expected.exitCode != result.exitCode)
    report += fmt::format("exit code: expected {}, got {}\n", *expected.exitCode, result.exitCode);
  std::string stdoutDiff = unifiedDiff(expected.stdoutLines, splitLines(result.stdoutText));
  if (!stdoutDiff.empty())
    report += "stdout differs (- expected, + actual):\n" + stdoutDiff;
  std::string stderrDiff = unifiedDiff(expected.stderrLines, splitLines(result.stderrText));
  if (!stderrDiff.empty())
    report += "stderr differs (- expected, + actual):\n" + stderrDiff;
  if (!expected.exitCode)
    report += "no `// CHECK:EXIT:` line; run the file tests with --autoupdate and review the result\n";
  return report;
}

} // namespace cairn::filetest
