// Atomic output: files and directory trees replace earlier output only when
// everything succeeded, and never clobber what cairn did not write.
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backends/output_writer.h"
#include "value_builder.h"

namespace cairn::backends {
namespace {

namespace fs = std::filesystem;
using testing::ValueBuilder;

class OutputWriterTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "cairn-output-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(root, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(root, ec);
  }
  static std::string read(const fs::path &path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static void write(const fs::path &path, const std::string &text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  // Every entry under `dir`, relative, sorted: what a user would see.
  static std::vector<std::string> tree(const fs::path &dir) {
    std::vector<std::string> entries;
    for (const auto &entry : fs::recursive_directory_iterator(dir))
      entries.push_back(fs::relative(entry.path(), dir).string());
    std::sort(entries.begin(), entries.end());
    return entries;
  }
  eval::Value doc(const char *name, const char *ns = "prod") {
    return b.map({{"apiVersion", b.str("v1")}, {"kind", b.str("ConfigMap")},
                  {"metadata", b.map({{"name", b.str(name)}, {"namespace", b.str(ns)}})}});
  }
  bool emit(const char *format, llvm::ArrayRef<eval::Value> docs, const fs::path &path) {
    OutputTarget target{path, path.filename().string()};
    std::ostringstream stdoutStream;
    return emitDocuments(*createEmitter(format), docs, target, stdoutStream, diags);
  }

  fs::path root;
  ValueBuilder b;
  DiagnosticSink diags;
};

TEST_F(OutputWriterTest, FileIsReplacedAndNoTemporaryIsLeft) {
  fs::path out = root / "out.yaml";
  write(out, "old\n");
  ::chmod(out.c_str(), 0640);
  ASSERT_TRUE(emit("yaml", {doc("a")}, out));
  EXPECT_EQ(read(out), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: prod\n");
  EXPECT_EQ(tree(root), std::vector<std::string>{"out.yaml"});
  struct stat st;
  ASSERT_EQ(::stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u) << "an existing file keeps its permissions";
}

TEST_F(OutputWriterTest, ALinkKeepsPointingAtTheFileItNames) {
  fs::path real = root / "real.yaml", link = root / "out.yaml";
  write(real, "old\n");
  fs::create_symlink(real, link);
  ASSERT_TRUE(emit("yaml", {doc("a")}, link));
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(read(real), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: prod\n");
}

TEST_F(OutputWriterTest, APipeIsWrittenInPlaceNotReplaced) {
  // `-o /dev/stdout`, `-o /dev/null`, a named pipe: renaming a temporary
  // file over it would replace the device (or pipe) itself.
  fs::path pipe = root / "pipe";
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = read(pipe); });
  bool ok = emit("yaml", {doc("a")}, pipe);
  reader.join();
  EXPECT_TRUE(ok);
  EXPECT_EQ(received, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: prod\n");
  struct stat st;
  ASSERT_EQ(::lstat(pipe.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  EXPECT_EQ(tree(root), std::vector<std::string>{"pipe"});
}

TEST_F(OutputWriterTest, MissingParentDirectoriesAreCreated) {
  fs::path out = root / "a" / "b" / "out.json";
  ASSERT_TRUE(emit("json", {doc("a")}, out));
  EXPECT_TRUE(fs::exists(out));
}

TEST_F(OutputWriterTest, FailedRenderLeavesEarlierOutputUntouched) {
  fs::path out = root / "out.yaml";
  write(out, "old\n");
  EXPECT_FALSE(emit("yaml", {doc("a"), b.integer(3)}, out));
  EXPECT_EQ(read(out), "old\n");
  EXPECT_EQ(diags.diagnostics().back().kind, DiagKind::OutputNotObject);
}

TEST_F(OutputWriterTest, StandardOutputGetsNothingWhenRenderingFails) {
  std::ostringstream stdoutStream;
  OutputTarget toStdout;
  EXPECT_FALSE(emitDocuments(*createEmitter("yaml"), {doc("a"), b.function()}, toStdout, stdoutStream, diags));
  EXPECT_EQ(stdoutStream.str(), "");
  EXPECT_TRUE(emitDocuments(*createEmitter("yaml"), {doc("a")}, toStdout, stdoutStream, diags));
  EXPECT_EQ(stdoutStream.str(), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: prod\n");
}

TEST_F(OutputWriterTest, UnwritableLocationIsE0603AndKeepsTheOldFile) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "root ignores directory permissions";
  fs::path out = root / "locked" / "out.yaml";
  write(out, "old\n");
  fs::permissions(root / "locked", fs::perms::owner_read | fs::perms::owner_exec);
  EXPECT_FALSE(emit("yaml", {doc("a")}, out));
  fs::permissions(root / "locked", fs::perms::owner_all);
  EXPECT_EQ(read(out), "old\n");
  ASSERT_EQ(diags.diagnostics().size(), 1u);
  EXPECT_EQ(diags.diagnostics()[0].message, "cannot write `out.yaml`: Permission denied");
  EXPECT_EQ(diags.diagnostics()[0].notes, std::vector<std::string>{"nothing was written; any earlier output is unchanged"});
}

TEST_F(OutputWriterTest, ParentThatIsAFileIsE0603) {
  write(root / "file", "x");
  EXPECT_FALSE(emit("yaml", {doc("a")}, root / "file" / "out.yaml"));
  ASSERT_EQ(diags.diagnostics().size(), 1u);
  EXPECT_EQ(diags.diagnostics()[0].kind, DiagKind::OutputWriteFailed);
  EXPECT_EQ(diags.diagnostics()[0].message.rfind("cannot write `out.yaml`: ", 0), 0u);
  EXPECT_EQ(read(root / "file"), "x");
}

TEST_F(OutputWriterTest, WritingOverADirectoryWithAFileFormatIsE0603) {
  fs::create_directories(root / "out");
  EXPECT_FALSE(emit("yaml", {doc("a")}, root / "out"));
  EXPECT_EQ(diags.diagnostics()[0].message, "cannot write `out`: it is a directory");
}

TEST_F(OutputWriterTest, DirectoryTreeIsWrittenWithAMarker) {
  fs::path out = root / "manifests";
  ASSERT_TRUE(emit("dir", {doc("a"), doc("b", "dev")}, out));
  EXPECT_EQ(tree(out), (std::vector<std::string>{".cairn-output", "dev", "dev/configmap-b.yaml", "prod",
                                                 "prod/configmap-a.yaml"}));
  EXPECT_EQ(read(out / "dev/configmap-b.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: dev\n");
  EXPECT_EQ(tree(root), (std::vector<std::string>{"manifests", "manifests/.cairn-output", "manifests/dev",
                                                  "manifests/dev/configmap-b.yaml", "manifests/prod",
                                                  "manifests/prod/configmap-a.yaml"}))
      << "no temporary directory is left beside the output";
}

TEST_F(OutputWriterTest, DirectoryIsSwappedAsAWholeOnRebuild) {
  fs::path out = root / "manifests/";
  ASSERT_TRUE(emit("dir", {doc("a"), doc("old")}, out));
  ASSERT_TRUE(emit("dir", {doc("a")}, out));
  EXPECT_EQ(tree(root / "manifests"), (std::vector<std::string>{".cairn-output", "prod", "prod/configmap-a.yaml"}))
      << "files of objects no longer emitted disappear";
  EXPECT_EQ(tree(root).size(), 4u);
}

TEST_F(OutputWriterTest, FailedDirectoryBuildLeavesTheOldTree) {
  fs::path out = root / "manifests";
  ASSERT_TRUE(emit("dir", {doc("a")}, out));
  EXPECT_FALSE(emit("dir", {doc("b"), doc("b")}, out)); // E0604
  EXPECT_EQ(tree(out), (std::vector<std::string>{".cairn-output", "prod", "prod/configmap-a.yaml"}));
}

TEST_F(OutputWriterTest, ADirectoryCairnDidNotWriteIsNeverReplaced) {
  fs::path out = root / "src";
  write(out / "app.cairn", "emit x\n");
  EXPECT_FALSE(emit("dir", {doc("a")}, out));
  EXPECT_EQ(tree(out), std::vector<std::string>{"app.cairn"});
  EXPECT_EQ(diags.diagnostics()[0].message,
            "cannot write `src`: the directory exists and was not written by cairn (it has no `.cairn-output` "
            "file); remove it or choose another directory");
}

TEST_F(OutputWriterTest, AnEmptyDirectoryMayBeUsed) {
  fs::create_directories(root / "empty");
  ASSERT_TRUE(emit("dir", {doc("a")}, root / "empty"));
  EXPECT_TRUE(fs::exists(root / "empty/prod/configmap-a.yaml"));
}

TEST_F(OutputWriterTest, DirFormatNeedsAPath) {
  std::ostringstream stdoutStream;
  EXPECT_FALSE(emitDocuments(*createEmitter("dir"), {doc("a")}, OutputTarget{}, stdoutStream, diags));
  EXPECT_EQ(diags.diagnostics()[0].message,
            "cannot write `standard output`: the `dir` format writes a directory; name it with `-o DIR`");
}

TEST_F(OutputWriterTest, OutputOverTheLimitIsE0605) {
  OutputTarget target{root / "out.yaml", "out.yaml", 10};
  std::ostringstream stdoutStream;
  EXPECT_FALSE(emitDocuments(*createEmitter("yaml"), {doc("a")}, target, stdoutStream, diags));
  EXPECT_EQ(diags.diagnostics()[0].message, "output is larger than the limit of 10 bytes");
  EXPECT_FALSE(fs::exists(root / "out.yaml"));
}

} // namespace
} // namespace cairn::backends
