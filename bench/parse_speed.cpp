// cairn_parse_speed: how fast the grammar parses Cairn sources, through the
// real parseModule path (lexer, parser, AST builder). Run by the benchmark
// suite in bench/; see --help.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "frontend/parse.h"

namespace {

constexpr const char *kUsage = R"(usage: cairn_parse_speed [--runs N] [--profile] FILE|DIR...

Parses the files (every *.cairn under a directory) with the compiler's own
parseModule: lexer, parser and AST builder. The first pass is reported on its
own: ANTLR builds its prediction (DFA) cache during the first parse in a
process. Then N more passes (default 10) are timed and the median is shown,
with the time split between lexer, parser, AST builder and the freeing of the
tokens and parse tree. Times are CPU time of the parsing thread (on a quiet
machine the same as wall time; on a busy one far steadier), and MB/s is
10^6 bytes of source per CPU second.

  --runs N     timed passes after the first one (default 10)
  --profile    one more pass with ANTLR's decision profiler in full LL mode:
               per decision (with its rule) the invocations, prediction time,
               lookahead, and LL fallbacks, i.e. predictions that SLL alone
               could not decide. A grammar that is SLL-clean has none.
               (Times in full LL mode with the profiler's bookkeeping compare
               only with each other; the compiler parses in SLL mode.)
  --help       this text

The last lines are for scripts, one `KEY VALUE` each:
  MBps V           median throughput of the timed passes, in MB/s
  MBps_first V     throughput of the first pass (cold DFA cache)
  lex_share V      fraction of the median pass spent lexing (parse_share and
                   build_share likewise: parser, AST builder; the rest is freeing)
  ll_reparses N    files whose SLL stage failed and were parsed again with LL
                   (a syntax error, or a grammar that is not SLL-clean)
  ll_fallbacks N   with --profile: predictions that needed full LL
)";

struct Options {
  int runs = 10;
  bool profile = false;
  std::vector<std::string> paths;
};

[[noreturn]] void usageError(const std::string &message) {
  std::fprintf(stderr, "cairn_parse_speed: %s\n(see --help)\n", message.c_str());
  std::exit(2);
}

Options parseOptions(int argc, char **argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    } else if (arg == "--profile") {
      options.profile = true;
    } else if (arg == "--runs") {
      if (i + 1 >= argc)
        usageError("--runs needs a number");
      options.runs = std::atoi(argv[++i]);
      if (options.runs < 1)
        usageError("--runs must be at least 1");
    } else if (!arg.empty() && arg[0] == '-') {
      usageError("unknown option " + arg);
    } else {
      options.paths.push_back(arg);
    }
  }
  if (options.paths.empty())
    usageError("no files given");
  return options;
}

std::vector<std::string> cairnFiles(const std::vector<std::string> &paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string &path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<std::string> found;
      for (const auto &entry : fs::recursive_directory_iterator(path))
        if (entry.is_regular_file() && entry.path().extension() == ".cairn")
          found.push_back(entry.path().string());
      std::sort(found.begin(), found.end()); // a stable order from run to run
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(path, error)) {
      files.push_back(path);
    } else {
      usageError("cannot read " + path);
    }
  }
  return files;
}

struct Pass {
  double total = 0, lex = 0, parse = 0, build = 0;
  size_t tokens = 0, reparses = 0, errors = 0;
  std::map<size_t, cairn::ParseDecisionProfile> decisions;
};

void addDecisions(Pass &pass, const std::vector<cairn::ParseDecisionProfile> &decisions) {
  for (const cairn::ParseDecisionProfile &d : decisions) {
    cairn::ParseDecisionProfile &sum = pass.decisions[d.decision];
    sum.decision = d.decision;
    sum.rule = d.rule;
    sum.invocations += d.invocations;
    sum.timeNs += d.timeNs;
    sum.sllLookahead += d.sllLookahead;
    sum.llFallbacks += d.llFallbacks;
    sum.llLookahead += d.llLookahead;
    sum.ambiguities += d.ambiguities;
  }
}

// CPU time of this thread: a busy machine distorts it far less than wall time.
double cpuSeconds() {
  timespec time{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
  return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_nsec) * 1e-9;
}

