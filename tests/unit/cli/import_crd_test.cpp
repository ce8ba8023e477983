// `cairn import crd` end to end, in-process: import the CRD corpus
// (tests/corpus/crds) into a project, then build Cairn that imports the
// generated modules like the built-in ones.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "cli/driver.h"
#include "drive.h"

namespace cairn::cli {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = CAIRN_SOURCE_DIR;

using testing::DriverRun;

// A temporary project directory, removed at the end of the test.
class ImportCrdTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "cairn-import-crd-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  DriverRun drive(const std::vector<std::string> &args, const std::string &stdinText = "") {
    return testing::drive(args, dir_, stdinText);
  }

  void write(const std::string &name, const std::string &text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name) << text;
  }
  std::string read(const std::string &name) {
    std::ifstream in(dir_ / name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  DriverRun importCorpus() { return drive({"import", "crd", (kSourceDir / "tests/corpus/crds").string(), "-o", "crds"}); }

  fs::path dir_;
};

const char *const kCertificate = R"(import "./crds/cert-manager.io/v1" as certmanager

emit certmanager.Certificate {
  metadata { name = "web-tls", namespace = "web" }
  spec {
    secretName = "web-tls"
    dnsNames = ["web.example.com"]
    issuerRef { name = "letsencrypt", kind = "ClusterIssuer" }
    privateKey { algorithm = "ECDSA", size = 256 }
    usages = ["server auth", "digital signature"]
  }
}
)";

TEST_F(ImportCrdTest, ImportedCertificateBuildsLikeABuiltInKind) {
  DriverRun imported = importCorpus();
  ASSERT_EQ(imported.exit, 0) << imported.err;
  EXPECT_NE(imported.out.find("wrote crds/cert-manager.io/v1.cairn: Certificate, Issuer, ClusterIssuer\n"),
            std::string::npos)
      << imported.out;
  EXPECT_NE(imported.err.find("warning[W0845]: pattern `^[\\p{L}\\p{N} ]+$` is not kept"), std::string::npos)
      << imported.err;
  write("main.cairn", kCertificate);
  DriverRun built = drive({"build", "main.cairn"});
  ASSERT_EQ(built.exit, 0) << built.err;
  // Fields come out in the order of the schema, which is the CRD's.
  EXPECT_EQ(built.out, R"(apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: web-tls
  namespace: web
spec:
  dnsNames:
    - web.example.com
  issuerRef:
    kind: ClusterIssuer
    name: letsencrypt
  privateKey:
    algorithm: ECDSA
    size: 256
  secretName: web-tls
  usages:
    - server auth
    - digital signature
)");
}

