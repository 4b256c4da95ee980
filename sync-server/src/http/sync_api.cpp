#include "http/sync_api.h"

#include <charconv>

#include "http/api_error.h"
#include "http/http_edge.h"
#include "service/wire_messages.h"
#include "util/log.h"

namespace anju::server {
namespace {

constexpr const char* kProtobuf = "application/x-protobuf";

void sendProto(web::Response& res, const google::protobuf::Message& message, int status = 200) {
  res.status = status;
  res.set_content(message.SerializeAsString(), kProtobuf);
}

// Parses a protobuf body; false (and a 400 sent) when the bytes are not that message.
bool parseBody(const std::string& bytes, google::protobuf::Message& message, web::Response& res) {
  if (message.ParseFromString(bytes)) return true;
  sendError(res, ApiError::badBody("not a valid " + message.GetTypeName() + " protobuf"));
  return false;
}

std::optional<std::int64_t> parseInt(const std::string& text) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

v1::PhotoStatus toProto(const PhotoState& s) {
  v1::PhotoStatus out;
  out.set_sha256(s.sha256);
  out.set_received_bytes(s.receivedBytes);
  out.set_total_bytes(s.totalBytes);
  out.set_complete(s.complete);
  return out;
}

}  // namespace

SyncApi::SyncApi(SyncServices services, Metrics& metrics, ApiLimits limits)
    : m_services(services), m_metrics(metrics), m_limits(limits) {}

void SyncApi::install(web::Router& server) {
  installEdgeHandlers(server, m_metrics);
  // Bodies read whole (the console's) are bounded by this; streaming handlers apply their own.
  server.set_payload_max_length(m_limits.maxPushBytes);

  server.Get("/healthz", [](const web::Request&, web::Response& res) {
    res.set_content("ok\n", "text/plain");
  });
  server.Get("/metrics", [this](const web::Request&, web::Response& res) {
    res.set_content(m_metrics.render(), "text/plain; version=0.0.4");
  });
  using Reader = const web::ContentReader&;
  using Req = const web::Request&;
  using Res = web::Response&;
  // Argon2id runs on the password-hashing lane: a login storm cannot take the sync workers.
  server.Post(
      "/v1/auth/login", [this](Req q, Res s, Reader r) { login(q, s, r); },
      web::Lane::kPasswordHashing);
  server.Post("/v1/sync/push", [this](Req q, Res s, Reader r) { push(q, s, r); });
  server.Post("/v1/sync/pull", [this](Req q, Res s, Reader r) { pull(q, s, r); });
  server.Get("/v1/photos/([^/]+)", [this](Req q, Res s) { photoStatus(q, s); });
  server.Put("/v1/photos/([^/]+)", [this](Req q, Res s, Reader r) { photoUpload(q, s, r); });
  server.Get("/v1/records/([a-z]+)/([^/]+)", [this](Req q, Res s) { getRecord(q, s); });
  server.Get("/v1/inspections/([^/]+)/status", [this](Req q, Res s) { inspectionStatus(q, s); });
}

Result<User> SyncApi::authenticate(const web::Request& req, TokenUse use) {
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0)
    return Status::unauthenticated(msg("http.missing_bearer_token"));
  Result<User> user = m_services.auth.authenticate(header.substr(kBearer.size()), use);
  if (user) noteRequestUser(user->name);
  return user;
}

void SyncApi::login(const web::Request& req, web::Response& res, const web::ContentReader& reader) {
  BodyRead body = readBody(req, res, reader, m_limits.maxSmallBodyBytes);
  if (body.error) return sendError(res, *body.error);
  m_metrics.addRequestBytes(body.bytes.size());
  v1::LoginRequest request;
  if (!parseBody(body.bytes, request, res)) return;
  noteRequestUser(request.username());
  Result<LoginResult> login = m_services.auth.login(request.username(), request.password(),
                                                    request.device_id(), req.remote_addr);
  if (!login) {
    logWarn("login failed for '" + request.username() + "': " + login.status().message());
    return sendError(res, ApiError::fromStatus(login.status()));
  }
  v1::LoginResponse response;
  response.set_token(login->token);
  response.set_expires_at(login->expiresAt);
  response.set_role(roleCode(login->user.role));
  response.set_display_name(login->user.displayName);
  for (const RegionPath& r : login->user.regions) {
    v1::RegionPath* out = response.add_regions();
    out->set_district(r.district);
    out->set_street(r.street);
    out->set_community(r.community);
  }
  response.set_server_epoch(m_services.records.epoch());
  sendProto(res, response);
}

