#include "storage/sqlite_connection.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "anju/message.h"
#include "util/storage_full.h"

namespace anju::server {

Status serverSqliteError(int rc, std::string_view what, std::string_view detail) {
  // `what` may be a whole statement: its opening names it well enough.
  Message text = msg("storage.database_error",
                     {{"what", std::string(what.substr(0, 80))}, {"detail", std::string(detail)}});
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return Status::alreadyExists(std::move(text));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::unavailable(std::move(text));
    case SQLITE_FULL:  // the detail of a full disk is for the server log only
      return storageFullStatus(std::string(what) + ": " + std::string(detail));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::corruption(std::move(text));
    default:
      return Status::ioError(std::move(text));
  }
}

namespace {

// Byte order, as SQLite's BINARY and PostgreSQL's "C" collation compare.
int compareBytes(void*, int leftLength, const void* left, int rightLength, const void* right) {
  const int common = std::min(leftLength, rightLength);
  if (const int c = common > 0 ? std::memcmp(left, right, static_cast<std::size_t>(common)) : 0)
    return c;
  return leftLength - rightLength;
}

}  // namespace

Result<std::unique_ptr<sqlite::Database>> openServerDatabase(const std::string& path) {
  sqlite::OpenOptions options;
  options.busyTimeoutMs = 10000;
  options.callerSerialises = true;
  options.mapError = &serverSqliteError;
  Result<std::unique_ptr<sqlite::Database>> db = sqlite::Database::open(path, options);
  if (!db) return db.status();
  if (const int c = sqlite3_create_collation_v2((*db)->handle(), "C", SQLITE_UTF8, nullptr,
                                                compareBytes, nullptr);
      c != SQLITE_OK)
    return (*db)->error(c, "collation C");
  // synchronous=FULL: a push is acknowledged only after its commit survives a power cut.
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    if (Status s = (*db)->exec(pragma); !s) return s;
  }
  return db;
}

}  // namespace anju::server
