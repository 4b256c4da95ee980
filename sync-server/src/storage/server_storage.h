// ServerStorage: everything the sync server keeps, behind one interface. SqlStorage
// (sql_storage.h) implements it once over the SQLite and PostgreSQL drivers; no SQL leaks out
// of it, callers see rows as plain structs.
//
// Writes that must be atomic with the rules that decide them (push, server-side edits, imports)
// go through a SyncTransaction (unit of work): the service reads, decides, writes, and commits.
// Dropping a transaction without commit() rolls it back.
//
// Thread-safety: a ServerStorage may be used from many request threads at once. A
// SyncTransaction belongs to the thread that began it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "anju/hlc.h"
#include "anju/model.h"
#include "anju/record_kind.h"
#include "anju/status.h"
#include "storage/region_filter.h"

namespace anju::server {

enum class Role { kInspector, kReviewer, kAdmin };
const char* roleCode(Role role);
std::optional<Role> parseRole(std::string_view code);

struct User {
  std::string name;
  Role role = Role::kInspector;
  std::string displayName;
  std::string passwordHash;  // libsodium crypto_pwhash_str (Argon2id) string
  std::vector<RegionPath> regions;
};

struct TokenRow {
  std::string tokenHash;  // hex SHA-256 of the bearer token; the token itself is never stored
  std::string userName;
  std::string deviceId;
  TimestampMs createdAt = 0;
  TimestampMs expiresAt = 0;
};

/// A device's sign-ins of one user (ServerStorage::deviceTokens).
struct DeviceTokens {
  std::string userName;
  std::string deviceId;
  TimestampMs lastSignIn = 0;  // created_at of the newest token
  int usable = 0;              // tokens neither expired nor revoked
  int revoked = 0;
};

/// What a token is checked for: anything, or carrying a tablet's own data up (push, photo bytes),
/// which a lost tablet's revoked token may still do once (revoke-tokens without --stolen).
enum class TokenUse { kAny, kUpload };

/// The message id of the "token revoked" unauthenticated Status (HTTP 401, code token_revoked).
inline constexpr std::string_view kTokenRevokedId = "auth.token_revoked";

/// The current version of one record, as stored.
struct StoredRecord {
  RecordKind kind = RecordKind::kBuilding;
  Uuid id;
  RegionPath region;   // the building's region (for a building: its own)
  Uuid buildingId;     // empty for buildings
  Uuid inspectionId;   // photos only: the inspection the photo belongs to, may be empty
  std::string sha256;  // photos only
  HlcVersion version = 0;
  std::int64_t seq = 0;  // server sequence number of the change that produced this version
  std::string payload;   // serialised anju.v1.Record, unknown fields included
};

enum class ChangeOutcome { kApplied, kConflict };

/// A change id the server has already processed (applied or kept as a conflict).
struct SeenChange {
  std::string changeId;
  RecordKind kind = RecordKind::kBuilding;
  Uuid recordId;
  ChangeOutcome outcome = ChangeOutcome::kApplied;
  HlcVersion version = 0;
  std::string userName;
  std::string deviceId;
  TimestampMs receivedAt = 0;
};

/// A losing version: kept so a reviewer can see and reconcile it; never overwrites the record.
struct ConflictRow {
  std::string changeId;
  RecordKind kind = RecordKind::kBuilding;
  Uuid recordId;
  HlcVersion baseVersion = 0;
  HlcVersion incomingVersion = 0;
  HlcVersion serverVersion = 0;
  std::string payload;
  std::string userName;
  std::string deviceId;
  TimestampMs receivedAt = 0;
};

/// What to write as a record's new current version. `seq` is assigned by the storage.
struct RecordWrite {
  StoredRecord record;   // seq ignored
  std::string changeId;  // empty for server-side edits and imports
  std::string source;    // "push:<user>", "review:<user>", "import", ...
  TimestampMs writtenAt = 0;
};

struct PhotoBlobState {
  std::string sha256;
  std::int64_t totalBytes = 0;
  bool complete = false;
};

/// The photo records of one inspection and whether each one's bytes have arrived.
struct InspectionPhotos {
  struct Photo {
    Uuid photoId;
    std::string sha256;
    bool complete = false;
  };
  bool inspectionExists = false;
  std::vector<Photo> photos;
  bool allComplete() const;
};

/// One reviewer action, kept for the audit view of the console (who, when, what). Written in the
/// same transaction as the record change it describes, so the log never claims an edit that
/// was rolled back, and never misses one that was committed.
struct AuditEntry {
  std::int64_t id = 0;  // assigned by the storage, increasing in commit order
  TimestampMs at = 0;
  std::string userName;
  std::string action;      // "approve", "return", "appraisal", "rectification_create", ...
  std::string targetKind;  // the code of the record kind the action changed, or "user"
  Uuid targetId;
  Uuid buildingId;
  RegionPath region;   // the building's region: the audit view is scoped like the records
  std::string detail;  // JSON object text: the values the action set (comment, grade, ...)
};

/// One house dispatched to an inspector (campaign dispatch): at most one per house.
struct Assignment {
  Uuid buildingId;
  std::string inspector;   // user name of an inspector
  std::string dueDate;     // YYYY-MM-DD, Beijing date
  std::string assignedBy;  // the reviewer who assigned it
  TimestampMs assignedAt = 0;
  RegionPath region;  // the house's (read from its building record; ignored when written)
};

/// 区划代码 of one region: a district's GB/T 2260 code (street and community empty), a street's
/// or a community's 12-digit statistical division code (community empty for a street).
struct RegionCode {
  RegionPath region;
  std::string code;
  bool operator==(const RegionCode&) const = default;
};

/// Unit of work over the records, change ids and conflicts. Writes become visible and durable
/// only at commit(); the destructor rolls back an uncommitted transaction.
class SyncTransaction {
 public:
  virtual ~SyncTransaction() = default;

