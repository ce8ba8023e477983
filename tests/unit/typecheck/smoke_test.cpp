// Correct programs check without diagnostics and get the expected types.
#include <gtest/gtest.h>

#include "check_fixture.h"

namespace cairn::checktest {
namespace {

using Lines = std::vector<std::string>;

TEST(CheckSmoke, SketchProgramChecksCleanly) {
  auto r = check(R"(
param env: "dev" | "staging" | "prod" = "dev"

type Port = int(1..65535)

schema Service {
  name: string(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
  image: string
  port: Port = 8080
  replicas: int(0..) = if env == "prod" then 3 else 1
  labels: {string: string} = { app = name, team = "payments" }
  check replicas <= 50, "more than 50 replicas needs a capacity review"
}

schema Meta { name: string, labels: {string: string} = {} }
schema Deployment { apiVersion: "apps/v1" = "apps/v1", metadata: Meta, spec: any }

fn deployment(s: Service): Deployment = Deployment {
  metadata { name = s.name, labels = s.labels }
  spec {
    replicas = s.replicas
    selector.matchLabels = { app = s.name }
  }
}

let services = [
  Service { name = "web", image = "nginx:1.27" },
  Service { name = "api", image = "ghcr.io/acme/api:2.1", port = 9000 },
]

emit [for s in services: deployment(s)]
)");
  EXPECT_EQ(r->lines(), Lines{});
  EXPECT_EQ(r->declType("services"), "[Service]");
  EXPECT_EQ(r->declType("deployment"), "fn(Service) -> Deployment");
  EXPECT_EQ(r->declType("env"), "\"dev\" | \"staging\" | \"prod\"");
  EXPECT_EQ(r->declType("Port"), "Port");
}

} // namespace
} // namespace cairn::checktest
