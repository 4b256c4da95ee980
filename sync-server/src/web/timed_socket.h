// TimedSocket: a borrowed TCP socket whose blocking reads and writes have a per-operation
// timeout; its asynchronous operations are the socket's own. The event loop uses the
// asynchronous side while the connection is idle, a worker the blocking side while it serves a
// request (never both at once). Being both, it can sit under asio::ssl::stream, so TLS works
// the same way.
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
  using executor_type = boost::asio::ip::tcp::socket::executor_type;
  using lowest_layer_type = boost::asio::ip::tcp::socket::lowest_layer_type;

  TimedSocket(boost::asio::ip::tcp::socket& socket, std::chrono::milliseconds timeout)
      : m_socket(socket), m_timeout(timeout) {}

  executor_type get_executor() { return m_socket.get_executor(); }
  lowest_layer_type& lowest_layer() { return m_socket.lowest_layer(); }
  const lowest_layer_type& lowest_layer() const { return m_socket.lowest_layer(); }

  template <class MutableBufferSequence, class ReadHandler>
  auto async_read_some(const MutableBufferSequence& buffers, ReadHandler&& handler) {
    return m_socket.async_read_some(buffers, std::forward<ReadHandler>(handler));
  }
  template <class ConstBufferSequence, class WriteHandler>
  auto async_write_some(const ConstBufferSequence& buffers, WriteHandler&& handler) {
    return m_socket.async_write_some(buffers, std::forward<WriteHandler>(handler));
  }

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