  /// nullopt when this change id was never processed.
  virtual Result<std::optional<SeenChange>> findChange(const std::string& changeId) = 0;
  /// The record's current version; nullopt when the server has none.
  virtual Result<std::optional<StoredRecord>> findRecord(RecordKind kind, const Uuid& id) = 0;
  /// Every current record of one house, read inside this transaction (see
  /// ServerStorage::houseRecords): a rule that looks at the whole house decides on what it sees.
  virtual Result<std::vector<StoredRecord>> houseRecords(const Uuid& buildingId) = 0;
  /// Makes `write.record` the current version and appends it to the history. Returns the
  /// server sequence number given to it (strictly increasing in commit order).
  virtual Result<std::int64_t> putRecord(const RecordWrite& write) = 0;
  virtual Status saveConflict(const ConflictRow& conflict) = 0;
  virtual Status rememberChange(const SeenChange& change) = 0;
  /// Appends to the audit log (entry.id ignored).
  virtual Status appendAudit(const AuditEntry& entry) = 0;
  /// Marks every token not yet revoked of `userName` (when not empty) and of `deviceId` (when
  /// not empty) as revoked at `at`; returns how many. At least one of the two is not empty.
  /// `finalPush`: the tokens still carry pushes and photo uploads (TokenUse::kUpload).
  virtual Result<std::int64_t> revokeTokens(const std::string& userName,
                                            const std::string& deviceId, TimestampMs at,
                                            bool finalPush) = 0;
  /// One level of savepoint (service/group_commit.h runs each request inside one): mark, then
  /// either keep what was written since (release) or undo it (rollbackToSavepoint); an error
  /// from either means the transaction as a whole can no longer be committed.
  virtual Status savepoint() = 0;
  virtual Status releaseSavepoint() = 0;
  virtual Status rollbackToSavepoint() = 0;
  /// The house's current assignment; nullopt when it has none.
  virtual Result<std::optional<Assignment>> findAssignment(const Uuid& buildingId) = 0;
  /// Makes `a` the house's assignment, replacing the previous one (region ignored).
  virtual Status putAssignment(const Assignment& a) = 0;
  /// Durably commits (fsync'd); after an error nothing of the transaction is stored.
  virtual Status commit() = 0;
};

/// One page of pull: records whose seq is after the cursor, in seq order.
struct PullPage {
  std::vector<StoredRecord> records;
  bool hasMore = false;
  /// The page covers every visible record with seq <= scannedThrough: the last record's seq
  /// when hasMore, else the highest seq in the database when the page was read (so a cursor can
  /// skip past records the caller may not see without missing ones committed meanwhile).
  std::int64_t scannedThrough = 0;
};

class ServerStorage {
 public:
  virtual ~ServerStorage() = default;

  /// Random id created with the database; a new database (or a restore, see rotateEpoch) has
  /// another one, which tells clients their cursor is meaningless here.
  virtual std::string epoch() = 0;
  /// Gives the database a new epoch, e.g. after restoring a backup.
  virtual Status rotateEpoch() = 0;

  /// alreadyExists when the name is taken.
  virtual Status createUser(const User& user) = 0;
  /// notFound when no such user.
  virtual Result<User> findUser(const std::string& name) = 0;
  virtual Status addUserRegion(const std::string& name, const RegionPath& region) = 0;
  /// Every user with `role`, with their regions, by name.
  virtual Result<std::vector<User>> usersWithRole(Role role) = 0;

