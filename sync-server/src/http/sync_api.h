// SyncApi: the HTTP endpoints of sync protocol v1 (docs/protocol.md). Handlers only translate:
// protobuf in, call a service, protobuf out; every error goes through ApiError.
//
// Thread-safe: handlers run concurrently on the HTTP engine's worker threads; services are
// thread-safe.
#pragma once

#include <cstddef>

#include "http/metrics.h"
#include "service/auth_service.h"
#include "service/photo_service.h"
#include "service/pull_service.h"
#include "service/push_service.h"
#include "service/record_query_service.h"
#include "web/router.h"

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
  void install(web::Router& server);

 private:
  /// kUpload for push and photo bytes: a lost tablet's revoked token may still hand them over.
  Result<User> authenticate(const web::Request& req, TokenUse use = TokenUse::kAny);
  void login(const web::Request& req, web::Response& res, const web::ContentReader& reader);
  void push(const web::Request& req, web::Response& res, const web::ContentReader& reader);
  void pull(const web::Request& req, web::Response& res, const web::ContentReader& reader);
  void photoStatus(const web::Request& req, web::Response& res);
  void photoUpload(const web::Request& req, web::Response& res, const web::ContentReader& reader);
  void getRecord(const web::Request& req, web::Response& res);
  void inspectionStatus(const web::Request& req, web::Response& res);

  SyncServices m_services;
  Metrics& m_metrics;
  ApiLimits m_limits;
};

}  // namespace anju::server
