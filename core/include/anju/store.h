// Store: the tablet's local database (SQLite). Holds the records of the communities assigned to
// this tablet, the outbox of changes not yet confirmed by the server, the audit trail, the sync
// cursor and the conflicts shown to the user.
//
// Errors are values (Status / Result), never exceptions. Every user action is one transaction:
// the record, its outbox row and its audit row are written together or not at all.
//
// Thread-safety: a Store may be shared between threads; calls are serialised on one connection.
// The schema is described in docs/data-model.md.
//
// ---------------------------------------------------------------------------------------------
// Sync algorithm (the contract the sync client is written against)
//
// Versions. Every record carries a hybrid-logical-clock version (hlc.h). A local save takes
// clock.now(), which is above every version on disk and every version pulled, so versions of a
// record only grow, across restarts too (the clock is seeded from the largest version on disk
// when the store opens). `server_version` is the last version of the record the server confirmed.
//
// Push (outbox). Each local save appends one outbox row: a fresh change id (UUID, the
// idempotency key on the server), kind, record id, the new version, base_version (the record's
// version before this save, 0 for a new record) and the full record payload. Rows are never
// merged: two saves of one record while offline are two changes, sent in order. The push loop:
//   1. batch = pendingOutbox(maxCount, maxBytes)        -- oldest first (by seq)
//   2. send the batch; the server answers per change, after its durable commit
//   3. APPLIED or DUPLICATE -> acknowledgeOutbox(changeId, serverVersion)
//      CONFLICT            -> recordConflict(changeId, serverRecord, serverVersion)
//      REJECTED            -> rejectOutbox(changeId, reason): the row stays, marked with the
//                             reason for the user, and pendingOutbox no longer returns it (the
//                             server would refuse it again). The fix is a new save of the record,
//                             built on the version the server still holds (see rejectOutbox).
//   4. repeat while pendingOutboxCount() > 0 and the network is up.
// A crash anywhere is safe: an unacknowledged row is sent again, and the server answers
// DUPLICATE for a change id it already holds. The outbox is the set of pending changes; there is
// no separate "pushed up to" checkpoint to get out of step with it.
//
// Pull (cursor). The pull cursor is opaque (the server's), stored under kSyncPullCursor:
//   1. cursor = syncState(kSyncPullCursor)               -- empty: pull from the start
//   2. response = server.pull(cursor)
//   3. if response.epoch differs from syncState(kSyncEpoch) (the server was restored from a
//      backup) or response.reset: setSyncState(kSyncPullCursor, "") and pull from scratch;
//      pushing again is harmless (idempotent change ids).
//   4. applyPulled(response.changes, response.next_cursor, response.epoch)
//      -- the records AND the new cursor are written in one transaction, so after a crash the
//         cursor never points past changes that were not stored, nor before stored ones.
//   5. repeat while response.has_more.
// applyPulled never writes outbox rows (a pulled change is already on the server). For each
// pulled record: if the tablet has unsent outbox changes for it, the local record stays and the
// pulled one is kept in `conflicts` (the local change will meet the server's version when pushed
// and be resolved there); else if the pulled version is newer than the local one, it replaces
// the local record; else (an older or already known version) it is skipped.
//
// Photo bytes. Saving a photo record also queues its bytes (by SHA-256) for upload, in the same
// transaction; the sync client uploads them after pushing the records and calls
// markPhotoUploaded once the server has verified them. Pulled photos are never queued.
// ---------------------------------------------------------------------------------------------
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "anju/hlc.h"
#include "anju/model.h"
#include "anju/record_kind.h"
#include "anju/status.h"