Pass parseAll(const cairn::SourceManager &sources, const std::vector<cairn::FileId> &files, bool profile) {
  Pass pass;
  for (cairn::FileId file : files) {
    cairn::DiagnosticSink diags;
    cairn::ParseMeasurement m;
    m.profile = profile;
    double start = cpuSeconds();
    {
      cairn::ast::Module module = cairn::parseModule(sources, file, diags, m);
    }
    pass.total += cpuSeconds() - start;
    pass.lex += m.lexSeconds;
    pass.parse += m.parseSeconds;
    pass.build += m.buildSeconds;
    pass.tokens += m.tokens;
    pass.reparses += m.reparsedWithLL ? 1 : 0;
    pass.errors += diags.errorCount();
    addDecisions(pass, m.decisions);
  }
  return pass;
}

double megabytesPerSecond(size_t bytes, double seconds) { return seconds > 0 ? bytes / seconds / 1e6 : 0; }

long long printProfile(const Pass &pass) {
  std::vector<cairn::ParseDecisionProfile> decisions;
  long long invocations = 0, fallbacks = 0, timeNs = 0;
  for (const auto &[number, d] : pass.decisions) {
    decisions.push_back(d);
    invocations += d.invocations;
    fallbacks += d.llFallbacks;
    timeNs += d.timeNs;
  }
  fmt::print("\nprofile (full LL mode): {} decisions used, {} predictions, {} LL fallbacks, {:.1f} ms predicting\n",
             decisions.size(), invocations, fallbacks, timeNs / 1e6);
  std::sort(decisions.begin(), decisions.end(),
            [](const auto &a, const auto &b) { return a.timeNs > b.timeNs; });
  fmt::print("{:>8} {:<18} {:>10} {:>9} {:>9} {:>10} {:>9} {:>6}\n", "decision", "rule", "calls", "time ms",
             "SLL look", "LL fallbk", "LL look", "ambig");
  for (size_t i = 0; i < decisions.size(); ++i) {
    const auto &d = decisions[i];
    if (i >= 15 && d.llFallbacks == 0)
      continue; // the 15 costliest, and every one that needed LL
    fmt::print("{:>8} {:<18} {:>10} {:>9.2f} {:>9} {:>10} {:>9} {:>6}\n", d.decision, d.rule, d.invocations,
               d.timeNs / 1e6, d.sllLookahead, d.llFallbacks, d.llLookahead, d.ambiguities);
  }
  return fallbacks;
}

} // namespace

int main(int argc, char **argv) {
  Options options = parseOptions(argc, argv);
  cairn::SourceManager sources;
  std::vector<cairn::FileId> files;
  size_t bytes = 0, lines = 0;
  for (const std::string &path : cairnFiles(options.paths)) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string content = text.str();
    bytes += content.size();
    lines += std::count(content.begin(), content.end(), '\n');
    files.push_back(sources.add(path, std::move(content)));
  }

  Pass first = parseAll(sources, files, false);
  std::vector<Pass> passes;
  for (int i = 0; i < options.runs; ++i)
    passes.push_back(parseAll(sources, files, false));
  std::sort(passes.begin(), passes.end(), [](const Pass &a, const Pass &b) { return a.total < b.total; });
  const Pass &median = passes[passes.size() / 2];

  fmt::print("{} files, {} bytes, {} lines, {} tokens\n", files.size(), bytes, lines, first.tokens);
  if (first.errors > 0)
    fmt::print("warning: {} syntax or lexical errors: error recovery is part of these figures\n", first.errors);
  fmt::print("first pass:  {:8.2f} ms  {:7.2f} MB/s\n", first.total * 1e3, megabytesPerSecond(bytes, first.total));
  fmt::print("median of {}: {:8.2f} ms  {:7.2f} MB/s  (lexer {:.2f} ms, parser {:.2f} ms, AST builder {:.2f} ms, "
             "freeing the tokens and parse tree {:.2f} ms)\n",
             options.runs, median.total * 1e3, megabytesPerSecond(bytes, median.total), median.lex * 1e3,
             median.parse * 1e3, median.build * 1e3, (median.total - median.lex - median.parse - median.build) * 1e3);
  long long fallbacks = options.profile ? printProfile(parseAll(sources, files, true)) : -1;
  fmt::print("MBps {:.2f}\nMBps_first {:.2f}\n", megabytesPerSecond(bytes, median.total),
             megabytesPerSecond(bytes, first.total));
  fmt::print("lex_share {:.3f}\nparse_share {:.3f}\nbuild_share {:.3f}\n", median.lex / median.total,
             median.parse / median.total, median.build / median.total);
  fmt::print("ll_reparses {}\n", first.reparses);
  if (fallbacks >= 0)
    fmt::print("ll_fallbacks {}\n", fallbacks);
  return 0;
}
