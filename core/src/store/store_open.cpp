// Opening a Store: recognising our own database file, configuring the connection, migrating.
#include <sqlite3.h>

#include <algorithm>

#include "store/migrations.h"
#include "store/record_rows.h"
#include "store/store_impl.h"

namespace anju {
namespace {

using store::Database;

// The first read of the file: SQLite only looks at the header here, so a file that is not a
// database at all (random bytes, a photo, a truncated download) is reported before we change it.
Status checkOwnFile(Database& db, const std::string& path) {
  Result<std::int64_t> appId = db.queryInt("PRAGMA application_id");
  if (!appId) {
    if (appId.status().code() == StatusCode::kCorruption)
      return Status::corruption(
          msg("store.not_anju_file",
              {{"path", path}, {"detail", describe(appId.status(), Locale::kEnglish)}}));
    return appId.status();
  }
  Result<std::int64_t> objects = db.queryInt("SELECT count(*) FROM sqlite_schema");
  if (!objects) return objects.status();
  const bool brandNew = *appId == 0 && *objects == 0;
  if (!brandNew && *appId != store::kApplicationId)
    return Status::corruption(msg("store.foreign_database",
                                  {{"path", path}, {"application_id", std::to_string(*appId)}}));

  Result<std::int64_t> schema = db.queryInt("PRAGMA user_version");
  if (!schema) return schema.status();
  if (*schema > store::latestSchemaVersion())
    return Status::conflict(
        msg("store.schema_too_new", {{"version", std::to_string(*schema)},
                                     {"supported", std::to_string(store::latestSchemaVersion())}}));
  return Status::ok();
}

Status configure(Database& db, const StoreOptions& options) {
  // WAL: readers (the house list) never block the writer (a save), and a commit appends to the
  // log instead of rewriting pages. journal_mode answers with the mode it ended up in.
  Result<store::Statement> mode = db.prepare("PRAGMA journal_mode = WAL");
  if (!mode) return mode.status();
  Result<bool> row = mode->step();
  if (!row) return row.status();
  if (!*row || mode->text(0) != "wal")
    return Status::ioError(msg("store.cannot_switch_database_wal"));
  mode->reset();

  // synchronous=FULL: each commit is fsynced to the WAL before the call returns. NORMAL (the
  // usual WAL choice) survives an app crash but may lose the last commits on power loss, and a
  // tablet that goes door to door does run flat; an inspection visited and lost cannot be
  // re-made from the office. Saves are human-paced and bulk imports are one transaction, so
  // one fsync per commit costs nothing anyone notices.
  //
  // cache_size 32 MiB (default 2 MiB): a bulk import of 100 000 houses touches far more pages
  // than the default cache, which then spills to the WAL and reads pages back (3x slower).
  std::string pragmas =
      "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -32768;";
  if (options.maxDatabaseBytes) {
    Result<std::int64_t> pageSize = db.queryInt("PRAGMA page_size");
    if (!pageSize) return pageSize.status();
    pragmas += " PRAGMA max_page_count = " +
               std::to_string(std::max<std::int64_t>(1, *options.maxDatabaseBytes / *pageSize)) +
               ";";
  }
  if (Status s = db.exec(pragmas); !s) return s;
  // foreign_keys is silently ignored in some builds (SQLITE_OMIT_FOREIGN_KEY); check it held.
  Result<std::int64_t> fk = db.queryInt("PRAGMA foreign_keys");
  if (!fk) return fk.status();
  if (*fk != 1) return Status::internal(msg("store.sqlite_no_foreign_keys"));
  return Status::ok();
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Store::~Store() = default;

int Store::latestSchemaVersion() { return store::latestSchemaVersion(); }

Result<std::unique_ptr<Store>> Store::open(const std::string& path, StoreOptions options) {
  Result<std::unique_ptr<Database>> db = Database::open(path);
  if (!db) return db.status();
  Database& database = **db;
  sqlite3_busy_timeout(database.handle(), options.busyTimeoutMs);

  if (Status s = checkOwnFile(database, path); !s) return s;
  if (Status s = configure(database, options); !s) return s;
  if (Status s = store::migrate(database); !s) return s;

  // Versions never go backwards across restarts, even if the wall clock did.
  Result<HlcVersion> maxVersion = store::maxStoredVersion(database);
  if (!maxVersion) return maxVersion.status();
  auto impl = std::make_unique<Impl>(std::move(*db), std::move(options));
  impl->clock.observe(*maxVersion);
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

}  // namespace anju
