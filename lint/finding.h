// What `cairn lint` reports: findings of policies on objects, and the
// descriptions of the policies (rules) that produced them. Plain data shared
// by the engine (engine.h), suppression (suppress.h) and the reports
// (report.h); nothing here evaluates anything.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "frontend/source.h"

namespace cairn::lint {

enum class Level : uint8_t { Info, Warning, Error };
const char *levelName(Level level);                 // "info", "warning", "error"
bool parseLevel(const std::string &text, Level &out); // inverse of levelName

// One policy as users see it in `--list-checks`, SARIF rules and docs.
struct PolicyDescriptor {
  std::string name;          // "latest-tag": the check's stable id
  Level level = Level::Warning;
  std::string description;   // the policy's `///` doc comment, lines joined (blank lines kept)
  std::string summary;       // its first sentence
  std::string remediation;   // how to fix a finding
  std::vector<std::string> tags;
  bool enabledByDefault = true;
  std::vector<std::string> params; // as declared: "registries: [string] = []"
  std::string target;        // the type it runs on, as written: "core.Container", "any"
  Span span;                 // the policy's name in its module
  std::string module;        // display path of the module ("policy/containers" for the pack)
};

// Why a finding is not counted: an annotation on the object or a comment in
// the Cairn source. Suppressed findings are still written by the JSON and
// SARIF reports (SARIF `suppressions`), never by the text and GitHub ones.
struct Suppression {
  enum class Kind : uint8_t { Annotation, KubeLinterAnnotation, SourceComment };
  Kind kind = Kind::Annotation;
  std::string justification; // the reason given, may be empty
  Span span;                 // the annotation or comment, when known
};

struct Finding {
  std::string check;          // the policy's name
  Level level = Level::Warning;
  std::string message;        // the check's message, already interpolated
  std::string remediation;
  std::vector<std::string> tags;
  // Where to fix it: the field's value in the Cairn source or in the YAML
  // file; may be invalid when nothing better than the file is known.
  Span span;
  // For objects built by Cairn: where the field holding the value was set
  // (`image = s.image`), when that is not at `span` (the value's origin).
  // A `// cairn:ignore` next to either line suppresses the finding.
  Span setAt;
  FileId file;                // the input file of the object (always set)
  // The object the finding is about (the top-level document).
  std::string apiVersion, kind, name, namespaceName;
  std::string path;           // field path inside the object: "spec.template.spec.containers[0]"
  Span policySpan;            // the failing check in the policy's source
  std::vector<Suppression> suppressions; // empty: the finding counts
  // The source at `span` holds a secret (a Secret's data in a YAML file):
  // reports name the place but show no excerpt of it.
  bool secretSource = false;
  bool suppressed() const { return !suppressions.empty(); }
};

} // namespace cairn::lint
