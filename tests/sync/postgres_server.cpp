#include "postgres_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <thread>
#include <vector>

namespace anju::server::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kSuperuser = "anju";

std::string findBinDir() {
  if (const char* env = std::getenv("ANJU_PG_BINDIR"); env && *env) return env;
  std::string best;
  int bestVersion = -1;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const int version = std::atoi(e.path().filename().c_str());
    if (version > bestVersion && fs::exists(e.path() / "bin" / "initdb", ec)) {
      bestVersion = version;
      best = (e.path() / "bin").string();
    }
  }
  return best;
}

bool asRoot() { return geteuid() == 0; }

// initdb and postgres refuse to run as root: prefix the command with runuser.
std::vector<std::string> asPostgresUser(std::vector<std::string> argv) {
  if (asRoot()) argv.insert(argv.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
  return argv;
}

// Runs argv with stdout/stderr appended to `logPath`; kills it after `timeout`. The exit code,
// or -1 when it could not run or was killed.
int runProgram(std::vector<std::string> argv, const std::string& logPath,
               std::chrono::seconds timeout) {
  // Everything the child touches is prepared before fork (only async-signal-safe calls after).
  std::vector<char*> args;
  for (std::string& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    const int devNull = open("/dev/null", O_RDONLY);
    const int log = open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (devNull >= 0) dup2(devNull, 0);
    if (log >= 0) {
      dup2(log, 1);
      dup2(log, 2);
    }
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  const auto deadline = Clock::now() + timeout;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int freePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

std::string logTail(const std::string& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return "(no log at " + path + ")";
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return "";
  const long from = size > 2000 ? static_cast<long>(size - 2000) : 0;
  std::fseek(f, from, SEEK_SET);
  std::string text(static_cast<std::size_t>(size) - static_cast<std::size_t>(from), '\0');
  text.resize(std::fread(text.data(), 1, text.size(), f));
  std::fclose(f);
  return text;
}

// The maintenance database of the test cluster.
std::string maintenanceConninfo(int port) {
  return "host=127.0.0.1 port=" + std::to_string(port) + " user=" + kSuperuser +
         " dbname=postgres connect_timeout=10";
}

}  // namespace

std::string execSql(const std::string& conninfo, const std::string& sql) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  std::string error;
  if (PQstatus(conn) != CONNECTION_OK) {
    error = PQerrorMessage(conn);
  } else {
    PGresult* r = PQexec(conn, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK) error = PQresultErrorMessage(r);
    PQclear(r);
  }
  PQfinish(conn);
  return error;
}

bool querySqlText(const std::string& conninfo, const std::string& sql, std::string* value,
                  std::string* error) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  bool ok = false;
  value->clear();
  if (PQstatus(conn) != CONNECTION_OK) {
    *error = PQerrorMessage(conn);
  } else {
    PGresult* r = PQexec(conn, sql.c_str());
    ok = PQresultStatus(r) == PGRES_TUPLES_OK;
    if (!ok) *error = PQresultErrorMessage(r);
    if (ok && PQntuples(r) > 0 && !PQgetisnull(r, 0, 0)) *value = PQgetvalue(r, 0, 0);
    PQclear(r);
  }
  PQfinish(conn);
  return ok;
}

std::string databaseBlobSha256(const std::string& conninfo, const std::string& sha256) {
  std::string value, error;
  if (sha256.find('\'') != std::string::npos) return "";
  querySqlText(conninfo,
               "SELECT encode(sha256(string_agg(bytes, ''::bytea ORDER BY start_byte)), 'hex') "
               "FROM blob_pieces WHERE sha256 = '" +
                   sha256 + "'",
               &value, &error);
  return value;
}

PostgresServer* PostgresServer::shared(std::string* error) {
  static std::unique_ptr<PostgresServer> server;
  static std::string startError;
  if (!server && startError.empty()) {
    auto candidate = std::make_unique<PostgresServer>();
    if (candidate->start(&startError)) {
      server = std::move(candidate);
    } else if (startError.empty()) {
      startError = "PostgreSQL did not start";
    }
  }
  if (!server && error) *error = startError;
  return server.get();
}

PostgresServer::~PostgresServer() {
  if (m_running) stop();
  std::error_code ec;
  if (!m_dir.empty()) fs::remove_all(m_dir, ec);
  if (m_watchdogFd >= 0) close(m_watchdogFd);  // the watchdog finds nothing left to do
}