void SyncApi::push(const web::Request& req, web::Response& res, const web::ContentReader& reader) {
  // The body is read (bounded) even when authentication failed, so the answer is a clean 401
  // and the keep-alive connection stays in sync.
  Result<User> user = authenticate(req, TokenUse::kUpload);
  BodyRead body = readBody(req, res, reader, m_limits.maxPushBytes);
  if (!user) return sendError(res, ApiError::fromStatus(user.status()));
  if (body.error) return sendError(res, *body.error);
  m_metrics.addRequestBytes(body.bytes.size());
  v1::PushRequest request;
  if (!parseBody(body.bytes, request, res)) return;
  if (request.changes_size() > m_limits.maxChangesPerPush)
    return sendError(res, ApiError::tooManyChanges(m_limits.maxChangesPerPush));
  // Changes made on versions of another epoch (the database was restored from a backup since
  // the tablet last pulled): storing them now would turn every change built on a version the
  // restore lost into a conflict. Refused whole, so the tablet reconciles first.
  if (!request.epoch().empty()) {
    const std::string epoch = m_services.records.epoch();
    if (request.epoch() != epoch) {
      logInfo("push user=" + user->name + " device=" + request.device_id() +
              ": epoch changed, nothing stored");
      v1::PushResponse changed;
      changed.set_epoch_changed(true);
      changed.set_epoch(epoch);
      return sendProto(res, changed);
    }
  }
  Result<v1::PushResponse> response = m_services.push.push(*user, request);
  if (!response) {
    logError("push by " + user->name + " failed, nothing stored: " + response.status().toString());
    return sendError(res, ApiError::fromStatus(response.status()));
  }
  rewordPushResponse(*response, requestLocale());
  int counts[5] = {0, 0, 0, 0, 0};
  for (const v1::ChangeResult& r : response->results()) ++counts[r.outcome() % 5];
  m_metrics.countPushOutcome("applied", counts[v1::ChangeResult::APPLIED]);
  m_metrics.countPushOutcome("duplicate", counts[v1::ChangeResult::DUPLICATE]);
  m_metrics.countPushOutcome("conflict", counts[v1::ChangeResult::CONFLICT]);
  m_metrics.countPushOutcome("rejected", counts[v1::ChangeResult::REJECTED]);
  logInfo("push user=" + user->name + " device=" + request.device_id() +
          " changes=" + std::to_string(request.changes_size()) +
          " applied=" + std::to_string(counts[v1::ChangeResult::APPLIED]) +
          " duplicate=" + std::to_string(counts[v1::ChangeResult::DUPLICATE]) +
          " conflict=" + std::to_string(counts[v1::ChangeResult::CONFLICT]) +
          " rejected=" + std::to_string(counts[v1::ChangeResult::REJECTED]));
  sendProto(res, *response);
}

void SyncApi::pull(const web::Request& req, web::Response& res, const web::ContentReader& reader) {
  Result<User> user = authenticate(req);
  BodyRead body = readBody(req, res, reader, m_limits.maxSmallBodyBytes);
  if (!user) return sendError(res, ApiError::fromStatus(user.status()));
  if (body.error) return sendError(res, *body.error);
  m_metrics.addRequestBytes(body.bytes.size());
  v1::PullRequest request;
  if (!parseBody(body.bytes, request, res)) return;
  Result<v1::PullResponse> response = m_services.pull.pull(*user, request);
  if (!response) return sendError(res, ApiError::fromStatus(response.status()));
  if (response->reset()) logInfo("pull user=" + user->name + ": cursor from another epoch, reset");
  sendProto(res, *response);
}

void SyncApi::photoStatus(const web::Request& req, web::Response& res) {
  Result<User> user = authenticate(req, TokenUse::kUpload);
  if (!user) return sendError(res, ApiError::fromStatus(user.status()));
  Result<PhotoState> state = m_services.photos.status(req.matches[1]);
  if (!state) return sendError(res, ApiError::fromStatus(state.status()));
  sendProto(res, toProto(*state));
}

