// Findings over a small YAML file and a small Cairn file, shared by the
// report tests (report_*_test.cpp).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lint/report.h"

namespace cairn::lint::testing {

inline const char *kYaml = "apiVersion: apps/v1\n"
                           "kind: Deployment\n"
                           "metadata:\n"
                           "  name: web\n"
                           "  namespace: prod\n"
                           "  annotations:\n"
                           "    cairn.dev/ignore: run-as-non-root\n"
                           "spec:\n"
                           "  template:\n"
                           "    spec:\n"
                           "      containers:\n"
                           "        - name: web\n"
                           "          image: nginx\n";

inline const char *kCairn = "import \"k8s/core/v1\" as core\n"
                            "\n"
                            "emit core.Pod {\n"
                            "  metadata = { name = \"api\" }\n"
                            "  spec = { containers = [{ name = \"api\", image = \"api:latest\", "
                            "securityContext = { privileged = true } }] }\n"
                            "}\n";

class ReportFixture : public ::testing::Test {
protected:
  ReportFixture() {
    yaml_ = sources_.add("deploy/web.yaml", kYaml);
    cairn_ = sources_.add("app.cairn", kCairn);
  }

  // The span of the first `needle` in `file`.
  Span spanOf(FileId file, const std::string &needle) const {
    size_t at = sources_.file(file).text().find(needle);
    EXPECT_TRUE(at != std::string::npos) << needle;
    return Span{file, static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
  }

  static PolicyDescriptor policy(const std::string &name, Level level, const std::string &description,
                                 const std::string &remediation, std::vector<std::string> tags) {
    PolicyDescriptor p;
    p.name = name;
    p.level = level;
    p.description = description;
    p.remediation = remediation;
    p.tags = std::move(tags);
    p.target = "core.Container";
    p.module = "<stdlib>/policy/containers.cairn";
    return p;
  }

  std::vector<PolicyDescriptor> policies() const {
    return {policy("latest-tag", Level::Warning,
                   "Containers should not run the `latest` tag. The image that runs changes without a change in the "
                   "manifests.",
                   "Pin the image to a version tag or a digest.", {"reproducibility"}),
            policy("privileged-container", Level::Error, "Privileged containers can do anything on the node.",
                   "Set securityContext.privileged to false.", {"security"}),
            policy("run-as-non-root", Level::Warning, "Containers should run as a non-root user.",
                   "Set securityContext.runAsNonRoot to true.", {"security"}),
            policy("pdb-unhealthy-pod-eviction-policy", Level::Info, "", "", {})};
  }

  static Finding finding(const PolicyDescriptor &p, const std::string &message) {
    Finding f;
    f.check = p.name;
    f.level = p.level;
    f.message = message;
    f.remediation = p.remediation;
    f.tags = p.tags;
    return f;
  }

  // Sorted by file and position, as the engine gives them: app.cairn first.
  std::vector<Finding> findings() const {
    std::vector<PolicyDescriptor> ps = policies();
    Finding privileged = finding(ps[1], "container \"api\" runs privileged");
    privileged.span = spanOf(cairn_, "privileged = true");
    privileged.file = cairn_;
    privileged.apiVersion = "v1";
    privileged.kind = "Pod";
    privileged.name = "api";
    privileged.path = "spec.containers[0].securityContext.privileged";

    Finding latest = finding(ps[0], "image `nginx` has no tag or uses `latest`");
    latest.span = spanOf(yaml_, "nginx");
    latest.file = yaml_;
    latest.apiVersion = "apps/v1";
    latest.kind = "Deployment";
    latest.namespaceName = "prod";
    latest.name = "web";
    latest.path = "spec.template.spec.containers[0].image";

    Finding root = latest;
    root.check = "run-as-non-root";
    root.message = "container \"web\" may run as root";
    root.remediation = ps[2].remediation;
    root.tags = ps[2].tags;
    root.span = spanOf(yaml_, "- name: web");
    root.path = "spec.template.spec.containers[0]";
    root.suppressions.push_back({Suppression::Kind::Annotation, "", spanOf(yaml_, "cairn.dev/ignore: run-as-non-root")});

    Finding info = finding(ps[3], "no PodDisruptionBudget policy set");
    info.file = yaml_; // no span: the whole file
    info.apiVersion = "apps/v1";
    info.kind = "Deployment";
    info.namespaceName = "prod";
    info.name = "web";
    return {privileged, latest, root, info};
  }

  ReportContext context() const {
    return ReportContext{.sources = sources_, .policies = policies(), .objects = 12, .files = 2,
                         .toolVersion = "0.4.0"};
  }

  SourceManager sources_;
  FileId yaml_, cairn_;
};

} // namespace cairn::lint::testing
