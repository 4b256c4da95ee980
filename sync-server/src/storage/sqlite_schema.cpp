#include "storage/sqlite_schema.h"

#include <array>
#include <string>

#include "storage/sqlite_register.h"

namespace anju::server {
namespace {

// Append only: a released migration is never edited, a change is a new entry.
constexpr std::array<const char*, 5> kMigrations = {
    // 1: users, tokens, records with history, change ids, conflicts, photo blobs.
    R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- The epoch tells clients which database their cursor belongs to.
INSERT INTO meta (key, value) VALUES ('epoch', lower(hex(randomblob(16))));

CREATE TABLE users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('inspector', 'reviewer', 'admin')),
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- A grant is a prefix of the region path: empty street = whole district.
CREATE TABLE user_regions (
  user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
  district TEXT NOT NULL,
  street TEXT NOT NULL,
  community TEXT NOT NULL,
  PRIMARY KEY (user_name, district, street, community)
);

CREATE TABLE tokens (
  token_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
  device_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

-- Every version ever applied; seq is the server sequence number pull cursors count in.
CREATE TABLE record_versions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  change_id TEXT,
  source TEXT NOT NULL,
  written_at INTEGER NOT NULL,
  payload BLOB NOT NULL
);

-- The current version of each record, with the columns pull and the rules need.
CREATE TABLE records (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  district TEXT NOT NULL,
  street TEXT NOT NULL,
  community TEXT NOT NULL,
  building_id TEXT NOT NULL,
  inspection_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  version INTEGER NOT NULL,
  seq INTEGER NOT NULL UNIQUE REFERENCES record_versions(seq),
  payload BLOB NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE INDEX records_by_region ON records (district, street, community, seq);
CREATE INDEX records_by_inspection ON records (inspection_id) WHERE kind = 'photo';

-- Change ids already processed: the idempotency keys of push.
CREATE TABLE changes (
  change_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'conflict')),
  version INTEGER NOT NULL,
  user_name TEXT NOT NULL,
  device_id TEXT NOT NULL,
  received_at INTEGER NOT NULL
);

-- Losing versions of conflicting pushes, kept whole.
CREATE TABLE conflicts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  change_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  incoming_version INTEGER NOT NULL,
  server_version INTEGER NOT NULL,
  payload BLOB NOT NULL,
  user_name TEXT NOT NULL,
  device_id TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE INDEX conflicts_by_record ON conflicts (record_id);

-- Upload state of photo bytes (the bytes themselves are in the blob store).
CREATE TABLE photo_blobs (
  sha256 TEXT PRIMARY KEY,
  total_bytes INTEGER NOT NULL,
  complete INTEGER NOT NULL
);
)sql",
    // 2: the register index, one denormalised row per house (register/register_row.h), kept in
    // step by every record write; filled from the stored records right after this runs.
    R"sql(
CREATE INDEX records_by_building ON records (building_id) WHERE kind <> 'building';
CREATE TABLE house_register (
  building_id TEXT PRIMARY KEY,
  district TEXT NOT NULL,
  street TEXT NOT NULL,
  community TEXT NOT NULL,
  address TEXT NOT NULL,
  has_location INTEGER NOT NULL,
  latitude_e7 INTEGER NOT NULL,   -- WGS-84 degrees x 10^7
  longitude_e7 INTEGER NOT NULL,
  owner_name TEXT NOT NULL,
  year_built INTEGER NOT NULL,    -- 0: unknown
  storeys_above INTEGER NOT NULL,
  storeys_below INTEGER NOT NULL,
  structure TEXT NOT NULL,
  use_code TEXT NOT NULL,
  building_code TEXT NOT NULL,
  inspection_id TEXT NOT NULL,    -- latest inspection; '' never visited
  inspected_at INTEGER NOT NULL,
  inspector TEXT NOT NULL,
  judgment TEXT NOT NULL,
  judgment_overridden INTEGER NOT NULL,
  appraisal_grade TEXT NOT NULL,
  review TEXT NOT NULL,
  finding_count INTEGER NOT NULL,
  rectification TEXT NOT NULL,    -- '' no measure
  rectification_deadline TEXT NOT NULL,
  photo_count INTEGER NOT NULL
);
-- Keyset paging walks this index; the facet indexes serve filtered pages in the same order.
CREATE UNIQUE INDEX house_register_by_key
  ON house_register (district, street, community, address, building_id);
CREATE INDEX house_register_by_judgment
  ON house_register (judgment, district, street, community, address, building_id);
CREATE INDEX house_register_by_review
  ON house_register (review, district, street, community, address, building_id);
)sql",
    // 3: the review console's audit log (records_by_building from 2 serves its house page).
    R"sql(
-- Every action taken in the review console (who, when, what), written in the same transaction
-- as the record change; the region columns scope the log view like the records.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  target_kind TEXT NOT NULL,
  target_id TEXT NOT NULL,
  building_id TEXT NOT NULL,
  district TEXT NOT NULL,
  street TEXT NOT NULL,
  community TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX audit_by_building ON audit_log (building_id, id);
CREATE INDEX audit_by_region ON audit_log (district, street, community, id);
)sql",
    // 4: the dashboard's counts (countRegister) group by region and facets; this covering index
    // in that order lets them stream through the index instead of sorting every row.
    R"sql(
CREATE INDEX house_register_facets ON house_register
  (district, street, community, judgment, review, rectification, inspection_id);
)sql",
    // 5: visits (走访) in the register: how many doors were knocked, how many found nobody home
    // or were refused, and the latest outcome. Servers before this one refused visit records, so
    // every existing house starts at zero and no rebuild is needed.
    R"sql(
ALTER TABLE house_register ADD COLUMN visit_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE house_register ADD COLUMN nobody_home_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE house_register ADD COLUMN refused_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE house_register ADD COLUMN last_visit_outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE house_register ADD COLUMN last_visited_at INTEGER NOT NULL DEFAULT 0;
)sql",
};

// The register index is rebuilt from the records in the transaction of the LAST migration applied,
// whenever any was: only then does house_register have all its columns (migration 2 created it,
// 5 added the visit columns), and a database stopped between two migrations is rebuilt on the next
// start. A fresh database rebuilds from no records, an upgraded one once.

}  // namespace

Status migrateSqliteSchema(SqliteConnection& db) {
  Result<SqliteStatement> version = db.prepare("PRAGMA user_version");
  if (!version) return version.status();
  Result<bool> row = version->step();
  if (!row) return row.status();
  const std::int64_t applied = *row ? version->int64(0) : 0;
  if (applied > static_cast<std::int64_t>(kMigrations.size()))
    return Status::corruption("数据库版本高于本程序 / database schema " + std::to_string(applied) +
                              " is newer than this server (" + std::to_string(kMigrations.size()) +
                              ")");
  for (std::size_t i = static_cast<std::size_t>(applied); i < kMigrations.size(); ++i) {
    // Each migration and its version bump commit together, so a crash leaves no half schema.
    std::string sql = "BEGIN IMMEDIATE;";
    sql += kMigrations[i];
    sql += "PRAGMA user_version = " + std::to_string(i + 1) + ";";
    Status s = db.exec(sql);
    if (s && i + 1 == kMigrations.size()) s = rebuildSqliteRegister(db);
    if (s) s = db.exec("COMMIT");
    if (!s) {
      (void)db.exec("ROLLBACK");
      return s;
    }
  }
  return Status::ok();
}

}  // namespace anju::server
