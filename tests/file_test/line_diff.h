// A unified-style diff of two line lists, for showing why a case failed.
#pragma once

#include <string>
#include <vector>

namespace cairn::filetest {

// Hunks with `context` unchanged lines around each change: ` ` kept,
// `-` expected only, `+` actual only, under `@@ -a,b +c,d @@` headers.
// Empty when the lists are equal.
std::string unifiedDiff(const std::vector<std::string> &expected,
                        const std::vector<std::string> &actual, size_t context = 3);

} // namespace cairn::filetest