bool PostgresServer::initCluster(std::string* error) {
  m_binDir = findBinDir();
  if (m_binDir.empty()) {
    *error =
        "no PostgreSQL server binaries (initdb) under /usr/lib/postgresql/*/bin; install "
        "postgresql (scripts/install-deps.sh) or set ANJU_PG_BINDIR";
    return false;
  }
  // /tmp rather than $TMPDIR: the postgres user must be able to reach the directory.
  std::string pattern = "/tmp/anju-pg-XXXXXX";
  if (!mkdtemp(pattern.data())) {
    *error = "mkdtemp failed";
    return false;
  }
  m_dir = pattern;
  chmod(m_dir.c_str(), 0755);
  if (asRoot()) {
    const passwd* pw = getpwnam("postgres");
    if (!pw || chown(m_dir.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
      *error = "running as root but cannot hand " + m_dir + " to the postgres user";
      return false;
    }
  }
  startWatchdog();
  const std::string log = m_dir + "/initdb.log";
  const int rc = runProgram(
      asPostgresUser({m_binDir + "/initdb", "-D", m_dir + "/data", "-A", "trust", "-U", kSuperuser,
                      "--no-sync", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"}),
      log, std::chrono::seconds(120));
  if (rc != 0) {
    *error = "initdb failed (" + std::to_string(rc) + "): " + logTail(log);
    return false;
  }
  return true;
}

void PostgresServer::startWatchdog() {
  // A child in its own session blocks reading a pipe whose only writer is this process. When
  // this process ends in any way the read returns and the child stops the cluster and removes
  // the directory. O_CLOEXEC keeps the write end out of every program the tests exec.
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return;
  std::string stop;
  for (const std::string& a :
       asPostgresUser({m_binDir + "/pg_ctl", "-D", m_dir + "/data", "-m", "immediate", "stop"}))
    stop += "'" + a + "' ";
  std::vector<std::string> argv = {"/bin/sh", "-c", "read _; " + stop + "; rm -rf '" + m_dir + "'"};
  std::vector<char*> args;
  for (std::string& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    setsid();  // outlives a kill of the test's process group
    dup2(fds[0], 0);
    const int devNull = open("/dev/null", O_WRONLY);
    if (devNull >= 0) {
      dup2(devNull, 1);
      dup2(devNull, 2);
    }
    execv(args[0], args.data());
    _exit(127);
  }
  close(fds[0]);
  if (pid < 0) {
    close(fds[1]);
    return;
  }
  m_watchdogFd = fds[1];
}

bool PostgresServer::start(std::string* error) {
  std::string ignored;
  if (!error) error = &ignored;
  if (m_running) return true;
  if (m_dir.empty() && !initCluster(error)) return false;
  if (m_port == 0) m_port = freePort();  // a restart keeps its port: conninfos stay valid
  const std::string log = m_dir + "/pg_ctl.log";
  // fsync off: the tests check behaviour, not crash durability, and share two cores.
  const int rc =
      runProgram(asPostgresUser({m_binDir + "/pg_ctl", "-D", m_dir + "/data", "-o",
                                 "-k " + m_dir + " -p " + std::to_string(m_port) +
                                     " -h 127.0.0.1 -c fsync=off -c max_connections=200",
                                 "-l", m_dir + "/postgres.log", "-w", "-t", "60", "start"}),
                 log, std::chrono::seconds(90));
  if (rc != 0) {
    *error = "pg_ctl start failed (" + std::to_string(rc) + "): " + logTail(log) +
             logTail(m_dir + "/postgres.log");
    return false;
  }
  m_running = true;
  return true;
}

bool PostgresServer::stop() {
  if (!m_running) return true;
  const int rc = runProgram(asPostgresUser({m_binDir + "/pg_ctl", "-D", m_dir + "/data", "-m",
                                            "fast", "-w", "-t", "60", "stop"}),
                            m_dir + "/pg_ctl.log", std::chrono::seconds(90));
  m_running = rc != 0;
  return rc == 0;
}

std::string PostgresServer::createDatabase(std::string* error) {
  const std::string name = "anju_test_" + std::to_string(++m_databases);
  if (std::string e = execSql(maintenanceConninfo(m_port), "CREATE DATABASE " + name); !e.empty()) {
    if (error) *error = "CREATE DATABASE failed: " + e;
    return "";
  }
  return "host=127.0.0.1 port=" + std::to_string(m_port) + " user=" + kSuperuser +
         " dbname=" + name;
}

void PostgresServer::dropDatabase(const std::string& conninfo) {
  const std::size_t at = conninfo.find("dbname=");
  if (at == std::string::npos || !m_running) return;
  const std::string name = conninfo.substr(at + 7, conninfo.find(' ', at) - at - 7);
  (void)execSql(maintenanceConninfo(m_port), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
}

}  // namespace anju::server::testing