void replaceOnce(std::string &text, const std::string &from, const std::string &to) {
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

TEST_F(ImportCrdTest, MistakesInImportedKindsAreCompileErrors) {
  ASSERT_EQ(importCorpus().exit, 0);
  struct Case {
    std::string from, to, expected;
  };
  const std::vector<Case> cases{
      {"secretName = \"web-tls\"", "secretNam = \"web-tls\"", "did you mean `secretName`?"},
      {"algorithm = \"ECDSA\"", "algorithm = \"DSA\"", "\"DSA\""},
      {"secretName = \"web-tls\"", "secretName = \"Web_TLS\"", "Web_TLS"},
      {"usages = [\"server auth\"", "usages = [\"server-auth\"", "server-auth"},
  };
  for (const Case &c : cases) {
    std::string source = kCertificate;
    replaceOnce(source, c.from, c.to);
    write("main.cairn", source);
    DriverRun built = drive({"build", "--diagnostics=compact", "main.cairn"});
    EXPECT_EQ(built.exit, 1) << c.to;
    EXPECT_TRUE(built.out.empty()) << c.to;
    EXPECT_NE(built.err.find("main.cairn:"), std::string::npos) << built.err;
    EXPECT_NE(built.err.find(c.expected), std::string::npos) << c.to << "\n" << built.err;
  }
}

TEST_F(ImportCrdTest, EveryGeneratedModuleChecks) {
  ASSERT_EQ(importCorpus().exit, 0);
  write("all.cairn", R"(import "./crds/cert-manager.io/v1" as certmanager
import "./crds/monitoring.coreos.com/v1" as monitoring
import "./crds/keda.sh/v1alpha1" as keda
import "./crds/db.example.com/v1alpha1" as pgalpha
import "./crds/db.example.com/v1beta1" as pg

emit certmanager.ClusterIssuer {
  metadata.name = "letsencrypt"
  spec.acme {
    server = "https://acme-v02.api.letsencrypt.org/directory"
    privateKeySecretRef.name = "letsencrypt-account"
    solvers = [{ http01.ingress.ingressClassName = "nginx" }]
  }
}
emit monitoring.ServiceMonitor {
  metadata.name = "web"
  spec {
    selector.matchLabels.app = "web"
    endpoints = [{ port = "metrics", interval = "30s", targetPort = 9090,
                   relabelings = [{ action = "replace", sourceLabels = ["__meta_pod"], targetLabel = "pod" }] }]
  }
}
emit monitoring.PrometheusRule {
  metadata.name = "web"
  spec.groups = [{ name = "web", partial_response_strategy = "WARN",
                   rules = [{ alert = "Down", expr = "up == 0", "for" = "5m" }] }]
}
emit keda.ScaledObject {
  metadata.name = "worker"
  spec {
    scaleTargetRef.name = "worker"
    minReplicaCount = 0
    triggers = [{ type = "cron", metadata = { timezone = "UTC", start = "0 8 * * *", end = "0 18 * * *", desiredReplicas = "3" } }]
  }
}
emit pgalpha.PostgresCluster { metadata.name = "old", spec.version = 15 }
emit pg.PostgresCluster {
  metadata.name = "db"
  spec {
    postgresVersion = 16
    instances = [{ name = "main", replicas = 2, storage.size = "10Gi" }]
    parameters = { max_connections = 200, work_mem = "64MB" }
    backups.repositories.s3 = { bucket = "backups", region = "eu-west-1" }
  }
}
// `parameters` keeps unknown fields, so it is `any`; its declared fields can still be checked.
emit pg.PostgresCluster {
  metadata.name = "checked"
  spec {
    postgresVersion = 17
    instances = [{ name = "main" }]
    parameters = pg.PostgresClusterSpecParameters { max_connections = 100, "log-min-duration" = "1s" }
  }
}
)");
  DriverRun checked = drive({"build", "--diagnostics=compact", "all.cairn"});
  EXPECT_EQ(checked.exit, 0) << checked.err;
  EXPECT_NE(checked.out.find("kind: ScaledObject\n"), std::string::npos);
  EXPECT_NE(checked.out.find("apiVersion: db.example.com/v1alpha1\n"), std::string::npos);
}

TEST_F(ImportCrdTest, KindsIndexIsKeptAcrossRuns) {
  fs::path corpus = kSourceDir / "tests/corpus/crds";
  ASSERT_EQ(drive({"import", "crd", (corpus / "cert-manager.crds.yaml").string(), "-o", "crds"}).exit, 0);
  DriverRun second = drive({"import", "crd", (corpus / "keda.sh_scaledobjects.yaml").string(), "-o", "crds"});
  ASSERT_EQ(second.exit, 0) << second.err;
  EXPECT_EQ(second.out, "wrote crds/keda.sh/v1alpha1.cairn: ScaledObject\nwrote crds/kinds.json\n");
  std::string index = read("crds/kinds.json");
  EXPECT_NE(index.find(R"({"apiVersion":"cert-manager.io/v1","kind":"Certificate","module":"cert-manager.io/v1","schema":"Certificate"})"),
            std::string::npos)
      << index;
  EXPECT_NE(index.find(R"({"apiVersion":"keda.sh/v1alpha1","kind":"ScaledObject","module":"keda.sh/v1alpha1","schema":"ScaledObject"})"),
            std::string::npos)
      << index;
}

TEST_F(ImportCrdTest, StandardInputIsAnInput) {
  std::ifstream in(kSourceDir / "tests/corpus/crds/keda.sh_scaledobjects.yaml");
  std::stringstream text;
  text << in.rdbuf();
  DriverRun r = drive({"import", "crd", "-", "-o", "out"}, text.str());
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_NE(read("out/keda.sh/v1alpha1.cairn").find("// Generated by `cairn import crd` from <stdin>."),
            std::string::npos);
}

TEST_F(ImportCrdTest, NothingIsWrittenWhenAnInputHasErrors) {
  write("bad.yaml", "apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\n");
  DriverRun r = drive({"import", "crd", (kSourceDir / "tests/corpus/crds").string(), "bad.yaml", "-o", "out"});
  EXPECT_EQ(r.exit, 1);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("bad.yaml:1:13"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(ImportCrdTest, OutputProblemsExitThree) {
  write("out", "a file where the directory should be");
  DriverRun r = drive({"import", "crd", (kSourceDir / "tests/corpus/crds/keda.sh_scaledobjects.yaml").string(), "-o", "out"});
  EXPECT_EQ(r.exit, 3);
  EXPECT_NE(r.err.find("error[E0603]: cannot write `out`: it exists and is not a directory"), std::string::npos) << r.err;
  write("dir/kinds.json", "{not json");
  r = drive({"import", "crd", (kSourceDir / "tests/corpus/crds/keda.sh_scaledobjects.yaml").string(), "-o", "dir"});
  EXPECT_EQ(r.exit, 3);
  EXPECT_NE(r.err.find("cannot write `dir/kinds.json`: the existing index cannot be updated: it is not valid JSON"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "dir/keda.sh"));
}

} // namespace
} // namespace cairn::cli
