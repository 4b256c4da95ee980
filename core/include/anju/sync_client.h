// SyncClient: the tablet's side of the sync protocol (docs/protocol.md, "Client algorithm").
//
//   login(user, password)  POST /v1/auth/login; the session is cached in the store (below).
//   sync(progress, cancel) 1. push the outbox in batches capped by count and bytes, gzip'd;
//                             per change: applied/duplicate -> acknowledged, conflict -> both
//                             versions kept (Store::recordConflict), rejected -> kept with the
//                             reason and not resent (Store::rejectOutbox);
//                          2. upload queued photo bytes, resumably, in chunks;
//                          3. pull pages until has_more is false, each page stored with its
//                             cursor in one transaction; a reset starts again from scratch.
// Network errors and 5xx are retried with exponential backoff and jitter, a bounded number of
// times per request; a 4xx stops the sync. Either way the error is kept in sync state
// (kSyncLastError, plain words, Chinese then English) for the status screen; 401 means "sign in
// again" and forgets the token. Everything done before an error or a cancel stays done and
// consistent: each acknowledgement, photo chunk and pulled page is its own durable step, and
// the next sync carries on from there.
//
// Cached credentials (the policy). The tablet works offline for days, so login caches in the
// store's sync state: the bearer token, its expiry, the user name, display name, role, regions
// and the server epoch. The password is never stored. The cached identity keeps the app usable
// offline (who is inspecting, which regions are theirs) even after the token expires; only
// syncing needs a valid token. The server is the judge of expiry (the tablet's clock may be
// wrong): a 401 clears the token, keeps everything else (outbox, photos, records) and asks the
// user to sign in again; nothing waiting to be sent is lost by signing in again. logout() forgets
// the token and the cached identity; unsent changes stay and are sent by the next user who signs
// in on this tablet (attributed on the server to that user; the tablet's audit trail keeps who
// made each change). The store file lives in the app's private storage; the token is as
// sensitive as that file.
//
// A lost tablet (the policy). An administrator can revoke a device's tokens
// (`anju-server revoke-tokens`). The server then refuses everything from that token, push
// included (401, code token_revoked), because the device is presumed stolen: whoever holds it
// must not be able to write into the register. On that answer sync() wipes the tablet
// (Store::wipe, PhotoLibrary::removeAll) and returns the kDeviceRevokedId error. The trade-off:
// changes still in the outbox when the revocation happened are lost with the tablet; an
// administrator revokes only a tablet that is gone, and one that is found again simply signs in
// again and pulls its region afresh.
//
// Thread-safety: one sync or login at a time per SyncClient; `cancel` may be set from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "anju/http_transport.h"
#include "anju/model.h"
#include "anju/photo_library.h"
#include "anju/status.h"
#include "anju/store.h"

