// The server's SQLite file on the shared SQLite layer (anju/sqlite_database.h): how it is opened
// and how its failures read. Private to the SQLite driver.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "anju/sqlite_database.h"
#include "anju/status.h"

namespace anju::server {

/// Opens (creating) the file with WAL, synchronous=FULL, foreign keys and a busy timeout so that
/// admin CLI commands may write while the server runs. Registers the collation "C" (byte order,
/// the same as BINARY) so SQL that names it runs unchanged on SQLite and PostgreSQL. The caller
/// serialises its use (SqliteDriver holds a mutex).
Result<std::unique_ptr<sqlite::Database>> openServerDatabase(const std::string& path);

/// The server's vocabulary for a SQLite failure: alreadyExists for a UNIQUE/PRIMARY KEY
/// violation, unavailable when busy, a full disk as the storage-full status (507), corruption,
/// else ioError carrying SQLite's message.
Status serverSqliteError(int extendedCode, std::string_view what, std::string_view detail);

}  // namespace anju::server
