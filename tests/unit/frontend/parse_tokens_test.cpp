// The compiler parses with a hand-written scanner (grammar/cairn_scanner.h);
// CairnLexer.g4 stays the definition of the tokens. Both must give the same
// tokens, to the channel, code-point index, line and column.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <llvm/Support/ConvertUTF.h>

#include "grammar/scanner_check.h"

namespace cairn {
namespace {

namespace fs = std::filesystem;

void expectSameTokens(const std::string &text, const std::string &what) {
  std::string difference = grammar::compareScannerWithGeneratedLexer(text);
  EXPECT_EQ(difference, "") << what;
}

TEST(ParseTokens, ScannerAgreesWithTheGrammarOnEverySourceFile) {
  size_t files = 0;
  for (const char *dir : {"stdlib", "samples", "tests", "bench"}) {
    fs::path root = fs::path(CAIRN_SOURCE_DIR) / dir;
    if (!fs::exists(root))
      continue;
    for (const auto &entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".cairn")
        continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      std::string content = text.str();
      const auto *begin = reinterpret_cast<const llvm::UTF8 *>(content.data());
      if (!llvm::isLegalUTF8String(&begin, begin + content.size()))
        continue; // the parser rejects it before lexing (E0706)
      expectSameTokens(content, entry.path().string());
      ++files;
    }
  }
  EXPECT_GE(files, 300u);
}

TEST(ParseTokens, ScannerAgreesOnTrickyInput) {
  const char *cases[] = {
      "", " ", "\n", "\r\n", "x", "é", "let x = 1", "imports as asx _ __a a1",
      "1 1_000 1__0 1_ 0x 0x1f 0x1_f 0x1__f 0X1 1.5 1. 1..5 1.5.x 2e3 2E+3 2e-3 2e 2e+ 1.5e3 1.5e 1_0.2_0e1_0",
      ".. ?. ?? ?..5 . : -> => == != <= >= < > && || & | = ? + - * % ! ,",
      "{ } } } { ${",
      "\"a\" \"\" \"\"\" \"\"\"\"", "\"a${b}c\"", "\"${ { } }\" x", "\"$\" \"$$\" \"a$\"", "\"\\n\\t\\\\\\\"\\$\\u{41}\\u{}\\u{zz}\\u\"",
      "\"unterminated\nlet x = 1", "\"a\\\nb\"", "\"a\\\r\nb\"", "\"a\\", "\"é\\é\"", "\"\\u{1F600}\"",
      "\"\"\"\n  a\n  \"\" \" $ ${x} \\\" \\\n  \"\"\"", "\"\"\"abc", "\"\"\"a\\", "\"\"\"a\"\"\"\"",
      "// c\n/// d\n//// e\n/* b */ /** c */ /*/ x */ /* a **/ /*", "/* never closed ** ", "/* x *",
      "string(/^[a-z]+$/)", "f(1, /a\\/b/, /x/)", "a / b / c", "(/*c*/ /x/)", "(/\\\n/)", "(//)", "(/ /)",
      "(/*/)", "(/a", "(/a\n/)", "(/é/)", "x = (a) / 2 / 3",
      "@ # ` ~ ^ ; \\ \t\x01\x7f", "a\rb\r\nc",
  };
  for (const char *text : cases)
    expectSameTokens(text, std::string("input: ") + text);
  expectSameTokens(std::string("\"a\0b\" /*\0*/ \0", 14), "NUL bytes");
}

// Deterministic random strings over the characters that matter to the lexer.
TEST(ParseTokens, ScannerAgreesOnRandomInput) {
  const std::vector<std::string> pieces = {
      "{", "}", "[", "]", "(", ")", "\"", "\"\"\"", "$", "${", "\\", "/", "*", "\n", "\r", " ", ".", "?", ":",
      "-", "=", "!", "<", ">", "&", "|", "+", "%", ",", "_", "0", "1", "x", "e", "E", "u{41}", "a", "with",
      "let", "é", "\t", "#"};
  std::mt19937 random(20261122);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    size_t length = random() % 24;
    for (size_t i = 0; i < length; ++i)
      text += pieces[random() % pieces.size()];
    expectSameTokens(text, "input: " + text);
  }
}

} // namespace
} // namespace cairn
