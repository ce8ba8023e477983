// Emitters that write one stream; see emitter.h for the formats.
#pragma once

#include "backends/emitter.h"

namespace cairn::backends {

class YamlEmitter final : public Emitter {
public:
  llvm::StringRef name() const override { return "yaml"; }
  OutputShape shape() const override { return OutputShape::Stream; }
  bool render(llvm::ArrayRef<eval::Value> documents, RenderedOutput &out, DiagnosticSink &diags) const override;
};

class JsonEmitter final : public Emitter {
public:
  llvm::StringRef name() const override { return "json"; }
  OutputShape shape() const override { return OutputShape::Stream; }
  bool render(llvm::ArrayRef<eval::Value> documents, RenderedOutput &out, DiagnosticSink &diags) const override;
};

} // namespace cairn::backends
