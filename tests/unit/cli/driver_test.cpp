// The driver as a function: exit codes and the text of help, version and
// usage errors, without a process.
#include <sstream>

#include <gtest/gtest.h>

#include "cli/driver.h"

namespace cairn::cli {
namespace {

struct DriverRun {
  int exit = -1;
  std::string out, err;
};

DriverRun drive(const std::vector<std::string> &args) {
  std::ostringstream out, err;
  DriverIO io;
  io.workingDir = std::filesystem::temp_directory_path();
  io.out = &out;
  io.err = &err;
  io.readStdin = [](uint64_t) { return std::string(); };
  DriverRun r;
  r.exit = runDriver(args, io);
  r.out = out.str();
  r.err = err.str();
  return r;
}

TEST(Driver, VersionPrintsTheProjectVersion) {
  DriverRun r = drive({"version"});
  EXPECT_EQ(r.exit, kExitOk);
  EXPECT_EQ(r.out.rfind("cairn ", 0), 0u) << r.out;
  EXPECT_EQ(drive({"--version"}).out, r.out);
  EXPECT_TRUE(r.err.empty());
}

TEST(Driver, HelpListsCommandsAndExitCodes) {
  DriverRun r = drive({"--help"});
  EXPECT_EQ(r.exit, kExitOk);
  for (const char *word : {"build", "check", "eval", "version", "Exit codes", "internal error"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
}

TEST(Driver, EveryCommandHasHelp) {
  for (const char *cmd : {"build", "check", "eval"}) {
    DriverRun r = drive({cmd, "--help"});
    EXPECT_EQ(r.exit, kExitOk) << cmd;
    EXPECT_EQ(r.out.rfind(std::string("Usage: cairn ") + cmd, 0), 0u) << r.out;
    EXPECT_NE(r.out.find("Exit codes"), std::string::npos) << cmd;
    EXPECT_EQ(drive({"help", cmd}).out, r.out);
  }
}

TEST(Driver, UsageErrorExitsTwoWithAHintToHelp) {
  DriverRun r = drive({"build", "x.cairn", "--fromat=json"});
  EXPECT_EQ(r.exit, kExitUsage);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(r.err, "cairn: error: unknown flag `--fromat`\n"
                   "  hint: did you mean `--format`?\n"
                   "Run `cairn build --help` for usage.\n");
}

TEST(Driver, NoArgumentsIsAUsageError) {
  DriverRun r = drive({});
  EXPECT_EQ(r.exit, kExitUsage);
  EXPECT_EQ(r.err, "cairn: error: missing command\nRun `cairn --help` for usage.\n");
}

TEST(Driver, ExceptionBecomesInternalErrorExitFour) {
  std::ostringstream out, err;
  DriverIO io;
  io.workingDir = std::filesystem::temp_directory_path();
  io.out = &out;
  io.err = &err;
  io.readStdin = [](uint64_t) -> std::string { throw std::runtime_error("stdin exploded"); };
  EXPECT_EQ(runDriver({"build", "-"}, io), kExitInternal);
  EXPECT_TRUE(out.str().empty());
  EXPECT_NE(err.str().find("cairn: internal error: stdin exploded"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("This is a bug in cairn"), std::string::npos);
}

// A stream that fails every write, like a closed standard output.
struct FailingOutput {
  std::ostringstream stream;
  FailingOutput() { stream.setstate(std::ios::badbit); }
};

TEST(Driver, UnwritableStdoutExitsThree) {
  FailingOutput failing;
  std::ostringstream err;
  DriverIO io;
  io.workingDir = std::filesystem::temp_directory_path();
  io.out = &failing.stream;
  io.err = &err;
  EXPECT_EQ(runDriver({"version"}, io), kExitOutputFailed);
  EXPECT_EQ(err.str(), "cairn: error: cannot write to standard output\n");
}

TEST(Driver, BuildToUnwritableStdoutExitsThree) {
  FailingOutput failing;
  std::ostringstream err;
  DriverIO io;
  io.workingDir = std::filesystem::temp_directory_path();
  io.out = &failing.stream;
  io.err = &err;
  io.readStdin = [](uint64_t) { return std::string("emit { apiVersion = \"v1\", kind = \"ConfigMap\", metadata.name = \"x\" }\n"); };
  EXPECT_EQ(runDriver({"build", "--diagnostics=compact", "-"}, io), kExitOutputFailed);
  EXPECT_NE(err.str().find("E0603"), std::string::npos) << err.str();
}

TEST(Driver, StdinIsReadOnlyWhenAsked) {
  std::ostringstream out, err;
  DriverIO io;
  io.workingDir = std::filesystem::temp_directory_path();
  io.out = &out;
  io.err = &err;
  int reads = 0;
  io.readStdin = [&reads](uint64_t) {
    ++reads;
    return std::string("let answer = 42\n");
  };
  EXPECT_EQ(runDriver({"eval", "-", "-e", "answer"}, io), kExitOk);
  EXPECT_EQ(out.str(), "42\n");
  EXPECT_EQ(reads, 1);
  EXPECT_EQ(runDriver({"version"}, io), kExitOk);
  EXPECT_EQ(reads, 1);
}

} // namespace
} // namespace cairn::cli