namespace anju {

/// syncState keys written by the sync client (besides kSyncPullCursor and kSyncEpoch).
inline constexpr std::string_view kSyncAuthToken = "auth_token";
inline constexpr std::string_view kSyncAuthExpiresAt = "auth_expires_at";  // UTC ms, decimal
inline constexpr std::string_view kSyncAuthUser = "auth_user";
inline constexpr std::string_view kSyncAuthDisplayName = "auth_display_name";
inline constexpr std::string_view kSyncAuthRole = "auth_role";
inline constexpr std::string_view kSyncAuthRegions = "auth_regions";  // lines "区\t街道\t社区"
inline constexpr std::string_view kSyncServerEpoch = "server_epoch";  // as of the last login
inline constexpr std::string_view kSyncLastSyncAt = "last_sync_at";   // UTC ms of the last success
inline constexpr std::string_view kSyncLastError = "last_error";      // empty after a success

/// The message id of the error a sync returns after the server said an administrator revoked
/// this tablet's token (HTTP 401, code token_revoked); the store and photos are wiped by then.
inline constexpr std::string_view kDeviceRevokedId = "sync.device_revoked";
/// True for that error: the app tells the user the tablet was wiped and shows the sign-in.
bool isDeviceRevoked(const Status& status);

/// The cached identity of the signed-in user (see the policy above).
struct Session {
  std::string user;
  std::string displayName;
  std::string role;  // "inspector", "reviewer", "admin"
  std::vector<RegionPath> regions;
  TimestampMs expiresAt = 0;
  std::string serverEpoch;
  bool hasToken = false;  // false after a 401 or logout: sync needs a new login
};

/// Time for the sync client: what "now" is, and waiting between retries. Tests pass a fake that
/// records the waits and returns at once.
class SyncClock {
 public:
  virtual ~SyncClock() = default;
  virtual TimestampMs now() = 0;
  /// Waits `delay`, or less if `cancel` (may be null) becomes true; false when cancelled.
  virtual bool sleepFor(std::chrono::milliseconds delay, const std::atomic<bool>* cancel) = 0;
};

/// The system clock; sleeps in short slices so a cancel is noticed within ~50 ms.
class SystemSyncClock final : public SyncClock {
 public:
  TimestampMs now() override;
  bool sleepFor(std::chrono::milliseconds delay, const std::atomic<bool>* cancel) override;
};

struct SyncOptions {
  /// Stable id of this tablet, sent with login and push (the server's audit trail).
  std::string deviceId;
  /// A push batch holds at most this many changes and this many payload bytes (before gzip);
  /// a single change larger than maxBatchBytes still goes alone. The byte cap is the one that
  /// binds for ordinary records (~1 KB: about 1000 a batch, ~170 KB on the wire after gzip):
  /// each batch is a round trip and an fsync on both sides, and 100-change batches made a 10k
  /// push 101 of them (issue 12 §2).
  int maxBatchChanges = 1000;
  std::int64_t maxBatchBytes = 1 << 20;
  /// Photo bytes per PUT; a cut connection costs at most one chunk.
  std::int64_t photoChunkBytes = 512 * 1024;
  int pullPageSize = 1000;
  /// Tries per request (first try included) on network errors and 5xx.
  int maxAttempts = 5;
  /// Retry n (0-based) waits a random time in [d/2, d), d = min(maxBackoff, initialBackoff·2^n):
  /// exponential, and jittered so tablets coming back online together do not retry in step.
  std::chrono::milliseconds initialBackoff{1000};
  std::chrono::milliseconds maxBackoff{60000};
  /// Uniform random numbers in [0, 1) for the jitter; empty: a seeded random generator.
  std::function<double()> random;
  /// The language of texts the sync keeps as words (reasons of rejected changes) and asks the
  /// server to answer in (Accept-Language).
  Locale locale = Locale::kChinese;
};

/// The delay before retry `retry` (0-based) with jitter value `random01` in [0, 1).
std::chrono::milliseconds backoffDelay(const SyncOptions& options, int retry, double random01);

enum class SyncPhase { kPush, kPhotos, kPull };

/// What a sync did (so far, when passed to the progress callback).
struct SyncReport {
  // Push
  std::int64_t changesToPush = 0;  // pending when the sync started
  int applied = 0;
  int duplicates = 0;
  int conflicts = 0;  // both versions kept: Store::openConflicts and the server's conflicts
  int rejected = 0;   // kept with the reason: Store::rejectedOutbox
  std::int64_t bytesPushed = 0;  // push bodies as sent (gzip)
  // Photos
  int photosToUpload = 0;
  int photosUploaded = 0;
  std::int64_t photoBytesToUpload = 0;
  std::int64_t photoBytesSent = 0;  // bytes the server acknowledged
  /// Photos that could not be uploaded this time (local file missing or damaged); still queued.
  std::vector<Message> photoProblems;
  // Pull
  int pulledApplied = 0;
  int pulledSkipped = 0;
  int pulledConflicts = 0;
  std::int64_t bytesPulled = 0;
  /// Records this pull is expected to bring, from the server's count on its first page (the
  /// progress bar's total); 0 while unknown, or from a server that does not count.
  std::int64_t pullExpected = 0;
  bool pullReset = false;  // the server said our cursor was from another epoch: full re-sync
  /// After such a reset (the server restored a backup): changes queued again because the server
  /// no longer held them (Store::requeueLostChanges); pushed in the same sync.
  std::int64_t requeuedAfterRestore = 0;
  // Overall
  int retries = 0;
  bool cancelled = false;  // stopped by the cancel flag; what was done is kept

  int changesPushed() const { return applied + duplicates + conflicts + rejected; }
  int recordsPulled() const { return pulledApplied + pulledSkipped + pulledConflicts; }
};

using SyncProgressFn = std::function<void(SyncPhase phase, const SyncReport& soFar)>;

class SyncClient {
 public:
  /// Borrows `store`, `photos`, `transport` and `clock` (null: the system clock); all must
  /// outlive the client.
  SyncClient(Store& store, PhotoLibrary& photos, HttpTransport& transport, SyncOptions options,
             SyncClock* clock = nullptr);
  ~SyncClient();
  SyncClient(const SyncClient&) = delete;
  SyncClient& operator=(const SyncClient&) = delete;

  /// Signs in and caches the session. unauthenticated for a wrong user name or password;
  /// unavailable when the server cannot be reached (after retries).
  Result<Session> login(std::string_view user, std::string_view password,
                        const std::atomic<bool>* cancel = nullptr);
  /// The cached session; notFound when nobody has signed in on this tablet.
  Result<Session> session();
  /// Forgets the token and the cached identity; local data and the outbox stay.
  Status logout();

  /// One full sync (push, photos, pull). On success kSyncLastSyncAt is set and kSyncLastError
  /// cleared. A cancel returns the report so far with `cancelled` set. Errors: unauthenticated
  /// (not signed in, or 401: sign in again; isDeviceRevoked: the tablet was wiped, see above),
  /// unavailable (network/5xx after the retries), invalidArgument/permissionDenied (other 4xx),
  /// store errors (e.g. a full disk).
  Result<SyncReport> sync(const SyncProgressFn& progress = {},
                          const std::atomic<bool>* cancel = nullptr);

 private:
  /// The server revoked this tablet: erase the photos and the store; returns `revoked`, or the
  /// error that stopped the wipe (the next sync is refused again and finishes it).
  Status wipeRevoked(const Status& revoked);

  Store& m_store;              // borrowed
  PhotoLibrary& m_photos;      // borrowed
  HttpTransport& m_transport;  // borrowed
  SyncOptions m_options;
  std::unique_ptr<SystemSyncClock> m_ownClock;
  SyncClock* m_clock;  // borrowed, or m_ownClock
};

}  // namespace anju
