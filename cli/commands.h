// One function per compiling command; each returns the process exit code.
// Usage errors are found before these run (options.cpp).
#pragma once

#include <string>

#include "cli/driver.h"
#include "cli/options.h"

namespace cairn::cli {

int runBuild(const Options &options, DriverIO &io);
int runCheck(const Options &options, DriverIO &io);
int runEval(const Options &options, DriverIO &io);
int runValidate(const Options &options, DriverIO &io); // cmd_validate.cpp
int runImport(const Options &options, DriverIO &io);   // cmd_import.cpp: dispatches on importSource
int runImportOpenApi(const Options &options, DriverIO &io); // cmd_import_openapi.cpp
int runImportCrd(const Options &options, DriverIO &io);     // cmd_import_crd.cpp
int runImportYaml(const Options &options, DriverIO &io);    // cmd_import_yaml.cpp
int runLint(const Options &options, DriverIO &io);          // cmd_lint.cpp
int runFmt(const Options &options, DriverIO &io);           // cmd_fmt.cpp
int runLsp(const Options &options, DriverIO &io);           // cmd_lsp.cpp

// The usage text of the commands that keep it beside their implementation.
std::string validateUsage();
std::string importUsage();
std::string lintUsage();
std::string fmtUsage();
std::string lspUsage();

} // namespace cairn::cli
