#include "fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

namespace anju::server::testing {
namespace {

int connectTo(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

bool sendAll(int fd, const char* data, std::size_t n) {
  while (n > 0) {
    const ssize_t w = send(fd, data, n, MSG_NOSIGNAL);
    if (w <= 0) return false;
    data += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

}  // namespace

FaultProxy::FaultProxy(int serverPort) : m_serverPort(serverPort) {
  m_listenFd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int one = 1;
  setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  socklen_t len = sizeof addr;
  if (bind(m_listenFd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      listen(m_listenFd, 16) != 0 ||
      getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
    return;
  m_port = ntohs(addr.sin_port);
  m_acceptThread = std::thread([this] { acceptLoop(); });
}

FaultProxy::~FaultProxy() {
  m_stop = true;
  if (m_acceptThread.joinable()) m_acceptThread.join();
  close(m_listenFd);
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(m_mutex);
    // Wake every connection thread blocked in poll; each closes its own fds.
    for (int fd : m_openFds) shutdown(fd, SHUT_RDWR);
    threads.swap(m_connections);
  }
  for (std::thread& t : threads) t.join();
}

void FaultProxy::arm(Direction direction, Action action, std::size_t afterBytes, int times) {
  std::lock_guard lock(m_mutex);
  m_armed = true;
  m_direction = direction;
  m_action = action;
  m_afterBytes = afterBytes;
  m_budget = afterBytes;
  m_timesLeft = times;
}

void FaultProxy::acceptLoop() {
  while (!m_stop) {
    pollfd p{m_listenFd, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const int client = accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    std::lock_guard lock(m_mutex);
    m_connections.emplace_back([this, client] { serve(client); });
  }
}

std::size_t FaultProxy::admit(Direction direction, std::size_t n, bool* fault, Action* action) {
  std::lock_guard lock(m_mutex);
  *fault = false;
  if (!m_armed || m_timesLeft == 0 || direction != m_direction) return n;
  if (n < m_budget) {
    m_budget -= n;
    return n;
  }
  const std::size_t pass = m_budget;
  *fault = true;
  *action = m_action;
  ++m_fired;
  m_budget = m_afterBytes;
  if (--m_timesLeft == 0) m_armed = false;
  return pass;
}

void FaultProxy::serve(int client) {
  const int server = connectTo(m_serverPort);
  {
    std::lock_guard lock(m_mutex);
    m_openFds.push_back(client);
    if (server >= 0) m_openFds.push_back(server);
  }
  bool stalled = false;
  char buffer[16 * 1024];
  while (server >= 0 && !m_stop) {
    pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    if (poll(p, 2, 50) <= 0) continue;
    bool closed = false;
    for (int i = 0; i < 2 && !closed; ++i) {
      if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = recv(p[i].fd, buffer, sizeof buffer, 0);
      if (n <= 0) {
        closed = true;
        break;
      }
      if (stalled) continue;  // swallow everything: nothing moves until someone gives up
      const Direction dir = i == 0 ? Direction::kUpstream : Direction::kDownstream;
      bool fault = false;
      Action action = Action::kCut;
      const std::size_t pass = admit(dir, static_cast<std::size_t>(n), &fault, &action);
      const int to = i == 0 ? server : client;
      if (pass > 0 && !sendAll(to, buffer, pass)) closed = true;
      if (fault && action == Action::kCut) closed = true;
      if (fault && action == Action::kStall) stalled = true;
    }
    if (closed) break;
  }
  std::lock_guard lock(m_mutex);
  for (int fd : {client, server}) {
    if (fd < 0) continue;
    m_openFds.erase(std::remove(m_openFds.begin(), m_openFds.end(), fd), m_openFds.end());
    shutdown(fd, SHUT_RDWR);
    close(fd);
  }
}

}  // namespace anju::server::testing
