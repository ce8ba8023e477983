// `cairn fmt -w`: what it rewrites, and what it must leave alone.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <sstream>

#include "drive.h"

namespace cairn::cli {
namespace {

namespace fs = std::filesystem;

class FmtWriteTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cairn-fmt-write-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const fs::path &path, const std::string &text) {
    fs::create_directories((dir_ / path).parent_path());
    std::ofstream(dir_ / path) << text;
  }
  std::string read(const fs::path &path) {
    std::ifstream in(dir_ / path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path dir_;
};

TEST_F(FmtWriteTest, RewritesChangedFilesOnly) {
  write("a.cairn", "let  a = 1\n");
  write("b.cairn", "let b = 2\n");
  auto before = fs::last_write_time(dir_ / "b.cairn");
  testing::DriverRun r = testing::drive({"fmt", "-w", "."}, dir_);
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(read("a.cairn"), "let a = 1\n");
  EXPECT_EQ(fs::last_write_time(dir_ / "b.cairn"), before) << "an already formatted file is not touched";
}

TEST_F(FmtWriteTest, ASymlinkStaysALinkAndItsTargetIsFormatted) {
  write("shared/common.cairn", "let  x = 1\n");
  fs::create_directories(dir_ / "app");
  fs::create_symlink("../shared/common.cairn", dir_ / "app/common.cairn");
  testing::DriverRun r = testing::drive({"fmt", "-w", "app/common.cairn"}, dir_);
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "app/common.cairn"));
  EXPECT_EQ(read("shared/common.cairn"), "let x = 1\n");
}

TEST_F(FmtWriteTest, SyntaxErrorsLeaveTheFileAndOtherFilesAreStillFormatted) {
  write("bad.cairn", "let a = \n");
  write("good.cairn", "let  g = 1\n");
  testing::DriverRun r = testing::drive({"fmt", "-w", "bad.cairn", "good.cairn"}, dir_);
  EXPECT_EQ(r.exit, 1);
  EXPECT_EQ(read("bad.cairn"), "let a = \n");
  EXPECT_EQ(read("good.cairn"), "let g = 1\n");
  EXPECT_NE(r.err.find("bad.cairn:1:8"), std::string::npos) << r.err;
}

} // namespace
} // namespace cairn::cli
