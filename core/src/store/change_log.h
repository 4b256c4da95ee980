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

/// Whether the record has changes in the outbox not yet acknowledged by the server.
Result<bool> hasPendingChanges(Database& db, std::string_view kind, const Uuid& id);

Status appendAudit(Database& db, const Transaction& tx, const AuditEntry& entry);

/// Returns the new conflict's id.
Result<std::int64_t> appendConflict(Database& db, const Transaction& tx,
                                    const ConflictEntry& entry);

}  // namespace anju::store
