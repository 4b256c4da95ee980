// SyncClient: login and the cached session, and one sync's orchestration (push, photos, pull)
// with the outcome recorded in sync state.
#include "anju/sync_client.h"

#include <algorithm>
#include <charconv>
#include <random>
#include <thread>

#include "anju/v1/sync.pb.h"
#include "sync/exchange.h"
#include "sync/sync_run.h"

namespace anju {
namespace {

std::string encodeRegions(const google::protobuf::RepeatedPtrField<v1::RegionPath>& regions) {
  std::string out;
  for (const v1::RegionPath& r : regions)
    out += r.district() + "\t" + r.street() + "\t" + r.community() + "\n";
  return out;
}

std::vector<RegionPath> decodeRegions(const std::string& text) {
  std::vector<RegionPath> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    const std::size_t a = line.find('\t');
    const std::size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b != std::string::npos)
      out.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
    start = end + 1;
  }
  return out;
}

}  // namespace

TimestampMs SystemSyncClock::now() { return systemNowMs(); }

bool SystemSyncClock::sleepFor(std::chrono::milliseconds delay, const std::atomic<bool>* cancel) {
  const auto until = std::chrono::steady_clock::now() + delay;
  while (std::chrono::steady_clock::now() < until) {
    if (cancel && cancel->load()) return false;
    const auto left = until - std::chrono::steady_clock::now();
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(left, std::chrono::milliseconds(50)));
  }
  return !(cancel && cancel->load());
}

std::chrono::milliseconds backoffDelay(const SyncOptions& options, int retry, double random01) {
  std::int64_t ceiling = options.initialBackoff.count();
  for (int i = 0; i < retry && ceiling < options.maxBackoff.count(); ++i) ceiling *= 2;
  ceiling = std::min<std::int64_t>(ceiling, options.maxBackoff.count());
  const double r = std::clamp(random01, 0.0, 1.0);
  return std::chrono::milliseconds(ceiling / 2 + static_cast<std::int64_t>(r * (ceiling / 2)));
}

SyncClient::SyncClient(Store& store, PhotoLibrary& photos, HttpTransport& transport,
                       SyncOptions options, SyncClock* clock)
    : m_store(store),
      m_photos(photos),
      m_transport(transport),
      m_options(std::move(options)),
      m_clock(clock) {
  if (!m_clock) {
    m_ownClock = std::make_unique<SystemSyncClock>();
    m_clock = m_ownClock.get();
  }
  if (!m_options.random) {
    auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
    m_options.random = [engine] {
      return std::uniform_real_distribution<double>(0.0, 1.0)(*engine);
    };
  }
}

SyncClient::~SyncClient() = default;

Result<Session> SyncClient::login(std::string_view user, std::string_view password,
                                  const std::atomic<bool>* cancel) {
  v1::LoginRequest request;
  request.set_username(std::string(user));
  request.set_password(std::string(password));
  request.set_device_id(m_options.deviceId);
  sync::Exchange exchange(m_transport, *m_clock, m_options, cancel);
  v1::LoginResponse answer;
  Result<HttpResponse> response = exchange.send(
      sync::protobufRequest("POST", "/v1/auth/login", request.SerializeAsString(), ""),
      [&](const std::string& body) {
        return answer.ParseFromString(body) && !answer.token().empty();
      });
  if (!response) return response.status();
  if (response->status == 401) return Status::unauthenticated(msg("sync.wrong_user_name_password"));
  if (response->status != 200)
    return sync::httpError(*response, messageRef("action", "sync.sign"), m_options.locale);
  Status s = m_store.setSyncStates({
      {std::string(kSyncAuthToken), answer.token()},
      {std::string(kSyncAuthExpiresAt), std::to_string(answer.expires_at())},
      {std::string(kSyncAuthUser), std::string(user)},
      {std::string(kSyncAuthDisplayName), answer.display_name()},
      {std::string(kSyncAuthRole), answer.role()},
      {std::string(kSyncAuthRegions), encodeRegions(answer.regions())},
      {std::string(kSyncServerEpoch), answer.server_epoch()},
      {std::string(kSyncLastError), ""},
  });
  if (!s) return s;
  return session();
}