void SyncApi::photoUpload(const web::Request& req, web::Response& res,
                          const web::ContentReader& reader) {
  Result<User> user = authenticate(req, TokenUse::kUpload);
  BodyRead body = readBody(req, res, reader, m_limits.maxPhotoChunkBytes);
  if (!user) return sendError(res, ApiError::fromStatus(user.status()));
  const std::optional<std::int64_t> offset = parseInt(req.get_param_value("offset"));
  const std::optional<std::int64_t> total = parseInt(req.get_param_value("total"));
  const std::string sha256 = req.matches[1];
  if (body.cut && offset && total && !body.bytes.empty()) {
    // The connection dropped mid-chunk: the bytes that did arrive are the start of that chunk,
    // so keep them (same offset checks as a whole chunk). The client resumes from the byte
    // offset the server holds, not from the start of the chunk (docs/protocol.md, "Photos").
    m_metrics.addRequestBytes(body.bytes.size());
    Result<PhotoUpload> kept = m_services.photos.upload(sha256, *offset, *total, body.bytes);
    if (kept && kept->outcome == PhotoUploadOutcome::kAccepted) {
      m_metrics.addPhotoBytes(body.bytes.size());
      logInfo("photo " + sha256 + ": connection cut mid-chunk, kept " +
              std::to_string(body.bytes.size()) + " bytes at offset " + std::to_string(*offset));
    }
  }
  if (body.error) return sendError(res, *body.error);
  m_metrics.addRequestBytes(body.bytes.size());
  if (!offset || !total)
    return sendError(
        res, ApiError::fromStatus(Status::invalidArgument(
                 msg("http.offset_total_required"),
                 {fieldError("offset",
                             msg("http.given_value", {{"value", req.get_param_value("offset")}})),
                  fieldError("total", msg("http.given_value",
                                          {{"value", req.get_param_value("total")}}))})));
  Result<PhotoUpload> upload = m_services.photos.upload(sha256, *offset, *total, body.bytes);
  if (!upload) return sendError(res, ApiError::fromStatus(upload.status()));
  switch (upload->outcome) {
    case PhotoUploadOutcome::kAccepted:
      m_metrics.addPhotoBytes(body.bytes.size());
      if (upload->state.complete && !body.bytes.empty())
        logInfo("photo " + sha256 + " complete (" + std::to_string(*total) + " bytes)");
      return sendProto(res, toProto(upload->state));
    case PhotoUploadOutcome::kOffsetMismatch:
      // The body is the PhotoStatus, so the client can resume from received_bytes at once.
      return sendProto(res, toProto(upload->state), 409);
    case PhotoUploadOutcome::kHashMismatch:
      logWarn("photo " + sha256 + ": bytes do not match the hash, partial upload discarded");
      return sendError(res, ApiError::hashMismatch(sha256));
    case PhotoUploadOutcome::kTooLarge:
      return sendError(res, ApiError::photoTooLarge(m_services.photos.maxPhotoBytes()));
  }
}

void SyncApi::getRecord(const web::Request& req, web::Response& res) {
  Result<User> user = authenticate(req);
  if (!user) return sendError(res, ApiError::fromStatus(user.status()));
  // No record has a kind this build does not know: 404, as for an unknown id.
  const std::string code = req.matches[1];
  const std::optional<RecordKind> kind = parseRecordKind(code);
  if (!kind)
    return sendError(
        res, ApiError::fromStatus(Status::notFound(msg("access.unknown_kind", {{"kind", code}}))));
  Result<v1::PulledChange> record = m_services.records.record(*user, *kind, req.matches[2]);
  if (!record) return sendError(res, ApiError::fromStatus(record.status()));
  sendProto(res, *record);
}

void SyncApi::inspectionStatus(const web::Request& req, web::Response& res) {
  Result<User> user = authenticate(req);
  if (!user) return sendError(res, ApiError::fromStatus(user.status()));
  Result<v1::InspectionStatus> status = m_services.records.inspectionStatus(*user, req.matches[1]);
  if (!status) return sendError(res, ApiError::fromStatus(status.status()));
  sendProto(res, *status);
}

}  // namespace anju::server
