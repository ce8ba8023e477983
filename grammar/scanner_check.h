// Checks that CairnScanner and the ANTLR-generated CairnLexer agree, for
// tests/unit/frontend/parse_tokens_test.cpp. No ANTLR type in this header.
#pragma once

#include <string>
#include <string_view>

namespace cairn::grammar {

// Lexes valid UTF-8 `text` with both; "" when every token agrees (type,
// channel, code-point start and stop, line, column, text), else the first
// difference in words. `text` must not start with a byte-order mark, which
// the two place differently (see CairnScanner).
std::string compareScannerWithGeneratedLexer(std::string_view text);

} // namespace cairn::grammar
