// Row <-> struct helpers shared by the PostgreSQL storage files. Private to storage/postgres_*.
#pragma once

#include <optional>
#include <string>

#include "storage/postgres_connection.h"
#include "storage/server_storage.h"

namespace anju::server {

/// Column list matching readPgRecordRow's order.
inline constexpr const char* kPgRecordColumns =
    "kind, id, district, street, community, building_id, inspection_id, sha256, version, seq, "
    "payload";

/// Reads the kPgRecordColumns starting at `first`.
StoredRecord readPgRecordRow(const PgResult& result, int row, int first = 0);
Result<std::optional<StoredRecord>> selectPgRecord(PgConnection& db, const std::string& kind,
                                                   const Uuid& id);

}  // namespace anju::server
