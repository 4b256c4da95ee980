#include "storage/postgres_schema.h"

#include <array>
#include <string>

#include "storage/postgres_register.h"

namespace anju::server {
namespace {

// Append only: a released migration is never edited, a change is a new entry. The tables mirror
// the SQLite schema (sqlite_schema.cpp) so both backends answer the same way.
constexpr std::array<const char*, 5> kMigrations = {
    // 1: users, tokens, records with history, change ids, conflicts, photo blobs.
    R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- The epoch tells clients which database their cursor belongs to.
INSERT INTO meta (key, value) VALUES ('epoch', replace(gen_random_uuid()::text, '-', ''));

CREATE TABLE users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('inspector', 'reviewer', 'admin')),
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL
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
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

-- Every version ever applied; seq is the server sequence number pull cursors count in. It is
-- only drawn under the write lock, so seq order is commit order (gaps from rollbacks are fine).
CREATE TABLE record_versions (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version BIGINT NOT NULL,
  change_id TEXT,
  source TEXT NOT NULL,
  written_at BIGINT NOT NULL,
  payload BYTEA NOT NULL
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
  version BIGINT NOT NULL,
  seq BIGINT NOT NULL UNIQUE REFERENCES record_versions(seq),
  payload BYTEA NOT NULL,
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
  version BIGINT NOT NULL,
  user_name TEXT NOT NULL,
  device_id TEXT NOT NULL,
  received_at BIGINT NOT NULL
);

-- Losing versions of conflicting pushes, kept whole.
CREATE TABLE conflicts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  change_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  base_version BIGINT NOT NULL,
  incoming_version BIGINT NOT NULL,
  server_version BIGINT NOT NULL,
  payload BYTEA NOT NULL,
  user_name TEXT NOT NULL,
  device_id TEXT NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE INDEX conflicts_by_record ON conflicts (record_id);

-- Upload state of photo bytes (the bytes themselves are in the blob store).
CREATE TABLE photo_blobs (
  sha256 TEXT PRIMARY KEY,
  total_bytes BIGINT NOT NULL,
  complete BOOLEAN NOT NULL
);
)sql",
    // 2: the register index, one denormalised row per house (register/register_row.h), kept in
    // step by every record write; filled from the stored records right after this runs.
    // COLLATE "C" on the key columns: byte order, as in SQLite, so keyset paging agrees.
    R"sql(
CREATE INDEX records_by_building ON records (building_id) WHERE kind <> 'building';
CREATE TABLE house_register (
  building_id TEXT COLLATE "C" PRIMARY KEY,
  district TEXT COLLATE "C" NOT NULL,
  street TEXT COLLATE "C" NOT NULL,
  community TEXT COLLATE "C" NOT NULL,
  address TEXT COLLATE "C" NOT NULL,
  has_location BIGINT NOT NULL,
  latitude_e7 BIGINT NOT NULL,    -- WGS-84 degrees x 10^7
  longitude_e7 BIGINT NOT NULL,
  owner_name TEXT NOT NULL,
  year_built BIGINT NOT NULL,     -- 0: unknown
  storeys_above BIGINT NOT NULL,
  storeys_below BIGINT NOT NULL,
  structure TEXT NOT NULL,
  use_code TEXT NOT NULL,
  building_code TEXT NOT NULL,
  inspection_id TEXT NOT NULL,    -- latest inspection; '' never visited
  inspected_at BIGINT NOT NULL,
  inspector TEXT NOT NULL,
  judgment TEXT NOT NULL,
  judgment_overridden BIGINT NOT NULL,
  appraisal_grade TEXT NOT NULL,
  review TEXT NOT NULL,
  finding_count BIGINT NOT NULL,
  rectification TEXT NOT NULL,    -- '' no measure
  rectification_deadline TEXT NOT NULL,
  photo_count BIGINT NOT NULL
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
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at BIGINT NOT NULL,
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
ALTER TABLE house_register ADD COLUMN visit_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE house_register ADD COLUMN nobody_home_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE house_register ADD COLUMN refused_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE house_register ADD COLUMN last_visit_outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE house_register ADD COLUMN last_visited_at BIGINT NOT NULL DEFAULT 0;
)sql",
};

// The register index is rebuilt from the records in the transaction of the LAST migration applied,
// whenever any was: only then does house_register have all its columns (migration 2 created it,
// 5 added the visit columns), and a database stopped between two migrations is rebuilt on the next
// start. A fresh database rebuilds from no records, an upgraded one once.

Status applyPending(PgConnection& db) {
  // The lock makes a second process starting at the same moment wait, then see our work.
  if (Status s = db.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")");
      !s)
    return s;
  Result<PgResult> exists = db.query("SELECT to_regclass('schema_version') IS NOT NULL");
  if (!exists) return exists.status();
  if (!exists->boolean(0, 0)) {
    if (Status s = db.exec("CREATE TABLE schema_version (version INTEGER NOT NULL); "
                           "INSERT INTO schema_version (version) VALUES (0)");
        !s)
      return s;
  }
  Result<PgResult> version = db.query("SELECT version FROM schema_version");
  if (!version) return version.status();
  if (version->rows() != 1)
    return Status::corruption("schema_version 应有一行 / schema_version must hold one row");
  const std::int64_t applied = version->int64(0, 0);
  if (applied > static_cast<std::int64_t>(kMigrations.size()))
    return Status::corruption("数据库版本高于本程序 / database schema " + std::to_string(applied) +
                              " is newer than this server (" + std::to_string(kMigrations.size()) +
                              ")");
  for (std::size_t i = static_cast<std::size_t>(applied); i < kMigrations.size(); ++i) {
    if (Status s = db.exec(kMigrations[i]); !s) return s;
    if (i + 1 == kMigrations.size()) {
      if (Status s = rebuildPgRegister(db); !s) return s;
    }
    PgParams params;
    params.int64(static_cast<std::int64_t>(i + 1));
    if (Result<PgResult> r = db.query("UPDATE schema_version SET version = $1", params); !r)
      return r.status();
  }
  return Status::ok();
}

}  // namespace

Status migratePostgresSchema(PgConnection& db) {
  // DDL is transactional in PostgreSQL: all pending migrations and the version bump commit
  // together, so a crash leaves no half schema.
  if (Status s = db.exec("BEGIN"); !s) return s;
  if (Status s = applyPending(db); !s) {
    if (db.healthy()) (void)db.exec("ROLLBACK");
    return s;
  }
  return db.exec("COMMIT");
}

}  // namespace anju::server
