// The store's bookkeeping rows, written inside the transaction of the change they describe:
// outbox rows (what to push), audit rows (who changed what, when) and conflict rows (versions
// that lost, kept for the user).
#pragma once

#include <string>
#include <string_view>

#include "anju/store.h"
#include "store/database.h"

namespace anju::store {

Status appendOutbox(Database& db, const Transaction& tx, const OutboxEntry& entry);

/// Whether the record has changes in the outbox not yet acknowledged by the server (changes the
/// server rejected do not count: they will not be sent again).
Result<bool> hasPendingChanges(Database& db, RecordKind kind, const Uuid& id);

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

}  // namespace anju::store
