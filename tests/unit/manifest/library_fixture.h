// A temporary schema location holding one hand-written module, for tests that
// need kinds without the generated standard library.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "manifest/library.h"

namespace cairn::manifest::testing {

class TempDir {
public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cairn-manifest-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path &path() const { return path_; }
  void write(const std::string &relative, const std::string &text) const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
  }

private:
  std::filesystem::path path_;
};

// The module every validation test uses: a small `Widget` kind in the style of
// the generated standard library.
inline const char *kWidgetModule = R"(
type Quantity = string(/^[0-9]+(m|Mi|Gi)?$/) | int | float
schema Meta {
  name?: string(1..20)
  labels?: {string: string}
}
schema Port {
  name?: string(/^[a-z]+$/)
  containerPort: int(1..65535)
  protocol?: "TCP" | "UDP"
}
schema Container {
  name: string
  image?: string
  pullPolicy?: "Always" | "IfNotPresent" | "Never"
  ports?: [Port]
  cpu?: Quantity
  target?: int | string
  args?: [string]
}
schema WidgetSpec {
  replicas?: int(0..2147483647)
  containers: [Container]
  ratio?: float(0.0..1.0)
  enabled?: bool
  extra?: any
  nullable?: string?
}
schema Widget {
  apiVersion: "demo.example.com/v1" = "demo.example.com/v1"
  kind: "Widget" = "Widget"
  metadata: Meta
  spec?: WidgetSpec
}
)";

inline const char *kWidgetIndex =
    R"({"kinds": [{"apiVersion": "demo.example.com/v1", "kind": "Widget", "module": "demo/v1", "schema": "Widget"}]})";

} // namespace cairn::manifest::testing
