// Test support: running the real anju-server binary. ServerProcess starts `serve` on
// 127.0.0.1 with port 0, reads the "listening on" line for the port, polls /healthz, and stops
// the server with SIGTERM (waiting for it to exit) when asked or destroyed. runCli runs one
// admin command to completion.
#pragma once

#include <httplib.h>
#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace anju::server::testing {

struct CliResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

/// Runs `anju-server args...`, feeding `input` on stdin; bounded by a 60 s timeout.
CliResult runCli(const std::vector<std::string>& args, const std::string& input = "");

/// A fresh directory under $TMPDIR (or /tmp), removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

class ServerProcess {
 public:
  /// `storageArgs` are added to `serve` (e.g. --postgres CONNINFO); `logName` is the log file
  /// inside the data dir, so several servers can share one data dir.
  explicit ServerProcess(std::string dataDir, std::vector<std::string> storageArgs = {},
                         std::string logName = "server.log")
      : m_dataDir(std::move(dataDir)),
        m_storageArgs(std::move(storageArgs)),
        m_logName(std::move(logName)) {}
  ~ServerProcess() { stop(); }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  /// Starts the server and waits until /healthz answers; false (with a message) on failure.
  bool start(std::string* error);
  /// SIGTERM, then waits up to 20 s (SIGKILL after that). Returns the exit status.
  int stop();
  /// SIGKILL, as a power cut or the OOM killer would: no shutdown code runs. Waits for the exit.
  void killHard();
  int port() const { return m_port; }
  bool running() const { return m_pid > 0; }
  /// Where the server's stderr (its log) goes.
  std::string logPath() const { return m_dataDir + "/" + m_logName; }

 private:
  std::string m_dataDir;
  std::vector<std::string> m_storageArgs;
  std::string m_logName;
  pid_t m_pid = -1;
  int m_port = 0;
};

}  // namespace anju::server::testing