namespace anju {

/// syncState keys.
inline constexpr std::string_view kSyncPullCursor = "pull_cursor";
inline constexpr std::string_view kSyncEpoch = "epoch";
/// "1" from beginEpochReconcile until requeueLostChanges: the server was restored and what it
/// lost is still to be queued again.
inline constexpr std::string_view kSyncEpochRepush = "epoch_repush";

struct StoreOptions {
  /// Stable id of this tablet, written to every audit row.
  std::string deviceId;
  /// How long a write waits for another connection's lock before failing with unavailable.
  int busyTimeoutMs = 5000;
  /// A size quota for the database file: a write past it fails with ioError ("storage is full")
  /// and changes nothing, exactly like a full disk. Unset: no quota.
  std::optional<std::int64_t> maxDatabaseBytes;
  /// Wall clock for versions and audit times; tests inject a fake. Default: the system clock.
  HybridLogicalClock::WallClock wallClock;
};

/// Filter of the house list. Empty strings and unset optionals mean "any". Give the region from
/// the top (district, then street, then community): community names repeat across streets, and
/// a region prefix is what the list index is ordered by.
struct BuildingFilter {
  std::string district;
  std::string street;
  std::string community;
  std::optional<PreliminaryJudgment> judgment;  // of the latest inspection
  std::optional<ReviewState> review;            // of the latest inspection
  std::optional<bool> inspected;                // false: only houses never inspected
  /// true: only houses whose latest visit did not reach them (nobody home, entry refused), the
  /// "待回访" list; false: all others.
  std::optional<bool> toRevisit;
};

/// One row of the house list: enough to draw it without decoding the full record.
struct BuildingSummary {
  Uuid id;
  RegionPath region;
  std::string address;
  std::optional<PreliminaryJudgment> judgment;   // latest inspection's effective judgment
  std::optional<ReviewState> review;             // latest inspection's review state
  TimestampMs lastInspectedAt = 0;               // 0: never inspected
  std::optional<VisitOutcome> lastVisitOutcome;  // latest visit's outcome; unset: never visited
  TimestampMs lastVisitedAt = 0;                 // 0: never visited
  int visitCount = 0;                            // every door knocked, all outcomes
  bool operator==(const BuildingSummary&) const = default;
};

/// A house a reviewer dispatched to this tablet's inspector (分派给我), as the last pull sent it.
struct HouseAssignment {
  Uuid buildingId;
  std::string dueDate;  // YYYY-MM-DD, Beijing date
  std::string assignedBy;
  TimestampMs assignedAt = 0;
  bool operator==(const HouseAssignment&) const = default;
};

/// An assigned house as the list shows it: its list row and the due date.
struct AssignedHouse {
  BuildingSummary summary;
  std::string dueDate;
  std::string assignedBy;
};

/// One point of the tablet's map of my houses (see map_geometry.h): the list row plus where the
/// house is and whom to call.
struct MapHouse {
  BuildingSummary summary;
  std::optional<GeoPoint> location;  // none: the register has no GPS for this house
  std::string ownerName;
  std::string ownerContact;
};

/// A record's version and the last version the server confirmed (0: never synced).
struct RecordVersions {
  HlcVersion version = 0;
  HlcVersion serverVersion = 0;
};

/// One pending local change (see the algorithm above).
struct OutboxEntry {
  std::int64_t seq = 0;  // order of the changes on this tablet
  Uuid changeId;
  RecordKind kind = RecordKind::kBuilding;
  Uuid recordId;
  HlcVersion version = 0;
  HlcVersion baseVersion = 0;  // the record's version before this change; 0 for a new record
  std::string payload;         // anju.v1.Record bytes (encodeRecord)
  TimestampMs createdAt = 0;
};

/// One record as received from a pull.
struct PulledRecord {
  RecordKind kind = RecordKind::kBuilding;
  Uuid id;
  HlcVersion version = 0;
  std::string payload;  // anju.v1.Record bytes
};

/// What applyPulled did with a batch.
struct PullOutcome {
  int applied = 0;    // replaced or created a local record
  int skipped = 0;    // older than, or the same as, the local record
  int conflicts = 0;  // the local record has unsent changes; the pulled one went to conflicts
};

/// A change the server refused (REJECTED), kept on the tablet with the server's reason.
struct RejectedChange {
  OutboxEntry change;
  std::string reason;  // encoded (anju/stored_reason.h): reasonText() words it for people
  TimestampMs rejectedAt = 0;
};

/// Bytes of a locally taken photo still to upload.
struct PhotoUpload {
  std::string sha256;
  std::int64_t byteSize = 0;
  bool operator==(const PhotoUpload&) const = default;
};

/// A version that lost and is kept for the user to see.
struct ConflictEntry {
  std::int64_t id = 0;
  RecordKind kind = RecordKind::kBuilding;
  Uuid recordId;
  std::string origin;  // "push": our change lost to the server; "pull": a pulled change waits
                       // behind unsent local edits
  HlcVersion losingVersion = 0;
  std::string losingPayload;  // anju.v1.Record bytes
  HlcVersion winningVersion = 0;
  TimestampMs detectedAt = 0;
};

/// One line of the audit trail.
struct AuditEntry {
  std::int64_t id = 0;
  TimestampMs at = 0;
  std::string actor;   // user name ("sync" for changes made by synchronisation)
  std::string device;  // StoreOptions::deviceId
  std::string action;  // "create", "update", "conflict"
  RecordKind kind = RecordKind::kBuilding;
  Uuid recordId;
  HlcVersion version = 0;
  std::string summary;  // e.g. "address: 幸福路12号 → 幸福路14号; storeys_above: 2 → 3"
};

class Store {
 public:
  /// Opens or creates the database at `path` and brings its schema up to date.
  /// Errors: corruption for a file that is not SQLite, is damaged, or belongs to another
  /// application; conflict for a database written by a newer Anju (schema too new); ioError when
  /// the file cannot be opened or written; unavailable when it stays locked.
  static Result<std::unique_ptr<Store>> open(const std::string& path, StoreOptions options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// The schema version this build writes (and the highest it can open).
  static int latestSchemaVersion();

  // --- User actions: one transaction each ---------------------------------------------------
  // Each validates first (validation.h; a bad record returns that invalidArgument Status and
  // changes nothing), then writes the record, an outbox row and an audit row attributed to
  // `actor`, and returns the record's new version. Saving a record identical to the stored one
  // writes nothing and returns the stored version.

  /// Creates or updates a building.
  Result<HlcVersion> putBuilding(const Building& building, std::string_view actor);
  /// Creates or updates an inspection with its findings. notFound when its building is not in
  /// the store; conflict for a review change validation.h does not allow (e.g. approved→draft).
  Result<HlcVersion> putInspection(const Inspection& inspection, std::string_view actor);
  /// Adds a photo record. Photos are immutable: a different record under an existing id is a
  /// conflict. notFound when its building is not in the store.
  Result<HlcVersion> putPhoto(const PhotoRecord& photo, std::string_view actor);
  /// Creates or updates a rectification; status may only move forward (validation.h).
  Result<HlcVersion> putRectification(const Rectification& rectification, std::string_view actor);
  /// Records one visit (走访). notFound when its building is not in the store.
  Result<HlcVersion> putVisit(const Visit& visit, std::string_view actor);
  /// Submitting an inspection at the door is also a visit with outcome "inspected": both are
  /// written in ONE transaction (either both or neither), each with its outbox row. `visit`
  /// must name the inspection (see visitForSubmission in visits.h). Returns the inspection's
  /// version.
  Result<HlcVersion> putInspectionWithVisit(const Inspection& inspection, const Visit& visit,
                                            std::string_view actor);
  /// Bulk import in ONE transaction: all buildings or none. Every building is validated before
  /// anything is written; the first invalid one is reported with its index.
  Status putBuildings(std::span<const Building> buildings, std::string_view actor);

  // --- Reading ------------------------------------------------------------------------------
  // notFound for an unknown id; lists are empty when nothing matches.

  Result<Building> building(const Uuid& id);
  Result<Inspection> inspection(const Uuid& id);
  /// Newest first (by start time).
  Result<std::vector<Inspection>> inspectionsOfBuilding(const Uuid& buildingId);
  Result<PhotoRecord> photo(const Uuid& id);
  /// In capture order.
  Result<std::vector<PhotoRecord>> photosOfInspection(const Uuid& inspectionId);
  Result<std::vector<Rectification>> rectificationsOfBuilding(const Uuid& buildingId);
  /// Newest first (by visit time, then id).
  Result<std::vector<Visit>> visitsOfBuilding(const Uuid& buildingId);
  Result<RecordVersions> versionsOf(RecordKind kind, const Uuid& id);
  /// Oldest first.
  Result<std::vector<AuditEntry>> auditTrail(RecordKind kind, const Uuid& id);

  // --- House list and address search --------------------------------------------------------

  /// Houses matching `filter`, ordered by district, street, community, address (house numbers in
  /// natural order: 1号, 2号, 12号, see natural_sort.h), id. Paging is by
  /// keyset: pass the last row of the previous page as `after` (stable while rows are added,
  /// and as fast on page 500 as on page 1).
  Result<std::vector<BuildingSummary>> listBuildings(
      const BuildingFilter& filter, int limit,
      const std::optional<BuildingSummary>& after = std::nullopt);
  Result<std::int64_t> countBuildings(const BuildingFilter& filter);
  /// Substring search over address and region names, Chinese included: "幸福路", "和平社区",
  /// "幸福" (any length; several terms separated by spaces must all match). Results are in list
  /// order, at most `limit`, restricted to `within`. An empty query returns nothing.
  Result<std::vector<BuildingSummary>> searchBuildings(std::string_view query, int limit,
                                                       const BuildingFilter& within = {});

  /// Every house of the tablet, for the map (store_map.cpp), in list order. Decodes each record
  /// for its GPS and owner, so it costs one pass over the table (~10^5 rows on a tablet).
  Result<std::vector<MapHouse>> listMapHouses();

  /// The houses assigned to the signed-in inspector that this tablet holds, earliest due date
  /// first, then in list order; at most `limit`.
  Result<std::vector<AssignedHouse>> assignedHouses(int limit);
  /// Replaces every kept assignment with `assignments` (the whole set a pull sent), in one
  /// transaction. Assignments of houses the tablet does not hold are kept and show once the
  /// house arrives.
  Status replaceAssignments(const std::vector<HouseAssignment>& assignments);
  Result<std::vector<HouseAssignment>> assignments();

  // --- Sync (see the algorithm at the top of this file) -------------------------------------

  /// Oldest pending changes: at most maxCount, and at most maxBytes of payload — except that the
  /// first change is always returned, however large, so one big record cannot block the outbox.
  /// Changes the server rejected are not pending (see rejectOutbox).
  Result<std::vector<OutboxEntry>> pendingOutbox(int maxCount, std::int64_t maxBytes);
  Result<std::int64_t> pendingOutboxCount();
  /// The server durably holds this change (applied or duplicate): removes the outbox row and
  /// records serverVersion on the record. notFound when no such change is pending (e.g. it was
  /// acknowledged before) — harmless for the caller to ignore.
  Status acknowledgeOutbox(const Uuid& changeId, HlcVersion serverVersion);
  /// Several acknowledgements in ONE transaction (one fsync instead of one per change: a push
  /// of 10,000 changes spent ~3.5 ms per change committing them one by one). Changes no longer
  /// pending are skipped, as acknowledgeOutbox's notFound would be; all or nothing otherwise.
  struct Acknowledgement {
    Uuid changeId;
    HlcVersion serverVersion = 0;
  };
  Status acknowledgeOutbox(const std::vector<Acknowledgement>& acknowledgements);
  /// The server kept its own version: in one transaction the server's record (anju.v1.Record
  /// bytes) becomes the current local record, the losing local change is moved to conflicts and
  /// its outbox row removed. notFound for an unknown change; invalidArgument/corruption for
  /// server bytes that are not a record of the same kind and id. Later pending changes of the
  /// same record stay in the outbox; they were built on the losing version, so the server will
  /// answer CONFLICT for them too and each is kept the same way (nothing is dropped silently).
  Status recordConflict(const Uuid& changeId, std::string_view serverRecordBytes,
                        HlcVersion serverVersion);
  /// The server refused this change (REJECTED; nothing of it is stored there). The row stays with
  /// `reason` for the user and leaves the pending set, so it is not sent again and again. Later
  /// pending changes of the same record that were built on it are re-based onto the version it
  /// was built on, with fresh change ids (the server may have kept the old ids as conflicts
  /// against a version it never had); a later save of the record is based the same way.
  /// notFound when no such change is in the outbox.
  Status rejectOutbox(const Uuid& changeId, std::string_view reason);
  /// Rejected changes, oldest first.
  Result<std::vector<RejectedChange>> rejectedOutbox();
  /// The user has read a rejected change and lets it go (the record itself is unchanged).
  /// notFound when no such rejected change exists.
  Status discardRejected(const Uuid& changeId);

  /// Photo bytes still to upload, oldest first, at most `limit`.
  Result<std::vector<PhotoUpload>> pendingPhotoUploads(int limit);
  Result<std::int64_t> pendingPhotoUploadCount();
  /// The server holds the complete, hash-verified bytes. Harmless when already marked or unknown.
  Status markPhotoUploaded(std::string_view sha256);

  /// Applies one pulled batch and saves `newCursor` and `epoch` in the same transaction. Writes
  /// no outbox rows. A record that cannot be decoded fails the whole batch (nothing applied, the
  /// cursor not moved), so no change is silently skipped.
  Result<PullOutcome> applyPulled(const std::vector<PulledRecord>& records,
                                  std::string_view newCursor, std::string_view epoch);
  /// The server's database was restored from a backup (its epoch changed), so versions it
  /// confirmed may be lost. In ONE transaction: every record's server_version is forgotten (0),
  /// the pull cursor is cleared and kSyncEpochRepush is set. The pull that follows (from
  /// scratch) raises server_version again to what the server holds; then requeueLostChanges.
  /// A crash in between is safe: the flag stays until requeueLostChanges commits.
  Status beginEpochReconcile();
  /// Whether a reconcile was begun and requeueLostChanges has not run yet.
  Result<bool> epochReconcilePending();
  /// After the pull from scratch, in ONE transaction: each record the server holds an older
  /// version of (or none) is sent again — a version saved on this tablet gets an outbox row
  /// (fresh change id, based on the version the server holds; a photo's bytes are queued again);
  /// a pending change built on a version the server lost is based on what it holds (fresh id).
  /// Another tablet's version is left to that tablet. Clears kSyncEpochRepush. Returns how many
  /// changes were queued or rebased.
  Result<std::int64_t> requeueLostChanges();

  /// The value stored under `key`; empty when never set.
  Result<std::string> syncState(std::string_view key);
  Status setSyncState(std::string_view key, std::string_view value);
  /// Several keys in one transaction (e.g. a login's token, expiry, role and regions).
  Status setSyncStates(const std::vector<std::pair<std::string, std::string>>& values);

  /// Erases everything this store holds — records, outbox, conflicts, audit trail, sync state,
  /// search index — in one transaction, then compacts the file (VACUUM, with secure_delete so no
  /// freed page keeps old rows) and truncates the write-ahead log. The store stays open and
  /// usable, as empty as a new one (schema version kept). For a tablet reported lost: an
  /// administrator revoked its tokens (SyncClient). Photo files are PhotoLibrary::removeAll.
  Status wipe();

  /// Conflicts the user has not dismissed yet, oldest first.
  Result<std::vector<ConflictEntry>> openConflicts();
  Status dismissConflict(std::int64_t conflictId);

  struct Impl;  // private; declared here so the store's source files can share it

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace anju