  virtual Status saveToken(const TokenRow& token) = 0;
  /// The user owning an unexpired token; unauthenticated when unknown or expired, and with the
  /// message kTokenRevokedId when an admin revoked it (revokeTokens) — except, for
  /// TokenUse::kUpload, a token revoked with its final push allowed.
  virtual Result<User> findUserByToken(const std::string& tokenHash, TimestampMs now,
                                       TokenUse use = TokenUse::kAny) = 0;
  /// The devices that signed in, per user and device (for an admin choosing what to revoke).
  virtual Result<std::vector<DeviceTokens>> deviceTokens(TimestampMs now) = 0;

  virtual Result<std::unique_ptr<SyncTransaction>> beginTransaction() = 0;

  /// Records with seq > afterSeq visible through `filter`, at most `limit`, in seq order, read
  /// from one consistent snapshot.
  virtual Result<PullPage> pullPage(std::int64_t afterSeq, const RegionFilter& filter,
                                    int limit) = 0;
  /// How many records `filter` lets through with seq > afterSeq: what a pull still has to send.
  virtual Result<std::int64_t> countAfter(std::int64_t afterSeq, const RegionFilter& filter) = 0;
  /// The highest seq handed out so far (0 for an empty database).
  virtual Result<std::int64_t> maxSequence() = 0;
  virtual Result<std::optional<StoredRecord>> findRecord(RecordKind kind, const Uuid& id) = 0;
  virtual Result<std::vector<ConflictRow>> conflictsFor(const Uuid& recordId) = 0;
  /// The current inspections, photos and rectifications of one building (not the building
  /// itself), ordered by kind, then seq.
  virtual Result<std::vector<StoredRecord>> recordsOfBuilding(const Uuid& buildingId) = 0;

  /// Audit entries visible through `scope`, newest first, with id < beforeId (0 = from the
  /// newest), at most `limit`; only those of `buildingId` when it is not empty.
  virtual Result<std::vector<AuditEntry>> auditLog(const RegionFilter& scope,
                                                   const Uuid& buildingId, std::int64_t beforeId,
                                                   int limit) = 0;

  /// Photo blob bookkeeping; the bytes live in the BlobStore.
  virtual Result<std::optional<PhotoBlobState>> findPhotoBlob(const std::string& sha256) = 0;
  virtual Status putPhotoBlob(const PhotoBlobState& state) = 0;
  virtual Status deletePhotoBlob(const std::string& sha256) = 0;
  virtual Result<InspectionPhotos> inspectionPhotos(const Uuid& inspectionId) = 0;

  /// Assignments of houses visible through `scope`: of `inspector` when not empty, in
  /// `community` (a region prefix) when its district is not empty; by due date, then building.
  virtual Result<std::vector<Assignment>> assignments(const RegionFilter& scope,
                                                      const std::string& inspector,
                                                      const RegionPath& community) = 0;
  /// The ids of the buildings stored in `region` (a region prefix), in id order.
  virtual Result<std::vector<Uuid>> buildingsIn(const RegionPath& region) = 0;

  /// Every current record of one house: the building (when stored) and its inspections, photos
  /// and rectifications, in no particular order. Empty when nothing is stored for it.
  virtual Result<std::vector<StoredRecord>> houseRecords(const Uuid& buildingId) = 0;

  /// For exports that read many houses a page at a time (at most 1000 ids of each per call):
  /// the buildings, the inspections `shownInspections` (those the register rows show) and every
  /// approved one of these houses, and their rectifications — no drafts, photos or visits — in
  /// no particular order. Looked up in register_facts, then read by primary key.
  virtual Result<std::vector<StoredRecord>> housesFacts(
      const std::vector<Uuid>& buildingIds, const std::vector<Uuid>& shownInspections) = 0;
  /// The audit entries of these houses (at most 1000 ids) whose action is one of `actions`, by
  /// house and oldest first within a house, unscoped (the caller has scoped the houses).
  virtual Result<std::vector<AuditEntry>> auditOfHouses(
      const std::vector<Uuid>& buildingIds, const std::vector<std::string>& actions) = 0;
  /// Every account's display name (真实姓名), by account name.
  virtual Result<std::map<std::string, std::string>> displayNames() = 0;

  /// Every stored region code, by district, street, community (byte order).
  virtual Result<std::vector<RegionCode>> regionCodes() = 0;
  /// Stores `codes` in one transaction, each replacing its region's earlier code; all or
  /// nothing. The caller has checked them (import/region_code_import.h).
  virtual Status putRegionCodes(const std::vector<RegionCode>& codes, TimestampMs at) = 0;
};

}  // namespace anju::server
