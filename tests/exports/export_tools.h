// Test support: running the command-line tools the export tests check files with, bounded in
// time, and reading/writing whole files.
#pragma once

#include <string>

namespace anju::server::testing {

struct ToolRun {
  int exitCode = -1;
  std::string out;  // stdout and stderr together
};

/// "" when `tool` is on PATH, else a failure message naming the Debian package to install.
std::string missingTool(const std::string& tool, const std::string& debianPackage);
/// Runs a shell command line under `timeout`, capturing its output.
ToolRun runTool(const std::string& commandLine, int timeoutSeconds = 180);
/// Single-quotes `s` for the shell.
std::string shellQuote(const std::string& s);

std::string readFile(const std::string& path);
void writeFile(const std::string& path, const std::string& bytes);

}  // namespace anju::server::testing
