// Fuzz target: every endpoint of sync protocol v1, through the real server (the engine's parsing,
// SyncApi handlers, services, SQLite storage, blob store; fuzz_server_harness.h).
//
// Input: [endpoint][flags][endpoint bytes...]
//   endpoint (mod kEndpointCount): login, push, pull, photo status, photo upload, get record,
//     inspection status, push with Content-Encoding: gzip (the body need not be gzip)
//   flags: bit 0 = send NO bearer token; bits 1-2 pick the photo hash (complete, partial,
//     from the input)
//   photo upload: 4 bytes offset, 4 bytes total (little endian), then the chunk
//   photo status / get record / inspection status: the rest is the path argument(s)
//   login, push, pull: the rest is the protobuf body
// Every answer must be a well-formed HTTP response with a status the protocol documents; an
// error status must carry an anju.v1.Error body (the photo 409 a PhotoStatus). A 500 means a
// handler failed on input it should have refused: that is a finding too.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "anju/sha256.h"
#include "anju/v1/sync.pb.h"
#include "fuzz_server_harness.h"

namespace {

using anju::fuzz::FuzzServer;

// Percent-encodes everything but unreserved characters, so any bytes make a valid path segment.
std::string pathSegment(std::string_view raw) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : raw) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::uint32_t le32(const std::uint8_t* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

void checkAnswer(const httplib::Result& result, int endpoint) {
  if (!result) {
    // The server closed the connection without an answer: only allowed for a gzip body it
    // refused to inflate further (it says so with Connection: close, but may cut first).
    if (endpoint == anju::fuzz::kPushGzip) return;
    std::fprintf(FuzzServer::report(), "no answer from the server (%s)\n",
                 httplib::to_string(result.error()).c_str());
    __builtin_trap();
  }
  const int status = result->status;
  if (status >= 500) {
    std::fprintf(FuzzServer::report(), "server error %d on endpoint %d: %s\n", status, endpoint,
                 result->body.c_str());
    __builtin_trap();
  }
  if (status == 200) return;
  if (status == 409 && endpoint == anju::fuzz::kPhotoUpload) {
    anju::v1::PhotoStatus photo;
    if (!photo.ParseFromString(result->body)) __builtin_trap();
    return;
  }
  anju::v1::Error error;
  if (!error.ParseFromString(result->body) || error.code().empty() || error.message().empty()) {
    std::fprintf(FuzzServer::report(), "HTTP %d without an anju.v1.Error body on endpoint %d\n",
                 status, endpoint);
    __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  FuzzServer& server = FuzzServer::get();
  const int endpoint = data[0] % anju::fuzz::kEndpointCount;
  const std::uint8_t flags = data[1];
  data += 2;
  size -= 2;
  httplib::Headers headers;
  if (!(flags & 1)) headers.emplace("Authorization", "Bearer " + server.inspectorToken());
  const std::string proto = "application/x-protobuf";
  std::string rest(reinterpret_cast<const char*>(data), size);
  httplib::Client& client = server.client();

  switch (endpoint) {
    case anju::fuzz::kLogin:
      checkAnswer(client.Post("/v1/auth/login", headers, rest, proto), endpoint);
      break;
    case anju::fuzz::kPush:
      checkAnswer(client.Post("/v1/sync/push", headers, rest, proto), endpoint);
      break;
    case anju::fuzz::kPushGzip:
      headers.emplace("Content-Encoding", "gzip");
      checkAnswer(client.Post("/v1/sync/push", headers, rest, proto), endpoint);
      break;
    case anju::fuzz::kPull:
      checkAnswer(client.Post("/v1/sync/pull", headers, rest, proto), endpoint);
      break;
    case anju::fuzz::kPhotoStatus:
    case anju::fuzz::kPhotoUpload: {
      std::string sha;
      switch ((flags >> 1) & 3) {
        case 0:
          sha = server.completePhoto();
          break;
        case 1:
          sha = server.partialPhoto();
          break;
        case 2:
          sha = anju::sha256Hex(rest);
          break;  // a photo of these very bytes
        default:
          sha = pathSegment(rest.substr(0, 80));
          break;
      }
      if (endpoint == anju::fuzz::kPhotoStatus) {
        checkAnswer(client.Get("/v1/photos/" + sha, headers), endpoint);
        break;
      }
      if (rest.size() < 8) return 0;
      const std::uint32_t offset = le32(data) % (2u << 20);
      const std::uint32_t total = le32(data + 4) % (2u << 20);
      const std::string chunk = rest.substr(8);
      if ((flags >> 1 & 3) == 2) sha = anju::sha256Hex(chunk);
      const std::string target = "/v1/photos/" + sha + "?offset=" + std::to_string(offset) +
                                 "&total=" + std::to_string(total);
      checkAnswer(client.Put(target, headers, chunk, "application/octet-stream"), endpoint);
      break;
    }
    case anju::fuzz::kGetRecord: {
      const std::size_t slash = rest.find('/');
      const std::string kind = rest.substr(0, std::min(slash, rest.size()));
      const std::string id =
          slash == std::string::npos ? anju::fuzz::kFuzzBuildingId : rest.substr(slash + 1);
      // The route only matches [a-z]+ kinds; other kinds are the 404 of an unknown path.
      checkAnswer(client.Get("/v1/records/" + pathSegment(kind) + "/" + pathSegment(id), headers),
                  endpoint);
      break;
    }
    case anju::fuzz::kInspectionStatus:
      checkAnswer(client.Get("/v1/inspections/" + pathSegment(rest) + "/status", headers),
                  endpoint);
      break;
    default:
      break;
  }
  return 0;
}
