// The record tables: writing a record (payload + its queryable columns + derived rows such as
// the search index and the findings index) and reading rows back. Shared by user saves, bulk
// import, pull and conflict resolution, so every path keeps the derived data in step.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anju/hlc.h"
#include "anju/record_codec.h"
#include "store/database.h"
#include "store/search_index.h"

namespace anju::store {

/// The table holding records of `kind`.
const char* tableOfKind(RecordKind kind);

/// The kind stored in `column` of the current row (outbox, conflicts, audit_log); corruption for
/// a code this build does not know, which no version of Anju writes.
Result<RecordKind> kindColumn(const Statement& query, int column);

struct StoredRow {
  HlcVersion version = 0;
  HlcVersion serverVersion = 0;
  std::string payload;
};

/// The stored row of one record; nullopt when absent.
Result<std::optional<StoredRow>> loadRow(Database& db, RecordKind kind, const Uuid& id);

/// Upserts `record` with its version, server version and encoded payload. A building's search
/// text goes into `search`, which the caller writes just before committing `tx`.
Status writeRecord(Database& db, const Transaction& tx, const AnyRecord& record,
                   const std::string& payload, HlcVersion version, HlcVersion serverVersion,
                   SearchIndexBatch& search);

/// Raises the record's server_version to `serverVersion` (never lowers it).
Status raiseServerVersion(Database& db, const Transaction& tx, RecordKind kind, const Uuid& id,
                          HlcVersion serverVersion);

/// The largest version anywhere in the store (records, outbox, conflicts); 0 when empty.
Result<HlcVersion> maxStoredVersion(Database& db);

/// Decodes a stored payload as a record of type T; corruption when it is something else.
template <typename T>
Result<T> decodeAs(std::string_view payload) {
  Result<AnyRecord> any = decodeRecord(payload);
  if (!any)
    return Status::corruption(
        msg("store.record_undecodable", {{"detail", describe(any.status(), Locale::kEnglish)}}));
  if (T* value = std::get_if<T>(&*any)) return std::move(*value);
  return Status::corruption(msg("store.stored_record_wrong_kind"));
}

/// Runs a query whose first column is a payload and decodes every row as T.
template <typename T>
Result<std::vector<T>> decodeAll(Statement& query) {
  std::vector<T> out;
  for (;;) {
    Result<bool> row = query.step();
    if (!row) return row.status();
    if (!*row) return out;
    Result<T> value = decodeAs<T>(query.blob(0));
    if (!value) return value.status();
    out.push_back(std::move(*value));
  }
}

}  // namespace anju::store
