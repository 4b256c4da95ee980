// The store's schema, as numbered migrations in code.
//
// Policy: a migration, once released, never changes; a schema change is a new migration appended
// to the list. Each migration runs in its own transaction together with the `PRAGMA user_version`
// bump that records it, so a crash mid-upgrade leaves the database at the previous version, and
// the next open resumes from there. A database whose user_version is above latestSchemaVersion()
// was written by a newer build and is refused (Store::open), never "downgraded".
#pragma once

#include <cstdint>
#include <span>

#include "anju/status.h"
#include "store/database.h"

namespace anju::store {

/// PRAGMA application_id of every Anju tablet database: "ANJU" in ASCII. Tells our files apart
/// from any other SQLite file (`file` and sqlite3 show it too).
constexpr std::int32_t kApplicationId = 0x414E4A55;

struct Migration {
  int version;       // 1, 2, 3 … without gaps
  const char* name;  // for error messages
  const char* sql;   // the schema change
  /// Data work SQL alone cannot do well (e.g. filling a new index from existing rows); may be null.
  Status (*fill)(Database& db, const Transaction& tx);
};

std::span<const Migration> migrations();
int latestSchemaVersion();

/// Applies every migration above the database's user_version up to `targetVersion`, each in its
/// own transaction. Tests pass a lower target to build an old-schema database.
Status migrate(Database& db, int targetVersion = latestSchemaVersion());

}  // namespace anju::store
