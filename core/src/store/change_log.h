// The store's bookkeeping rows, written inside the transaction of the change they describe:
// outbox rows (what to push), audit rows (who changed what, when), conflict rows (versions
// that lost, kept for the user) and sync state.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "anju/store.h"
#include "store/database.h"

namespace anju::store {

Status appendOutbox(Database& db, const Transaction& tx, const OutboxEntry& entry);

/// The oldest change of a record still to be sent (not rejected), if any.
struct PendingHead {
  Uuid changeId;
  HlcVersion baseVersion = 0;
};
Result<std::optional<PendingHead>> oldestPending(Database& db, RecordKind kind, const Uuid& id);

/// The base_version of a new change to a record stored at `storedVersion`: that version, unless
/// it is the version of a change the server rejected — then the version that change was based on.
Result<HlcVersion> baseVersionForNewChange(Database& db, RecordKind kind, const Uuid& id,
                                           HlcVersion storedVersion);

/// Queues the photo's bytes for upload (once per SHA-256).
Status queuePhotoUpload(Database& db, const Transaction& tx, const PhotoRecord& photo,
                        TimestampMs now);

Status appendAudit(Database& db, const Transaction& tx, const AuditEntry& entry);

/// Returns the new conflict's id.
Result<std::int64_t> appendConflict(Database& db, const Transaction& tx,
                                    const ConflictEntry& entry);

/// One sync_state value (see Store::syncState), inside the caller's transaction.
Status writeSyncState(Database& db, const Transaction& tx, std::string_view key,
                      std::string_view value);

}  // namespace anju::store
