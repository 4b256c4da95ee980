// Row <-> struct helpers shared by the SQLite storage files. Private to storage/sqlite_*.
#pragma once

#include <optional>
#include <string>

#include "storage/server_storage.h"
#include "storage/sqlite_connection.h"

namespace anju::server {

/// Column list matching readRecordRow's order.
inline constexpr const char* kRecordColumns =
    "kind, id, district, street, community, building_id, inspection_id, sha256, version, seq, "
    "payload";

StoredRecord readRecordRow(const SqliteStatement& stmt);
Result<std::optional<StoredRecord>> selectRecord(SqliteConnection& db, const std::string& kind,
                                                 const Uuid& id);

}  // namespace anju::server
