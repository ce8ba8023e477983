// Output formats. An Emitter turns the evaluated documents (eval::Values, never
// the AST) into bytes in memory; writing them out is a separate, atomic step
// (output_writer.h), so a failed build never leaves partial output.
// Modelled on Pkl's ValueRenderers: one small interface, a registry by name.
//
//   yaml  one YAML stream, documents separated by `---`
//   json  one JSON document: the object itself when there is exactly one,
//         else a Kubernetes `List` ({"apiVersion": "v1", "kind": "List", "items": [...]})
//   dir   one YAML file per object in a directory (naming: dir_emitter.cpp)
//
// Every format writes a top-level object's `apiVersion`, `kind` and `metadata`
// first, then its other fields in their order; output is deterministic.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/STLFunctionalExtras.h>
#include <llvm/ADT/StringRef.h>

#include "eval/value.h"
#include "frontend/diagnostic.h"

namespace cairn::backends {

// Receives rendered output in order, a piece at a time; false stops the rendering.
using TextSink = llvm::function_ref<bool(llvm::StringRef text)>;

enum class OutputShape {
  Stream,    // one byte stream: standard output, or the -o file
  Directory, // a tree of files: the -o directory (required)
};

struct OutputFile {
  std::string path; // relative, `/`-separated, never `..` or absolute
  std::string content;
};

struct RenderedOutput {
  std::string stream;            // OutputShape::Stream
  std::vector<OutputFile> files; // OutputShape::Directory, sorted by path

  uint64_t size() const;
};

class Emitter {
public:
  virtual ~Emitter() = default;
  virtual llvm::StringRef name() const = 0;
  virtual OutputShape shape() const = 0;
  // Renders every document, or reports diagnostics (E0601, E0602, E0604,
  // E0606) and returns false; `out` is then meaningless.
  virtual bool render(llvm::ArrayRef<eval::Value> documents, RenderedOutput &out,
                      DiagnosticSink &diags) const = 0;
  // Stream shapes: renders the same bytes piece by piece, in order, into
  // `sink`, so a large output can be written while it is rendered (a false
  // from the sink stops rendering). Returns false after reporting problems;
  // what the sink received is then meaningless. Directory shapes: false.
  virtual bool renderStream(llvm::ArrayRef<eval::Value> documents, DiagnosticSink &diags, TextSink sink) const {
    return false;
  }

  // Rendering stops with E0605 once one piece of text (a block of documents,
  // or one file) outgrows this: a small value that shares its parts can stand
  // for an exponentially large text, which must not be built in memory.
  void setOutputLimit(uint64_t bytes) { outputLimit_ = bytes; }

protected:
  uint64_t outputLimit_ = UINT64_MAX;
};

// nullptr for an unknown name.
std::unique_ptr<Emitter> createEmitter(llvm::StringRef name);
// Every registered name, in the order to show users: yaml, json, dir.
std::vector<std::string> emitterNames();

// A document must be an object: E0601 at its span otherwise. Shared by the emitters.
bool checkDocumentsAreObjects(llvm::ArrayRef<eval::Value> documents, DiagnosticSink &diags);

} // namespace cairn::backends
