// Emitters that write one stream; see emitter.h for the formats.
#pragma once

#include "backends/emitter.h"

namespace cairn::backends {

// Renders into one string the pieces renderStream produces.
class StreamEmitter : public Emitter {
public:
  OutputShape shape() const override { return OutputShape::Stream; }
  bool render(llvm::ArrayRef<eval::Value> documents, RenderedOutput &out, DiagnosticSink &diags) const final;
};

class YamlEmitter final : public StreamEmitter {
public:
  llvm::StringRef name() const override { return "yaml"; }
  bool renderStream(llvm::ArrayRef<eval::Value> documents, DiagnosticSink &diags, TextSink sink) const override;
};

class JsonEmitter final : public StreamEmitter {
public:
  llvm::StringRef name() const override { return "json"; }
  bool renderStream(llvm::ArrayRef<eval::Value> documents, DiagnosticSink &diags, TextSink sink) const override;
};

} // namespace cairn::backends
