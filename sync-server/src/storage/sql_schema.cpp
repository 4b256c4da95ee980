#include "storage/sql_schema.h"

#include <string>
#include <string_view>
#include <vector>

#include "anju/message.h"
#include "storage/sql_records.h"

namespace anju::server {
namespace {

struct Migration {
  /// DDL for both dialects; the {tokens} expand per dialect (kDialectTokens).
  const char* sql;
  /// The derived indexes (the register) must be rebuilt from the records once this one has run.
  bool rebuildsIndexes;
};

// Where the DDL of the two engines must differ. SQLite: INTEGER is 64-bit and "INTEGER PRIMARY
// KEY" is the rowid; PostgreSQL: COLLATE "C" on the register's key columns gives byte order, as
// in SQLite, whatever the database's locale, so keyset paging agrees.
struct DialectToken {
  const char* name;
  const char* sqlite;
  const char* postgres;
};
constexpr DialectToken kDialectTokens[] = {
    {"{int64}", "INTEGER", "BIGINT"},
    {"{bytes}", "BLOB", "BYTEA"},
    {"{boolean}", "INTEGER", "BOOLEAN"},
    {"{serial_key}", "INTEGER PRIMARY KEY AUTOINCREMENT",
     "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"},
    {"{key_text}", "TEXT", "TEXT COLLATE \"C\""},
    {"{random_hex}", "lower(hex(randomblob(16)))", "replace(gen_random_uuid()::text, '-', '')"},
    // The console's search index over house_register.search_text, read through the view
    // house_search (building_id, search_text) with LIKE '%term%' (register/register_sql.cpp).
    // SQLite: an FTS5 trigram table kept by triggers on house_register; its rowids come from
    // house_search_rows (an INTEGER PRIMARY KEY, so VACUUM never renumbers them). PostgreSQL:
    // pg_trgm's GIN index on the column itself; where the extension cannot be created the search
    // still answers, reading every row (docs/console.md).
    {"{search_index}", R"sql(
CREATE TABLE house_search_rows (
  row_no INTEGER PRIMARY KEY,
  building_id TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE house_search_text USING fts5 (search_text, tokenize = 'trigram');
CREATE VIEW house_search AS
  SELECT r.building_id AS building_id, t.search_text AS search_text
  FROM house_search_text t JOIN house_search_rows r ON r.row_no = t.rowid;
CREATE TRIGGER house_search_insert AFTER INSERT ON house_register BEGIN
  INSERT OR IGNORE INTO house_search_rows (building_id) VALUES (new.building_id);
  INSERT INTO house_search_text (rowid, search_text)
    SELECT row_no, new.search_text FROM house_search_rows WHERE building_id = new.building_id;
END;
CREATE TRIGGER house_search_update AFTER UPDATE OF search_text ON house_register
  WHEN old.search_text IS NOT new.search_text BEGIN
  DELETE FROM house_search_text
    WHERE rowid = (SELECT row_no FROM house_search_rows WHERE building_id = old.building_id);
  INSERT INTO house_search_text (rowid, search_text)
    SELECT row_no, new.search_text FROM house_search_rows WHERE building_id = new.building_id;
END;
CREATE TRIGGER house_search_delete AFTER DELETE ON house_register BEGIN
  DELETE FROM house_search_text
    WHERE rowid = (SELECT row_no FROM house_search_rows WHERE building_id = old.building_id);
  DELETE FROM house_search_rows WHERE building_id = old.building_id;
END;
)sql",
     R"sql(
DO $$ BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'pg_trgm is not available (%): the console search reads every row', SQLERRM;
END $$;
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX house_register_search ON house_register USING gin (search_text gin_trgm_ops);
  END IF;
END $$;
CREATE VIEW house_search AS SELECT building_id, search_text FROM house_register;
)sql"},
};

// Record kinds named in the DDL (partial indexes), spelled by the one mapping (record_kind.h):
// each token expands to the kind's code as an SQL literal, the same in both dialects, so the
// DDL that runs is the text these migrations were released with.
struct KindToken {
  const char* name;
  RecordKind kind;
};
constexpr KindToken kRecordKindTokens[] = {
    {"{building_kind}", RecordKind::kBuilding},
    {"{photo_kind}", RecordKind::kPhoto},
};

void replaceAll(std::string& sql, std::string_view name, std::string_view value) {
  for (std::size_t at = sql.find(name); at != std::string::npos; at = sql.find(name, at))
    sql.replace(at, name.size(), value);
}

std::string ddlFor(SqlDialect dialect, std::string sql) {
  for (const DialectToken& t : kDialectTokens)
    replaceAll(sql, t.name, dialect == SqlDialect::kPostgres ? t.postgres : t.sqlite);
  for (const KindToken& t : kRecordKindTokens) replaceAll(sql, t.name, kindLiteral(t.kind));
  return sql;
}

// Append only: a released migration is never edited, a change is a new entry. One list for
// both engines, so both backends answer the same way.
const std::vector<Migration> kMigrations = {
    // 1: users, tokens, records with history, change ids, conflicts, photo blobs.
    {R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- The epoch tells clients which database their cursor belongs to.
INSERT INTO meta (key, value) VALUES ('epoch', {random_hex});

CREATE TABLE users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('inspector', 'reviewer', 'admin')),
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at {int64} NOT NULL
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
  created_at {int64} NOT NULL,
  expires_at {int64} NOT NULL
);

-- Every version ever applied; seq is the server sequence number pull cursors count in. On
-- PostgreSQL it is only drawn under the write lock, so seq order is commit order (gaps from
-- rollbacks are fine).
CREATE TABLE record_versions (
  seq {serial_key},
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version {int64} NOT NULL,
  change_id TEXT,
  source TEXT NOT NULL,
  written_at {int64} NOT NULL,
  payload {bytes} NOT NULL
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
  version {int64} NOT NULL,
  seq {int64} NOT NULL UNIQUE REFERENCES record_versions(seq),
  payload {bytes} NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE INDEX records_by_region ON records (district, street, community, seq);
CREATE INDEX records_by_inspection ON records (inspection_id) WHERE kind = {photo_kind};

-- Change ids already processed: the idempotency keys of push.
CREATE TABLE changes (
  change_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'conflict')),
  version {int64} NOT NULL,
  user_name TEXT NOT NULL,
  device_id TEXT NOT NULL,
  received_at {int64} NOT NULL
);

-- Losing versions of conflicting pushes, kept whole.
CREATE TABLE conflicts (
  id {serial_key},
  change_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  base_version {int64} NOT NULL,
  incoming_version {int64} NOT NULL,
  server_version {int64} NOT NULL,
  payload {bytes} NOT NULL,
  user_name TEXT NOT NULL,
  device_id TEXT NOT NULL,
  received_at {int64} NOT NULL
);
CREATE INDEX conflicts_by_record ON conflicts (record_id);

-- Upload state of photo bytes (the bytes themselves are in the blob store).
CREATE TABLE photo_blobs (
  sha256 TEXT PRIMARY KEY,
  total_bytes {int64} NOT NULL,
  complete {boolean} NOT NULL
);
)sql",
     false},
    // 2: the register index, one denormalised row per house (register/register_row.h), kept in
    // step by every record write; filled from the stored records right after this runs.
    // COLLATE "C" on the key columns: byte order, as in SQLite, so keyset paging agrees.
    {R"sql(
CREATE INDEX records_by_building ON records (building_id) WHERE kind <> {building_kind};
CREATE TABLE house_register (
  building_id {key_text} PRIMARY KEY,
  district {key_text} NOT NULL,
  street {key_text} NOT NULL,
  community {key_text} NOT NULL,
  address {key_text} NOT NULL,
  has_location {int64} NOT NULL,
  latitude_e7 {int64} NOT NULL,   -- WGS-84 degrees x 10^7
  longitude_e7 {int64} NOT NULL,
  owner_name TEXT NOT NULL,
  year_built {int64} NOT NULL,    -- 0: unknown
  storeys_above {int64} NOT NULL,
  storeys_below {int64} NOT NULL,
  structure TEXT NOT NULL,
  use_code TEXT NOT NULL,
  building_code TEXT NOT NULL,
  inspection_id TEXT NOT NULL,    -- latest inspection; '' never visited
  inspected_at {int64} NOT NULL,
  inspector TEXT NOT NULL,
  judgment TEXT NOT NULL,
  judgment_overridden {int64} NOT NULL,
  appraisal_grade TEXT NOT NULL,
  review TEXT NOT NULL,
  finding_count {int64} NOT NULL,
  rectification TEXT NOT NULL,    -- '' no measure
  rectification_deadline TEXT NOT NULL,
  photo_count {int64} NOT NULL
);
-- Keyset paging walks this index; the facet indexes serve filtered pages in the same order.
CREATE UNIQUE INDEX house_register_by_key
  ON house_register (district, street, community, address, building_id);
CREATE INDEX house_register_by_judgment
  ON house_register (judgment, district, street, community, address, building_id);
CREATE INDEX house_register_by_review
  ON house_register (review, district, street, community, address, building_id);
)sql",
     true},
    // 3: the review console's audit log (records_by_building from 2 serves its house page).
    {R"sql(
-- Every action taken in the review console (who, when, what), written in the same transaction
-- as the record change; the region columns scope the log view like the records.
CREATE TABLE audit_log (
  id {serial_key},
  at {int64} NOT NULL,
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
     false},
    // 4: the dashboard's counts (countRegister) group by region and facets; this covering index
    // in that order lets them stream through the index instead of sorting every row.
    {R"sql(
CREATE INDEX house_register_facets ON house_register
  (district, street, community, judgment, review, rectification, inspection_id);
)sql",
     false},
    // 5: a draft no longer replaces a house's submitted or approved result in the register; the
    // row marks a re-inspection in progress instead. The rebuild shows their result again on rows
    // a draft had taken over.
    {R"sql(
ALTER TABLE house_register ADD COLUMN in_progress {int64} NOT NULL DEFAULT 0;
)sql",
     true},
    // 6: house numbers in natural order (1号, 2号, 12号): the register sorts and pages by
    // address_key = naturalSortKey(address) (anju/natural_sort.h), which only C++ computes, so the
    // column is filled by the rebuild.
    {R"sql(
DROP INDEX house_register_by_key;
DROP INDEX house_register_by_judgment;
DROP INDEX house_register_by_review;
ALTER TABLE house_register ADD COLUMN address_key {key_text} NOT NULL DEFAULT '';
CREATE UNIQUE INDEX house_register_by_key
  ON house_register (district, street, community, address_key, building_id);
CREATE INDEX house_register_by_judgment
  ON house_register (judgment, district, street, community, address_key, building_id);
CREATE INDEX house_register_by_review
  ON house_register (review, district, street, community, address_key, building_id);
)sql",
     true},
    // 7: visits (走访) in the register: how many doors were knocked, how many found nobody home
    // or were refused, and the latest outcome. Servers before this one refused visit records, so
    // every existing house starts at zero.
    {R"sql(
ALTER TABLE house_register ADD COLUMN visit_count {int64} NOT NULL DEFAULT 0;
ALTER TABLE house_register ADD COLUMN nobody_home_count {int64} NOT NULL DEFAULT 0;
ALTER TABLE house_register ADD COLUMN refused_count {int64} NOT NULL DEFAULT 0;
ALTER TABLE house_register ADD COLUMN last_visit_outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE house_register ADD COLUMN last_visited_at {int64} NOT NULL DEFAULT 0;
)sql",
     false},
    // 8: an admin revokes a lost tablet's tokens (revoke-tokens); a revoked token is kept, so the
    // server can tell the tablet it was revoked (and the tablet wipes itself), not just unknown.
    {R"sql(
ALTER TABLE tokens ADD COLUMN revoked_at {int64} NOT NULL DEFAULT 0;
CREATE INDEX tokens_by_device ON tokens (device_id);
CREATE INDEX tokens_by_user ON tokens (user_name);
)sql",
     false},
    // 9: a pull page reads a district's records in seq order. records_by_region cannot serve it
    // (street and community come before seq, and a grant leaves them open), so every page sorted
    // the whole district: ~300 ms a page at 100k houses, ~1 ms with this index.
    {R"sql(
CREATE INDEX records_by_district_seq ON records (district, seq);
)sql",
     false},
    // 10: rectification per hazard to 销号 (issue 11): how many hazards the house's latest
    // approved inspection has and how many are closed. The dashboard sums them per community, so
    // the facet index covers them too; the rebuild fills them from the records.
    {R"sql(
ALTER TABLE house_register ADD COLUMN hazard_count {int64} NOT NULL DEFAULT 0;
ALTER TABLE house_register ADD COLUMN hazards_closed {int64} NOT NULL DEFAULT 0;
DROP INDEX house_register_facets;
CREATE INDEX house_register_facets ON house_register
  (district, street, community, judgment, review, rectification, inspection_id, hazard_count,
   hazards_closed);
)sql",
     true},
    // 11: the console's 待审核 inbox and search box (issue 11). The inbox lists the houses whose
    // shown inspection is submitted, oldest first: this index walks them in that order. The
    // search matches search_text (address, owner, phone, house code; registerSearchText)
    // through {search_index}. owner_contact (the phone) joins the row; the rebuild fills both.
    {R"sql(
ALTER TABLE house_register ADD COLUMN owner_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE house_register ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE INDEX house_register_by_review_time
  ON house_register (review, inspected_at, building_id);
{search_index}
)sql",
     true},
    // 12: photo bytes in the database, the blob store several server processes share
    // (blob/database_blob_store.h). Created on SQLite too, where it stays empty (the folder
    // store is used there), so both engines keep one migration list and one version number.
    {R"sql(
CREATE TABLE blob_uploads (
  sha256 TEXT PRIMARY KEY,
  received_bytes {int64} NOT NULL,
  complete {boolean} NOT NULL
);
CREATE TABLE blob_pieces (
  sha256 TEXT NOT NULL REFERENCES blob_uploads(sha256) ON DELETE CASCADE,
  start_byte {int64} NOT NULL,
  size {int64} NOT NULL,
  bytes {bytes} NOT NULL,
  PRIMARY KEY (sha256, start_byte)
);
)sql",
     false},
    // 13: what the register needs of each inspection, photo, rectification and visit
    // (register_builder.h, HouseFact), taken from the record when it is written, so refreshing a
    // house's row after a push reads these small rows instead of decoding every record of the
    // house (issue 12: 80% of a 10k push went there). An inspection keeps its findings' ids and
    // a measure the hazard it names and whether it is closed, for the hazard counts (10).
    // Filled by the rebuild.
    {R"sql(
CREATE TABLE register_facts (
  kind TEXT NOT NULL,
  id {key_text} NOT NULL,         -- byte order: the tie-break of the latest inspection
  building_id TEXT NOT NULL,
  result {int64} NOT NULL,        -- inspection: 0 draft/returned, 1 submitted, 2 approved
  at {int64} NOT NULL,            -- inspection: submitted, else started; visit: visited
  state TEXT NOT NULL,            -- review state / rectification status / visit outcome code
  deadline TEXT NOT NULL,
  inspector TEXT NOT NULL,
  judgment TEXT NOT NULL,
  judgment_overridden {int64} NOT NULL,
  appraisal_grade TEXT NOT NULL,
  finding_count {int64} NOT NULL,
  finding_ids TEXT NOT NULL,      -- inspection: its findings' ids, comma-separated, in order
  hazard_inspection TEXT NOT NULL,  -- measure: the inspection and finding (hazard) it names
  hazard_finding TEXT NOT NULL,
  closed {int64} NOT NULL,        -- measure: 1 once 销号
  PRIMARY KEY (kind, id)
);
CREATE INDEX register_facts_by_building ON register_facts (building_id, kind, result, at, id);
)sql",
     true},
    // 14: campaign dispatch (issue 11 §4): one current assignment per house, to a named inspector
    // with a due date (Beijing date, YYYY-MM-DD). Re-assignment replaces the row; the old and new
    // inspector go to the audit log. The region is the building record's, read by join.
    {R"sql(
CREATE TABLE assignments (
  building_id {key_text} PRIMARY KEY,
  inspector TEXT NOT NULL REFERENCES users(name),
  due_date TEXT NOT NULL,
  assigned_by TEXT NOT NULL,
  assigned_at {int64} NOT NULL
);
CREATE INDEX assignments_by_inspector ON assignments (inspector, due_date, building_id);
)sql",
     false},
    // 15: a lost tablet pushes what it holds before it wipes itself (issue 12 §6e): a token
    // revoked with final_push = 1 is still accepted for push and photo uploads (and refused with
    // token_revoked everywhere else, so the tablet's next pull wipes it); 0 (a stolen tablet)
    // refuses everything.
    {R"sql(
ALTER TABLE tokens ADD COLUMN final_push {int64} NOT NULL DEFAULT 0;
)sql",
     false},
    // 16: the console's map (issue 11 §4) reads, for every filtered house near the view, its
    // region, position and judgment (register/sql_house_map.cpp). Without this index the planner
    // walked house_register_by_key and fetched each row from the table, in key order: random
    // table pages, ~4 s for 100 000 houses; covered, the map reads this index alone.
    {R"sql(
CREATE INDEX house_register_map ON house_register
  (district, street, community, has_location, latitude_e7, longitude_e7, judgment);
)sql",
     false},
    // 17: region codes (区划代码, issue 11 §3): a district's GB/T 2260 code, a street's or a
    // community's 12-digit statistical division code, keyed by the region path (street and
    // community '' for a district's own code, community '' for a street's). Regions exist only
    // as the paths of the buildings; this table names them. Loaded by `region-codes import`.
    {R"sql(
CREATE TABLE region_codes (
  district {key_text} NOT NULL,
  street {key_text} NOT NULL,
  community {key_text} NOT NULL,
  code TEXT NOT NULL UNIQUE,
  updated_at {int64} NOT NULL,
  PRIMARY KEY (district, street, community)
);
)sql",
     false},
};

}  // namespace

