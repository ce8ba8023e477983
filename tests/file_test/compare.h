// Compares what a case did with what its CHECK lines expect.
#pragma once

#include <string>

#include "case_file.h"
#include "run_case.h"

namespace cairn::filetest {

// Empty when the case passed; else a report of every difference (exit code,
// `fail_` naming rule, unified diffs of stdout and stderr).
std::string compareResult(const TestCase &testCase, const CaseResult &result);

// Only the naming rule: `fail_*` cases must exit non-zero, others zero.
// Empty when it holds. Checked even under --autoupdate.
std::string namingRuleViolation(const TestCase &testCase, int exitCode);

} // namespace cairn::filetest
