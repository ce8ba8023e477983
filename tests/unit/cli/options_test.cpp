// Command-line parsing: what each command accepts, and the usage errors
// (exit code 2) for everything it does not.
#include <gtest/gtest.h>

#include "cli/options.h"

namespace cairn::cli {
namespace {

Options parseOk(const std::vector<std::string> &args) {
  ParseResult r = parseCommandLine(args);
  if (auto *e = std::get_if<UsageError>(&r)) {
    ADD_FAILURE() << "unexpected usage error: " << e->message;
    return {};
  }
  return std::get<Options>(r);
}

UsageError parseError(const std::vector<std::string> &args) {
  ParseResult r = parseCommandLine(args);
  if (auto *e = std::get_if<UsageError>(&r))
    return *e;
  ADD_FAILURE() << "expected a usage error";
  return {};
}

TEST(Options, BuildWithEveryFlag) {
  Options o = parseOk({"build", "a.cairn", "b.cairn", "-o", "out.yaml", "--format", "json", "-p",
                       "env=prod", "--param=replicas=3", "--values", "v.yaml", "--diagnostics",
                       "compact", "--root", "proj"});
  EXPECT_EQ(o.command, Command::Build);
  EXPECT_EQ(o.inputs, (std::vector<std::string>{"a.cairn", "b.cairn"}));
  EXPECT_EQ(o.outputPath, "out.yaml");
  EXPECT_EQ(o.format, "json");
  ASSERT_EQ(o.params.size(), 2u);
  EXPECT_EQ(o.params[0].name, "env");
  EXPECT_EQ(o.params[0].text, "prod");
  EXPECT_EQ(o.params[1].name, "replicas");
  EXPECT_EQ(o.params[1].text, "3");
  EXPECT_EQ(o.valuesFiles, std::vector<std::string>{"v.yaml"});
  EXPECT_EQ(o.diagnostics, DiagFormat::Compact);
  EXPECT_EQ(o.root, "proj");
}

TEST(Options, DefaultsAreYamlAndHumanDiagnostics) {
  Options o = parseOk({"build", "main.cairn"});
  EXPECT_EQ(o.format, "yaml");
  EXPECT_EQ(o.diagnostics, DiagFormat::Human);
  EXPECT_FALSE(o.outputPath);
  EXPECT_FALSE(o.root);
}

TEST(Options, ParamValueKeepsEverythingAfterTheFirstEquals) {
  Options o = parseOk({"build", "m.cairn", "-p", "url=http://x?a=b", "-p", "empty="});
  ASSERT_EQ(o.params.size(), 2u);
  EXPECT_EQ(o.params[0].text, "http://x?a=b");
  EXPECT_EQ(o.params[1].name, "empty");
  EXPECT_EQ(o.params[1].text, "");
}

TEST(Options, ShortFlagsTakeAttachedValues) {
  Options o = parseOk({"build", "m.cairn", "-penv=dev", "-oout.json"});
  ASSERT_EQ(o.params.size(), 1u);
  EXPECT_EQ(o.params[0].name, "env");
  EXPECT_EQ(o.outputPath, "out.json");
}

TEST(Options, DashIsStandardInput) {
  Options o = parseOk({"check", "-"});
  EXPECT_EQ(o.inputs, std::vector<std::string>{"-"});
}

TEST(Options, OutputDashIsStandardOutput) {
  EXPECT_FALSE(parseOk({"build", "m.cairn", "-o", "out.yaml", "-o", "-"}).outputPath);
}

TEST(Options, DoubleDashEndsFlags) {
  Options o = parseOk({"build", "--", "-weird.cairn"});
  EXPECT_EQ(o.inputs, std::vector<std::string>{"-weird.cairn"});
}

TEST(Options, EvalWithExpression) {
  Options o = parseOk({"eval", "app.cairn", "-e", "services[0].port", "--format=json"});
  EXPECT_EQ(o.command, Command::Eval);
  EXPECT_EQ(o.expression, "services[0].port");
  EXPECT_EQ(o.format, "json");
}

TEST(Options, HelpFlagOnEveryCommandSkipsArgumentChecks) {
  for (const char *cmd : {"build", "check", "eval", "version", "help"}) {
    Options o = parseOk({cmd, "--help"});
    EXPECT_TRUE(o.showHelp) << cmd;
    EXPECT_EQ(commandName(o.command), std::string(cmd));
  }
  EXPECT_TRUE(parseOk({"build", "-h"}).showHelp);
}

TEST(Options, TopLevelHelpAndVersion) {
  EXPECT_EQ(parseOk({"--help"}).command, Command::Help);
  EXPECT_EQ(parseOk({"-h"}).command, Command::Help);
  EXPECT_EQ(parseOk({"--version"}).command, Command::Version);
  Options o = parseOk({"help", "eval"});
  EXPECT_EQ(o.helpTopic, "eval");
  EXPECT_TRUE(o.inputs.empty());
}

TEST(Options, MissingCommand) {
  UsageError e = parseError({});
  EXPECT_EQ(e.message, "missing command");
  EXPECT_EQ(e.command, "");
}

TEST(Options, UnknownCommandSuggestsTheClosest) {
  UsageError e = parseError({"bild", "x.cairn"});
  EXPECT_EQ(e.message, "unknown command `bild`");
  EXPECT_EQ(e.hint, "did you mean `build`?");
  EXPECT_EQ(parseError({"help", "frobnicate"}).message, "unknown command `frobnicate`");
}

TEST(Options, UnknownFlagSuggestsTheClosest) {
  UsageError e = parseError({"build", "x.cairn", "--fromat", "json"});
  EXPECT_EQ(e.message, "unknown flag `--fromat`");
  EXPECT_EQ(e.hint, "did you mean `--format`?");
  EXPECT_EQ(e.command, "build");
  EXPECT_EQ(parseError({"build", "x.cairn", "-z"}).message, "unknown flag `-z`");
}

TEST(Options, FlagNotAcceptedByCommand) {
  EXPECT_EQ(parseError({"check", "x.cairn", "-o", "out"}).message, "`check` does not accept `-o`");
  EXPECT_EQ(parseError({"build", "x.cairn", "-e", "1"}).message, "`build` does not accept `-e`");
}

TEST(Options, FlagWithoutValue) {
  EXPECT_EQ(parseError({"build", "x.cairn", "-o"}).message, "`-o/--output` needs a value");
  EXPECT_EQ(parseError({"build", "x.cairn", "--values"}).message, "`--values` needs a value");
}

TEST(Options, ValuelessFlagGivenAValue) {
  EXPECT_EQ(parseError({"build", "x.cairn", "--help=yes"}).message, "`--help` does not take a value");
}

TEST(Options, BadParamSyntax) {
  EXPECT_EQ(parseError({"build", "x.cairn", "-p", "env"}).message, "`-p env` needs the form `name=value`");
  EXPECT_EQ(parseError({"build", "x.cairn", "-p", "=prod"}).message,
            "`-p =prod` has no parameter name before `=`");
}

TEST(Options, BadDiagnosticsFormat) {
  EXPECT_EQ(parseError({"check", "x.cairn", "--diagnostics", "xml"}).message,
            "unknown diagnostics format `xml`; expected `human`, `compact` or `json`");
}

TEST(Options, EvalFormatIsYamlOrJson) {
  EXPECT_EQ(parseError({"eval", "x.cairn", "--format", "dir"}).message,
            "unknown format `dir` for `eval`; expected `yaml` or `json`");
}

TEST(Options, InputCounts) {
  EXPECT_EQ(parseError({"build"}).message,
            "`build` needs at least one input file (`-` for standard input)");
  EXPECT_EQ(parseError({"eval"}).message, "`eval` needs an input file (`-` for standard input)");
  EXPECT_EQ(parseError({"eval", "a.cairn", "b.cairn"}).message, "`eval` takes exactly one input file");
  EXPECT_EQ(parseError({"version", "extra"}).message, "`version` takes no arguments, found `extra`");
}

TEST(Options, StandardInputOnlyOnce) {
  EXPECT_EQ(parseError({"build", "-", "--values", "-"}).message,
            "standard input (`-`) can be read only once");
}

TEST(Options, FlagBeforeCommand) {
  EXPECT_EQ(parseError({"-o", "x", "build"}).message,
            "unknown flag `-o`; flags come after the command");
}

TEST(Options, FmtTakesFilesAndCheckOrWrite) {
  Options o = parseOk({"fmt", "--check", "a.cairn", "dir"});
  EXPECT_EQ(o.command, Command::Fmt);
  EXPECT_TRUE(o.fmtCheck);
  EXPECT_EQ(o.inputs, (std::vector<std::string>{"a.cairn", "dir"}));
  EXPECT_TRUE(parseOk({"fmt", "-w", "a.cairn"}).fmtWrite);
  EXPECT_EQ(parseError({"fmt"}).message, "`fmt` needs at least one file or directory (`-` for standard input)");
  EXPECT_NE(parseError({"fmt", "--check", "-w", "a.cairn"}).message.find("cannot be combined"), std::string::npos);
  EXPECT_EQ(parseError({"fmt", "-p", "x=1", "a.cairn"}).message, "`fmt` does not accept `-p`");
}

TEST(Options, LspAcceptsWhatClientsPass) {
  Options o = parseOk({"lsp", "--stdio", "--clientProcessId=4242"});
  EXPECT_EQ(o.command, Command::Lsp);
  EXPECT_EQ(o.clientProcessId, 4242);
  EXPECT_NE(parseError({"lsp", "main.cairn"}).message.find("takes no arguments"), std::string::npos);
  EXPECT_NE(parseError({"lsp", "--clientProcessId", "abc"}).message.find("process id"), std::string::npos);
}

} // namespace
} // namespace cairn::cli
