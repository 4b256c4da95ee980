// Test support: a loopback TCP proxy that injects network faults between a tablet and the real
// server. It listens on 127.0.0.1 (any free port), forwards every connection to the server, and,
// once armed, cuts or stalls the connection on which the bytes flowing in one direction since
// arming pass a threshold — as a tablet losing signal mid-request (upstream) or mid-answer
// (downstream, after the server has committed). POSIX sockets, one thread per connection.
#pragma once

#include <atomic>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace anju::server::testing {

class FaultProxy {
 public:
  enum class Direction { kUpstream, kDownstream };  // tablet -> server, server -> tablet
  enum class Action { kCut, kStall };  // close both sides / stop forwarding until closed

  /// Starts listening; port() is 0 when that failed.
  explicit FaultProxy(int serverPort);
  ~FaultProxy();
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  int port() const { return m_port; }
  /// New connections go to `serverPort` from now on (a restarted server listens elsewhere).
  void setServerPort(int serverPort) { m_serverPort = serverPort; }
  /// After `afterBytes` more bytes in `direction` (counted over all connections from now), the
  /// connection carrying them gets `action`; then the count starts again, `times` times in all.
  void arm(Direction direction, Action action, std::size_t afterBytes, int times = 1);
  int faultsFired() const { return m_fired.load(); }

 private:
  void acceptLoop();
  void serve(int client);
  /// How many of `n` bytes may pass in `direction` before a fault; fires it when reached.
  std::size_t admit(Direction direction, std::size_t n, bool* fault, Action* action);

  std::atomic<int> m_serverPort;
  int m_listenFd = -1;
  int m_port = 0;
  std::atomic<bool> m_stop{false};
  std::thread m_acceptThread;

  std::mutex m_mutex;  // guards everything below
  std::vector<std::thread> m_connections;
  std::vector<int> m_openFds;
  bool m_armed = false;
  Direction m_direction = Direction::kUpstream;
  Action m_action = Action::kCut;
  std::size_t m_afterBytes = 0;
  std::size_t m_budget = 0;
  int m_timesLeft = 0;
  std::atomic<int> m_fired{0};
};

}  // namespace anju::server::testing
