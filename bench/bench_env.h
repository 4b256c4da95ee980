// Settings of the bench programs, read from the environment so that scripts/bench.sh (full run)
// and the bench-smoke ctest (tiny sizes) run the same binaries. Google Benchmark keeps its own
// --benchmark_* flags.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace anju::bench {

inline int envInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::atoi(value) : fallback;
}

inline std::string envString(const char* name, const std::string& fallback = "") {
  const char* value = std::getenv(name);
  return value && *value ? std::string(value) : fallback;
}

/// Where a bench program puts its databases: ANJU_BENCH_DIR, else a fresh folder under /tmp.
/// On the same file system as the build, so fsync costs what it costs there.
inline std::filesystem::path workDir(const std::string& program) {
  std::filesystem::path dir = envString("ANJU_BENCH_DIR", "/tmp/" + program + "-work");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace anju::bench
