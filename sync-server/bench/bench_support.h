// Shared by the export benchmarks: generated records written as the server stores them, and
// child processes — each measured run happens in a fresh one (the benchmark re-executes
// itself), so getrusage's ru_maxrss is that run's own peak memory.
#pragma once

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "anju/hlc.h"
#include "anju/record_codec.h"
#include "storage/server_storage.h"

extern char** environ;

namespace anju::bench {

/// `record` (of the house `building` in `region`) as a write of a generated register.
inline server::RecordWrite benchWrite(const AnyRecord& record, const RegionPath& region,
                                      const Uuid& building, HybridLogicalClock& hlc) {
  server::RecordWrite w;
  w.record.kind = recordKind(record);
  w.record.id = recordId(record);
  w.record.region = region;
  w.record.buildingId = w.record.kind == RecordKind::kBuilding ? "" : building;
  if (const auto* photo = std::get_if<PhotoRecord>(&record)) {
    w.record.sha256 = photo->sha256;
    w.record.inspectionId = photo->inspectionId;
  }
  w.record.version = hlc.now();
  w.record.payload = encodeRecord(record);
  w.source = "bench";
  w.writtenAt = systemNowMs();
  return w;
}

/// Peak resident memory of this process so far, in KiB.
inline long maxRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/// Runs this executable again with `args` (args[0] is the program name) and returns what it
/// printed on stdout, or "" when it failed.
inline std::string runChild(const std::vector<std::string>& args) {
  std::vector<std::string> a = args;
  std::vector<char*> argv;
  for (std::string& s : a) argv.push_back(s.data());
  argv.push_back(nullptr);
  int fds[2];
  if (pipe(fds) != 0) return "";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  pid_t pid = -1;
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  if (posix_spawn(&pid, self.c_str(), &actions, nullptr, argv.data(), environ) != 0) return "";
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  std::string out;
  char buffer[512];
  ssize_t n = 0;
  while ((n = read(fds[0], buffer, sizeof buffer)) > 0)
    out.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? out : "";
}

}  // namespace anju::bench
