// Test support: a throwaway PostgreSQL cluster on 127.0.0.1 at a free port, in a fresh temp dir
// (initdb, then pg_ctl start). initdb refuses to run as root, so when the tests run as root the
// server runs as the `postgres` system user (via runuser). Every wait is bounded.
//
// One cluster serves a whole test process (PostgresServer::shared()); each test gets its own
// database from createDatabase(). The cluster is stopped and its directory removed at exit; a
// watchdog process does the same if the test process dies without running its exit handlers
// (a crash, SIGKILL from a ctest timeout).
//
// Binaries: $ANJU_PG_BINDIR, else the newest /usr/lib/postgresql/<version>/bin.
// Not thread-safe: tests use it from the main thread.
#pragma once

#include <string>

namespace anju::server::testing {

/// Runs `sql` (one statement, or a script without parameters) on the database `conninfo` names;
/// "" on success, else libpq's error.
std::string execSql(const std::string& conninfo, const std::string& sql);
/// The first column of the first row of `sql` as text ("" for NULL or no row); false with
/// *error (libpq's message) when the query failed.
bool querySqlText(const std::string& conninfo, const std::string& sql, std::string* value,
                  std::string* error);

/// SHA-256 (hex) of the photo bytes the database photo store holds for `sha256` (its
/// blob_pieces rows in order), computed by PostgreSQL; "" when there are none or on error.
std::string databaseBlobSha256(const std::string& conninfo, const std::string& sha256);

class PostgresServer {
 public:
  /// The process-wide cluster, started on first call; nullptr (with *error set) when it could
  /// not be started.
  static PostgresServer* shared(std::string* error);

  PostgresServer() = default;
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  /// initdb (first time only) and start; false with *error on failure.
  bool start(std::string* error);
  /// Fast shutdown (disconnects clients); false when pg_ctl failed.
  bool stop();
  bool running() const { return m_running; }
  int port() const { return m_port; }

  /// A fresh empty database owned by the test superuser; returns its libpq conninfo, or "" with
  /// *error set.
  std::string createDatabase(std::string* error);
  /// Drops a database made by createDatabase (disconnecting its sessions); best effort.
  void dropDatabase(const std::string& conninfo);

 private:
  bool initCluster(std::string* error);
  void startWatchdog();

  std::string m_binDir;
  std::string m_dir;  // temp dir: data/, socket, log
  int m_port = 0;
  bool m_running = false;
  int m_databases = 0;
  int m_watchdogFd = -1;  // write end of the watchdog's pipe; closing it (or dying) triggers it
};

}  // namespace anju::server::testing
