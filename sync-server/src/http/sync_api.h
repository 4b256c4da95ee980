// SyncApi: the HTTP endpoints of sync protocol v1 (docs/protocol.md). Handlers only translate:
// protobuf in, call a service, protobuf out; every error goes through ApiError.
//
// Thread-safe: handlers run concurrently on httplib's worker threads; services are thread-safe.
#pragma once

#include <httplib.h>

#include <cstddef>

#include "http/metrics.h"
#include "service/auth_service.h"
#include "service/photo_service.h"
#include "service/pull_service.h"
#include "service/push_service.h"
#include "service/record_query_service.h"

namespace anju::server {

struct ApiLimits {
  std::size_t maxPushBytes = 32u << 20;       // after decompression
  std::size_t maxPhotoChunkBytes = 8u << 20;  // one PUT body
  std::size_t maxSmallBodyBytes = 64u << 10;  // login, pull
  int maxChangesPerPush = 5000;
};

struct SyncServices {
  AuthService& auth;
  PushService& push;
  PullService& pull;
  PhotoService& photos;
  RecordQueryService& records;
};

class SyncApi {
 public:
  /// Services and metrics are borrowed and outlive the api.
  SyncApi(SyncServices services, Metrics& metrics, ApiLimits limits);

  /// Registers every route and the edge handlers on `server`.
  void install(httplib::Server& server);

 private:
  Result<User> authenticate(const httplib::Request& req);
  void login(const httplib::Request& req, httplib::Response& res,
             const httplib::ContentReader& reader);
  void push(const httplib::Request& req, httplib::Response& res,
            const httplib::ContentReader& reader);
  void pull(const httplib::Request& req, httplib::Response& res,
            const httplib::ContentReader& reader);
  void photoStatus(const httplib::Request& req, httplib::Response& res);
  void photoUpload(const httplib::Request& req, httplib::Response& res,
                   const httplib::ContentReader& reader);
  void getRecord(const httplib::Request& req, httplib::Response& res);
  void inspectionStatus(const httplib::Request& req, httplib::Response& res);

  SyncServices m_services;
  Metrics& m_metrics;
  ApiLimits m_limits;
};

}  // namespace anju::server
