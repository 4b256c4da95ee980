// SyncChannel: what a worker reads a request body from and writes an answer to — plain TCP or
// TLS over it — with the blocking, timed operations of web/timed_socket.h. Beast's synchronous
// http::read_some / http::write and asio::write take it as a SyncReadStream/SyncWriteStream, so
// the body and response code (body_stream, response_writer) is the same for both.
#pragma once

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/buffers_range.hpp>
#include <boost/system/system_error.hpp>
#include <vector>

namespace anju::server::web {

class SyncChannel {
 public:
  virtual ~SyncChannel() = default;

  template <class MutableBufferSequence>
  std::size_t read_some(const MutableBufferSequence& buffers, boost::system::error_code& ec) {
    for (boost::asio::mutable_buffer b : boost::beast::buffers_range_ref(buffers))
      if (b.size() > 0) return readSome(b, ec);
    ec = {};
    return 0;
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
    // Kept as a sequence: header and body go out in one gathered write.
    std::vector<boost::asio::const_buffer> pieces;
    for (boost::asio::const_buffer b : boost::beast::buffers_range_ref(buffers))
      if (b.size() > 0) pieces.push_back(b);
    if (pieces.empty()) {
      ec = {};
      return 0;
    }
    return writeSome(pieces, ec);
  }
  template <class ConstBufferSequence>
  std::size_t write_some(const ConstBufferSequence& buffers) {
    boost::system::error_code ec;
    const std::size_t n = write_some(buffers, ec);
    if (ec) throw boost::system::system_error(ec);
    return n;
  }

 protected:
  virtual std::size_t readSome(boost::asio::mutable_buffer buffer,
                               boost::system::error_code& ec) = 0;
  virtual std::size_t writeSome(const std::vector<boost::asio::const_buffer>& buffers,
                                boost::system::error_code& ec) = 0;
};

/// A SyncChannel over any stream with blocking read_some/write_some (TimedSocket, or
/// asio::ssl::stream<TimedSocket>); `stream` is borrowed.
template <class Stream>
class StreamChannel final : public SyncChannel {
 public:
  explicit StreamChannel(Stream& stream) : m_stream(stream) {}

 protected:
  std::size_t readSome(boost::asio::mutable_buffer buffer, boost::system::error_code& ec) override {
    return m_stream.read_some(buffer, ec);
  }
  std::size_t writeSome(const std::vector<boost::asio::const_buffer>& buffers,
                        boost::system::error_code& ec) override {
    return m_stream.write_some(buffers, ec);
  }

 private:
  Stream& m_stream;
};

}  // namespace anju::server::web
