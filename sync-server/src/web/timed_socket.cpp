#include "web/timed_socket.h"

#include <poll.h>

#include <boost/beast/core/error.hpp>
#include <cerrno>

namespace anju::server::web {

bool TimedSocket::waitUntilReady(bool forWrite, boost::system::error_code& ec) {
  pollfd fd{};
  fd.fd = m_socket.native_handle();
  fd.events = forWrite ? POLLOUT : POLLIN;
  for (;;) {
    const int rc = ::poll(&fd, 1, static_cast<int>(m_timeout.count()));
    if (rc > 0) {
      ec = {};
      return true;  // ready, or an error/hang-up the next read/write reports
    }
    if (rc == 0) {
      ec = boost::beast::error::timeout;
      return false;
    }
    if (errno != EINTR) {
      ec = boost::system::error_code(errno, boost::system::system_category());
      return false;
    }
  }
}

}  // namespace anju::server::web
