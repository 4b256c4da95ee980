// The real sync server, in the fuzzing process: SQLite storage in a temp folder holding the demo
// district and its accounts, the same services and SyncApi that `anju-server serve` wires up,
// and its HTTP engine (web/http_server.h) listening on 127.0.0.1. Inputs go through a
// keep-alive cpp-httplib client, so every byte is parsed by the engine and handled by the real
// handlers (authentication, body limits, gzip, protobuf parsing, services, storage), exactly as
// from a tablet.
#pragma once

#include <httplib.h>

#include <cstdio>
#include <string>

namespace anju::fuzz {

/// A house of the demo inspector's street with this fixed id exists on the fuzzed server.
inline constexpr const char* kFuzzBuildingId = "00000000-0000-4000-8000-0000000000f1";
/// Both photo fixtures: the bytes of the complete one and of the partly uploaded one.
inline constexpr const char* kCompletePhotoBytes = "complete photo bytes";
inline constexpr const char* kPartialPhotoBytes = "partial photo bytes, first half | second half";

/// The first byte of a fuzz_sync_api input picks the request (modulo kEndpointCount), the
/// second sets flags; see fuzz_sync_api.cpp.
enum Endpoint : unsigned char {
  kLogin,
  kPush,
  kPull,
  kPhotoStatus,
  kPhotoUpload,
  kGetRecord,
  kInspectionStatus,
  kPushGzip,
  kEndpointCount
};

class FuzzServer {
 public:
  /// Started on first use; stopped and its folder removed at exit.
  static FuzzServer& get();

  httplib::Client& client() { return *m_client; }
  /// Where the harness reports a finding: the terminal, even while the server log is silenced.
  static FILE* report();
  /// A bearer token of the demo inspector, so requests get past authentication.
  const std::string& inspectorToken() const { return m_token; }
  /// The SHA-256 of a photo the server holds completely, and of one it holds in part.
  const std::string& completePhoto() const { return m_completeSha; }
  const std::string& partialPhoto() const { return m_partialSha; }

 private:
  FuzzServer() = default;
  void start();

  std::string m_dir;
  std::string m_token;
  std::string m_completeSha;
  std::string m_partialSha;
  httplib::Client* m_client = nullptr;
};

}  // namespace anju::fuzz
