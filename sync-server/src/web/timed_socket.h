// TimedSocket: blocking reads and writes with a per-operation timeout on a socket the event loop
// owns while it is idle. A worker that serves a request uses it (Beast's synchronous
// http::read_some / net::write accept it as a SyncReadStream and SyncWriteStream); meanwhile
// the event loop has no operation pending on the socket, so the two never race.
//
// The socket must be in non-blocking mode: a read that would block waits in poll() for at most
// the timeout and then fails with beast::error::timeout, like httplib's read/write timeouts.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/system/system_error.hpp>
#include <chrono>

namespace anju::server::web {

class TimedSocket {
 public:
  /// `socket` is borrowed.
  TimedSocket(boost::asio::ip::tcp::socket& socket, std::chrono::milliseconds timeout)
      : m_socket(socket), m_timeout(timeout) {}

  template <class MutableBufferSequence>
  std::size_t read_some(const MutableBufferSequence& buffers, boost::system::error_code& ec) {
    for (;;) {
      const std::size_t n = m_socket.read_some(buffers, ec);
      if (ec != boost::asio::error::would_block) return n;
      if (!waitUntilReady(/*forWrite=*/false, ec)) return 0;
    }
  }
  template <class MutableBufferSequence>
  std::size_t read_some(const MutableBufferSequence& buffers) {
    boost::system::error_code ec;
    const std::size_t n = read_some(buffers, ec);
    if (ec) throw boost::system::system_error(ec);
    return n;
  }

  template <class ConstBufferSequence>
  std::size_t write_some(const ConstBufferSequence& buffers, boost::system::error_code& ec) {
    for (;;) {
      const std::size_t n = m_socket.write_some(buffers, ec);
      if (ec != boost::asio::error::would_block) return n;
      if (!waitUntilReady(/*forWrite=*/true, ec)) return 0;
    }
  }
  template <class ConstBufferSequence>
  std::size_t write_some(const ConstBufferSequence& buffers) {
    boost::system::error_code ec;
    const std::size_t n = write_some(buffers, ec);
    if (ec) throw boost::system::system_error(ec);
    return n;
  }

 private:
  /// Waits until the socket is readable/writable; false with `ec` set on timeout or error.
  bool waitUntilReady(bool forWrite, boost::system::error_code& ec);

  boost::asio::ip::tcp::socket& m_socket;
  std::chrono::milliseconds m_timeout;
};

}  // namespace anju::server::web
