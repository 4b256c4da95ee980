#include "server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace anju::server::testing {
namespace {

using Clock = std::chrono::steady_clock;

// argv for execv, built before fork: after fork in a threaded process only async-signal-safe
// calls are allowed, so the child must not allocate.
class ServerArgv {
 public:
  explicit ServerArgv(const std::vector<std::string>& args) : m_strings(args) {
    m_strings.insert(m_strings.begin(), ANJU_SERVER_BINARY);
    for (std::string& s : m_strings) m_argv.push_back(s.data());
    m_argv.push_back(nullptr);
  }
  [[noreturn]] void exec() {
    execv(m_argv[0], m_argv.data());
    _exit(127);
  }

 private:
  std::vector<std::string> m_strings;
  std::vector<char*> m_argv;
};

// Drains readable fds into their strings until all are closed or the deadline passes.
void drain(std::vector<std::pair<int, std::string*>> fds, Clock::time_point deadline) {
  while (!fds.empty() && Clock::now() < deadline) {
    std::vector<pollfd> p;
    for (auto& [fd, out] : fds) p.push_back({fd, POLLIN, 0});
    if (poll(p.data(), p.size(), 100) <= 0) continue;
    for (std::size_t i = p.size(); i-- > 0;) {
      if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[4096];
      const ssize_t n = read(fds[i].first, buf, sizeof buf);
      if (n > 0) {
        fds[i].second->append(buf, static_cast<std::size_t>(n));
      } else {
        close(fds[i].first);
        fds.erase(fds.begin() + static_cast<std::ptrdiff_t>(i));
      }
    }
  }
  for (auto& [fd, out] : fds) close(fd);
}

}  // namespace

CliResult runCli(const std::vector<std::string>& args, const std::string& input) {
  int in[2], out[2], err[2];
  if (pipe(in) || pipe(out) || pipe(err)) return {};
  ServerArgv argv(args);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    argv.exec();
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  if (!input.empty()) (void)!write(in[1], input.data(), input.size());
  close(in[1]);
  CliResult result;
  drain({{out[0], &result.out}, {err[0], &result.err}}, Clock::now() + std::chrono::seconds(60));
  int status = 0;
  waitpid(pid, &status, 0);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/anju-sync-XXXXXX";
  if (mkdtemp(pattern.data())) m_path = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
}

bool ServerProcess::start(std::string* error) {
  int out[2];
  if (pipe(out)) return false;
  std::vector<std::string> args = {"serve",     "--data", m_dataDir, "--listen",
                                   "127.0.0.1", "--port", "0"};
  args.insert(args.end(), m_storageArgs.begin(), m_storageArgs.end());
  ServerArgv argv(args);
  const std::string log = logPath();
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    const int logFd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (logFd >= 0) dup2(logFd, 2);
    close(out[0]);
    close(out[1]);
    argv.exec();
  }
  close(out[1]);
  m_pid = pid;

  // The first stdout line is "listening on 127.0.0.1:PORT".
  std::string line;
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  while (line.find('\n') == std::string::npos && Clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buf[256];
    const ssize_t n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  close(out[0]);
  const std::size_t colon = line.rfind(':');
  if (line.rfind("listening on ", 0) != 0 || colon == std::string::npos) {
    if (error) *error = "server did not start; stdout: '" + line + "', see " + logPath();
    stop();
    return false;
  }
  m_port = std::atoi(line.c_str() + colon + 1);

  httplib::Client client("127.0.0.1", m_port);
  client.set_connection_timeout(std::chrono::milliseconds(200));
  while (Clock::now() < deadline) {
    if (auto res = client.Get("/healthz"); res && res->status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (error) *error = "/healthz never answered, see " + logPath();
  stop();
  return false;
}

int ServerProcess::stop() {
  if (m_pid <= 0) return -1;
  kill(m_pid, SIGTERM);
  int status = 0;
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  while (waitpid(m_pid, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      kill(m_pid, SIGKILL);
      waitpid(m_pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  m_pid = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void ServerProcess::killHard() {
  if (m_pid <= 0) return;
  ::kill(m_pid, SIGKILL);
  int status = 0;
  waitpid(m_pid, &status, 0);
  m_pid = -1;
}

}  // namespace anju::server::testing