bool isDeviceRevoked(const Status& status) {
  return status.code() == StatusCode::kUnauthenticated && status.text().id == kDeviceRevokedId;
}

Status SyncClient::wipeRevoked(const Status& revoked) {
  // Photos first: a wipe cut short leaves records whose bytes are gone (harmless, the next
  // contact is refused again and finishes), never photo files nothing names.
  if (Status s = m_photos.removeAll(); !s) return s;
  if (Status s = m_store.wipe(); !s) return s;
  // The one thing the emptied store keeps: why it is empty, for the status screen.
  (void)m_store.setSyncState(kSyncLastError, describe(revoked, m_options.locale));
  return revoked;
}

Result<Session> SyncClient::session() {
  Session out;
  std::string token, expires, regions;
  const std::pair<std::string_view, std::string*> fields[] = {
      {kSyncAuthUser, &out.user},  {kSyncAuthDisplayName, &out.displayName},
      {kSyncAuthRole, &out.role},  {kSyncServerEpoch, &out.serverEpoch},
      {kSyncAuthToken, &token},    {kSyncAuthExpiresAt, &expires},
      {kSyncAuthRegions, &regions}};
  for (const auto& [key, target] : fields) {
    Result<std::string> value = m_store.syncState(key);
    if (!value) return value.status();
    *target = std::move(*value);
  }
  if (out.user.empty()) return Status::notFound(msg("sync.nobody_signed_tablet"));
  out.hasToken = !token.empty();
  // A damaged value reads as 0 ("unknown"); the server judges the token anyway.
  std::from_chars(expires.data(), expires.data() + expires.size(), out.expiresAt);
  out.regions = decodeRegions(regions);
  return out;
}

Status SyncClient::logout() {
  std::vector<std::pair<std::string, std::string>> cleared;
  for (std::string_view key : {kSyncAuthToken, kSyncAuthExpiresAt, kSyncAuthUser,
                               kSyncAuthDisplayName, kSyncAuthRole, kSyncAuthRegions})
    cleared.emplace_back(std::string(key), "");
  return m_store.setSyncStates(cleared);
}

Result<SyncReport> SyncClient::sync(const SyncProgressFn& progress,
                                    const std::atomic<bool>* cancel) {
  Result<std::string> token = m_store.syncState(kSyncAuthToken);
  if (!token) return token.status();
  if (token->empty()) {
    Status s = Status::unauthenticated(msg("sync.sign_first"));
    (void)m_store.setSyncState(kSyncLastError, describe(s, m_options.locale));
    return s;
  }
  sync::Exchange exchange(m_transport, *m_clock, m_options, cancel);
  sync::SyncRun run(m_store, m_photos, exchange, m_options, *token, progress);
  // Records first, so the server knows a photo's record before its bytes arrive; then the bytes;
  // then what others changed.
  Status s = run.push();
  if (s && !run.cancelled()) s = run.uploadPhotos();
  if (s && !run.cancelled()) s = run.pull();
  // The server restored a backup (push or pull saw its new epoch): the pull from scratch has
  // told what it holds; what it lost of ours goes again, in this same sync.
  if (s && !run.cancelled()) s = run.repushLost();
  run.report().retries = exchange.retries();

  if (run.cancelled()) {
    run.report().cancelled = true;
    return run.report();
  }
  if (!s && isDeviceRevoked(s)) return wipeRevoked(s);
  if (!s) {
    // Kept for the status screen; a store failure while recording it cannot be reported better
    // than by returning the original error.
    std::vector<std::pair<std::string, std::string>> state{
        {std::string(kSyncLastError), describe(s, m_options.locale)}};
    if (s.code() == StatusCode::kUnauthenticated) state.emplace_back(kSyncAuthToken, "");
    (void)m_store.setSyncStates(state);
    return s;
  }
  Status saved =
      m_store.setSyncStates({{std::string(kSyncLastSyncAt), std::to_string(m_clock->now())},
                             {std::string(kSyncLastError), ""}});
  if (!saved) return saved;
  return run.report();
}

}  // namespace anju