Status migrateSchema(SqlDriver& driver, const std::function<Status(SqlSession&)>& rebuildIndexes) {
  Result<std::unique_ptr<SqlTransaction>> tx = driver.beginMigration();
  if (!tx) return tx.status();
  SqlSession& session = (*tx)->session();
  Result<std::int64_t> applied = driver.schemaVersion(session);
  if (!applied) return applied.status();
  if (*applied > static_cast<std::int64_t>(kMigrations.size()))
    return Status::corruption(
        msg("storage.schema_too_new", {{"version", std::to_string(*applied)},
                                       {"supported", std::to_string(kMigrations.size())}}));
  if (*applied == static_cast<std::int64_t>(kMigrations.size())) return Status::ok();
  // Every pending migration and the version bump commit together (DDL is transactional in both
  // engines), so a crash leaves no half schema; the destructor rolls back after an error.
  // The rebuild runs once, after the last pending migration: the row writer fills today's
  // columns, which an earlier migration in the run may not have created yet.
  bool rebuild = false;
  for (std::size_t i = static_cast<std::size_t>(*applied); i < kMigrations.size(); ++i) {
    const Migration& m = kMigrations[i];
    if (Status s = session.execScript(ddlFor(driver.dialect(), m.sql)); !s) return s;
    rebuild = rebuild || m.rebuildsIndexes;
  }
  if (rebuild && rebuildIndexes) {
    if (Status s = rebuildIndexes(session); !s) return s;
  }
  if (Status s = driver.setSchemaVersion(session, static_cast<std::int64_t>(kMigrations.size()));
      !s)
    return s;
  return (*tx)->commit();
}

}  // namespace anju::server
