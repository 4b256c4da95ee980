#include "web/response_writer.h"

#include <boost/asio/write.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/chunk_encode.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/write.hpp>

namespace anju::server::web {
namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;

bool writeHeader(SyncChannel& socket, http::response<http::empty_body>& head) {
  http::response_serializer<http::empty_body> serializer(head);
  boost::beast::error_code ec;
  http::write_header(socket, serializer, ec);
  return !ec;
}

bool writeChunked(SyncChannel& socket, Response& res) {
  bool ok = true;
  bool finished = false;
  std::size_t offset = 0;
  auto writeLast = [&](const http::fields& trailer) {
    if (finished || !ok) return;
    boost::beast::error_code ec;
    net::write(socket, http::make_chunk_last(trailer), ec);
    ok = !ec;
    finished = true;
  };
  DataSink sink;
  sink.write = [&](const char* data, std::size_t n) {
    if (!ok || finished) return false;
    if (n == 0) return true;  // a zero-size chunk would end the body
    boost::beast::error_code ec;
    net::write(socket, http::make_chunk(net::const_buffer(data, n)), ec);
    ok = !ec;
    offset += n;
    return ok;
  };
  sink.done = [&] { writeLast(http::fields()); };
  sink.done_with_trailer = [&](const Headers& trailer) {
    http::fields fields;
    for (const auto& [name, value] : trailer) fields.insert(name, value);
    writeLast(fields);
  };
  sink.is_writable = [&] { return ok && !finished; };
  while (ok && !finished) {
    if (!res.chunkedProvider(offset, sink)) return false;  // aborted: no final chunk
  }
  return ok && finished;
}

bool writeProvided(SyncChannel& socket, Response& res) {
  std::size_t offset = 0;
  bool ok = true;
  DataSink sink;
  sink.write = [&](const char* data, std::size_t n) {
    if (!ok) return false;
    boost::beast::error_code ec;
    net::write(socket, net::const_buffer(data, n), ec);
    ok = !ec;
    offset += n;
    return ok;
  };
  sink.done = [] {};
  sink.done_with_trailer = [](const Headers&) {};
  sink.is_writable = [&] { return ok; };
  while (ok && offset < res.providedLength) {
    const std::size_t before = offset;
    if (!res.provider(offset, res.providedLength - offset, sink)) return false;
    if (offset == before) return false;  // a provider that makes no progress would spin
  }
  return ok && offset == res.providedLength;
}

}  // namespace

bool writeResponse(SyncChannel& socket, Response& res, bool keepAlive, bool headOnly) {
  http::response<http::empty_body> head;
  head.version(11);
  head.result(static_cast<unsigned>(res.status));
  for (const auto& [name, value] : res.headers) head.insert(name, value);
  if (!keepAlive) head.set(http::field::connection, "close");
  if (res.chunkedProvider) {
    head.set(http::field::transfer_encoding, "chunked");
    return writeHeader(socket, head) && (headOnly || writeChunked(socket, res));
  }
  if (res.provider) {
    head.set(http::field::content_length, std::to_string(res.providedLength));
    return writeHeader(socket, head) && (headOnly || writeProvided(socket, res));
  }
  if (headOnly) {
    head.set(http::field::content_length, std::to_string(res.body.size()));
    return writeHeader(socket, head);
  }
  // Header and body in one gathered write: with TCP_NODELAY two writes would be two packets.
  http::response<http::buffer_body> whole(std::move(static_cast<http::response_header<>&>(head)));
  whole.body().data = res.body.data();
  whole.body().size = res.body.size();
  whole.body().more = false;
  whole.content_length(res.body.size());
  boost::beast::error_code ec;
  http::write(socket, whole, ec);
  return !ec;
}

}  // namespace anju::server::web
