// How a string is written in YAML so that every common parser (YAML 1.1 ones
// such as PyYAML and go-yaml v2, which Kubernetes tooling uses, and YAML 1.2
// ones such as yaml-cpp) reads back the same string.
//
// Written by hand rather than with yaml-cpp's YAML::Emitter, which was
// measured (yaml-cpp 0.7) to get these wrong: it leaves `123`, `1.5`, `yes`,
// `on`, `0x1F`, `2024-01-01` plain (they read back as numbers, booleans or
// timestamps), writes the float 1.0 as `1`, writes 0.1 as 0.10000000000000001,
// writes `a\nb` as `|` (clip chomping adds a newline) and an empty map on its
// own line; and it took 3.1 s for 20 MB, where this writer takes 0.23 s for
// 16 MB at -O2 (tests/unit/backends/yaml_speed_test.cpp).
#pragma once

#include <string>

#include <llvm/ADT/StringRef.h>

namespace cairn::eval {

enum class YamlStringStyle {
  Plain,        // as is: no indicator, no look-alike of another type
  DoubleQuoted, // "..." with escapes: the fallback that is always exact
  Literal,      // `|` block with chomping: multi-line text that is safe in one
};

// The style for `text` as a value; keys never use Literal.
YamlStringStyle yamlValueStyle(llvm::StringRef text);
YamlStringStyle yamlKeyStyle(llvm::StringRef text);

// `text` in double quotes with YAML escapes (valid UTF-8 is copied; control
// characters, NEL, line/paragraph separators and BOM are escaped; invalid
// bytes become U+FFFD).
void appendYamlDoubleQuoted(std::string &out, llvm::StringRef text);

// A literal block scalar: the header (`|`, `|-` or `|+`, chosen from the
// trailing newlines), then each line of `text` indented by `indent` spaces.
// `text` must have style Literal. Appends the final newline.
void appendYamlLiteral(std::string &out, llvm::StringRef text, unsigned indent);

} // namespace cairn::eval
