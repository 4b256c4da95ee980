#include "store/migrations.h"

#include <string>

#include "anju/natural_sort.h"
#include "store/search_index.h"

namespace anju::store {
namespace {

// Schema 1: the records, the outbox and the audit log.
//
// Every record table keeps the record's protobuf payload (anju.v1.Record bytes, the same bytes
// the outbox and sync carry: the source of truth) next to the columns the app filters and sorts
// on (derived from the payload on every write). `version` is the record's current HLC version;
// `server_version` the last version the server confirmed (0: never synced).
//
// Foreign keys are DEFERRABLE INITIALLY DEFERRED: they are checked at COMMIT, so one pull batch
// may carry an inspection before its building, while a transaction that would leave an orphan
// still fails as a whole.
constexpr const char* kSchema1 = R"sql(
PRAGMA application_id = 1095649877;

CREATE TABLE buildings (
  row_no INTEGER PRIMARY KEY,          -- stable rowid (search index key; survives VACUUM)
  id TEXT NOT NULL UNIQUE,
  district TEXT NOT NULL,
  street TEXT NOT NULL,
  community TEXT NOT NULL,
  address TEXT NOT NULL,
  structure TEXT NOT NULL,
  building_code TEXT NOT NULL DEFAULT '',
  -- Derived from this building's latest inspection (by start time), for the house list.
  latest_inspection_id TEXT,
  latest_inspected_at INTEGER,
  latest_judgment TEXT,
  latest_review TEXT,
  payload BLOB NOT NULL,
  version INTEGER NOT NULL,
  server_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX buildings_by_region ON buildings (district, street, community, address, id);
-- Partial: most houses of a freshly assigned community have no inspection yet, and a filter
-- "judgment = x" never needs them, so they take no space in these two indexes.
CREATE INDEX buildings_by_judgment
  ON buildings (latest_judgment, district, street, community, address, id)
  WHERE latest_judgment IS NOT NULL;
CREATE INDEX buildings_by_review
  ON buildings (latest_review, district, street, community, address, id)
  WHERE latest_review IS NOT NULL;
CREATE INDEX buildings_by_code ON buildings (building_code) WHERE building_code <> '';

CREATE TABLE inspections (
  id TEXT PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings (id) DEFERRABLE INITIALLY DEFERRED,
  inspector TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  submitted_at INTEGER NOT NULL,
  judgment TEXT,                       -- effective judgment: the override, else the computed one
  appraisal_grade TEXT,
  review TEXT NOT NULL,
  payload BLOB NOT NULL,
  version INTEGER NOT NULL,
  server_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inspections_by_building ON inspections (building_id, started_at);
CREATE INDEX inspections_by_review ON inspections (review);

-- A query index over the findings inside each inspection's payload (the payload stays the truth:
-- an inspection and its findings are one record, edited, versioned and synced together).
CREATE TABLE findings (
  inspection_id TEXT NOT NULL
    REFERENCES inspections (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  id TEXT NOT NULL,
  component TEXT NOT NULL,
  hazard TEXT NOT NULL,
  severity TEXT NOT NULL,
  PRIMARY KEY (inspection_id, id)
) WITHOUT ROWID;
CREATE INDEX findings_by_hazard ON findings (hazard, severity);

CREATE TABLE photos (
  id TEXT PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings (id) DEFERRABLE INITIALLY DEFERRED,
  -- No foreign key: a photo is often saved before the draft inspection it belongs to.
  inspection_id TEXT,
  finding_id TEXT,
  sha256 TEXT NOT NULL,
  byte_size INTEGER NOT NULL,
  captured_at INTEGER NOT NULL,
  payload BLOB NOT NULL,
  version INTEGER NOT NULL,
  server_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX photos_by_inspection ON photos (inspection_id, captured_at);
CREATE INDEX photos_by_building ON photos (building_id);
CREATE INDEX photos_by_sha256 ON photos (sha256);

CREATE TABLE rectifications (
  id TEXT PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings (id) DEFERRABLE INITIALLY DEFERRED,
  family TEXT NOT NULL,
  measure TEXT NOT NULL,
  status TEXT NOT NULL,
  deadline TEXT NOT NULL DEFAULT '',
  payload BLOB NOT NULL,
  version INTEGER NOT NULL,
  server_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rectifications_by_building ON rectifications (building_id);
CREATE INDEX rectifications_by_status ON rectifications (status, deadline);

-- Local changes not yet confirmed by the server, oldest first (see store.h for the algorithm).
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- AUTOINCREMENT: a seq is never reused, even after acks
  change_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  base_version INTEGER NOT NULL,
  payload BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX outbox_by_record ON outbox (kind, record_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  device TEXT NOT NULL,
  action TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  summary TEXT NOT NULL
);
CREATE INDEX audit_by_record ON audit_log (kind, record_id);
)sql";

// Schema 2: Chinese address search, sync state and conflicts.
//
// Two FTS5 indexes over "district street community address", keyed by buildings.row_no:
// - building_trigram (trigram tokenizer): substring search for terms of 3+ characters, the
//   common case ("幸福路", "和平社区"); very selective because each trigram is rare.
// - building_chars (unicode61 over text with a space between every character): one token per
//   character, so a 1–2 character term ("幸福") is an indexed phrase query ("幸 福") instead of a
//   LIKE '%幸福%' scan of every row; trigrams cannot answer terms shorter than three.
// Both are written explicitly by the store in the same transaction as the building (see
// search_index.h), because the per-character text needs code that a trigger cannot run.
constexpr const char* kSchema2 = R"sql(
CREATE VIRTUAL TABLE building_trigram USING fts5 (text, tokenize = 'trigram');
CREATE VIRTUAL TABLE building_chars USING fts5 (text, tokenize = 'unicode61');

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- A version that lost locally and is kept so the user can see (and redo) it.
CREATE TABLE conflicts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  origin TEXT NOT NULL,             -- 'push': our change lost to the server; 'pull': the pulled
                                    -- change lost to unsent local edits (until they are pushed)
  losing_version INTEGER NOT NULL,
  losing_payload BLOB NOT NULL,
  winning_version INTEGER NOT NULL,
  detected_at INTEGER NOT NULL,
  dismissed_at INTEGER              -- set when the user has looked at it
);
CREATE INDEX conflicts_open ON conflicts (dismissed_at, id);
CREATE INDEX conflicts_by_record ON conflicts (kind, record_id);
)sql";

// Schema 3: what the sync client needs beyond the outbox.
//
// - A change the server REJECTED stays in the outbox, marked with when and why, so the user sees
//   it and nothing typed on the tablet is dropped; pendingOutbox skips it, so it is not resent
//   forever. (A rejected change id is not remembered by the server: the fix is a new save.)
// - photo_uploads: the bytes of locally taken photos still to upload, one row per SHA-256
//   (a photo's bytes travel separately from its record). Queued in the same transaction as the
//   photo record; photos pulled from the server are never queued. Existing photos never
//   confirmed by the server are queued on upgrade.
constexpr const char* kSchema3 = R"sql(
ALTER TABLE outbox ADD COLUMN rejected_at INTEGER;
ALTER TABLE outbox ADD COLUMN reject_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX outbox_rejected ON outbox (rejected_at) WHERE rejected_at IS NOT NULL;

CREATE TABLE photo_uploads (
  sha256 TEXT PRIMARY KEY,
  byte_size INTEGER NOT NULL,
  queued_at INTEGER NOT NULL,
  uploaded_at INTEGER               -- set when the server confirmed the complete, verified bytes
) WITHOUT ROWID;
CREATE INDEX photo_uploads_pending ON photo_uploads (queued_at, sha256) WHERE uploaded_at IS NULL;

INSERT OR IGNORE INTO photo_uploads (sha256, byte_size, queued_at)
  SELECT sha256, byte_size, captured_at FROM photos WHERE server_version = 0;
)sql";

// Schema 5: visits (走访), one row per door knocked, and the house list's view of them.
//
// The buildings table keeps the latest visit's outcome and time and the number of visits (kept
// by record_rows.cpp like the latest inspection), so the "to revisit" filter and the map read
// them without touching the visits table. buildings_by_visit serves that filter in list order.
constexpr const char* kSchema5 = R"sql(
CREATE TABLE visits (
  id TEXT PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings (id) DEFERRABLE INITIALLY DEFERRED,
  inspector TEXT NOT NULL,
  visited_at INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  inspection_id TEXT,
  payload BLOB NOT NULL,
  version INTEGER NOT NULL,
  server_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visits_by_building ON visits (building_id, visited_at);

ALTER TABLE buildings ADD COLUMN last_visit_outcome TEXT;
ALTER TABLE buildings ADD COLUMN last_visited_at INTEGER;
ALTER TABLE buildings ADD COLUMN visit_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX buildings_by_visit
  ON buildings (last_visit_outcome, district, street, community, address_key, id)
  WHERE last_visit_outcome IS NOT NULL;
)sql";

// Campaign dispatch: the houses a reviewer assigned to this tablet's inspector, replaced as a
// whole by each sync (PullResponse.assignments).
constexpr const char* kSchema6 = R"sql(
CREATE TABLE assignments (
  building_id TEXT PRIMARY KEY,
  due_date TEXT NOT NULL,
  assigned_by TEXT NOT NULL,
  assigned_at INTEGER NOT NULL
);
)sql";

Status fillSearchIndex(Database& db, const Transaction& tx) {
  SearchIndexBatch search;
  {
    Result<Statement> rows =
        db.prepare("SELECT row_no, district, street, community, address FROM buildings");
    if (!rows) return rows.status();
    for (;;) {
      Result<bool> row = rows->step();
      if (!row) return row.status();
      if (!*row) break;
      search.add(rows->integer(0), RegionPath{rows->text(1), rows->text(2), rows->text(3)},
                 rows->text(4));
    }
  }
  return search.write(db, tx);
}

// Schema 4: house numbers in natural order (光明街1号, 2号, 12号 rather than 1号, 12号, 2号).
//
// The house list sorts and pages by address_key = naturalSortKey(address) (anju/natural_sort.h,
// the same key the server's register uses). Only C++ computes it, so fillAddressKeys writes it
// for the existing rows and then builds the list indexes on it (building them after the fill
// writes each index once instead of updating it row by row).
constexpr const char* kSchema4 = R"sql(
DROP INDEX buildings_by_region;
DROP INDEX buildings_by_judgment;
DROP INDEX buildings_by_review;
ALTER TABLE buildings ADD COLUMN address_key TEXT NOT NULL DEFAULT '';
)sql";

constexpr const char* kSchema4Indexes = R"sql(
CREATE INDEX buildings_by_region ON buildings (district, street, community, address_key, id);
CREATE INDEX buildings_by_judgment
  ON buildings (latest_judgment, district, street, community, address_key, id)
  WHERE latest_judgment IS NOT NULL;
CREATE INDEX buildings_by_review
  ON buildings (latest_review, district, street, community, address_key, id)
  WHERE latest_review IS NOT NULL;
)sql";

Status fillAddressKeys(Database& db, const Transaction&) {
  Result<Statement> rows = db.prepare("SELECT row_no, address FROM buildings");
  if (!rows) return rows.status();
  Result<Statement> update = db.prepare("UPDATE buildings SET address_key = ?2 WHERE row_no = ?1");
  if (!update) return update.status();
  for (;;) {
    Result<bool> row = rows->step();
    if (!row) return row.status();
    if (!*row) break;
    update->reset();
    const std::string key = naturalSortKey(rows->text(1));
    if (Status s = update->bindInt(1, rows->integer(0)).bindText(2, key).run(); !s) return s;
  }
  return db.exec(kSchema4Indexes);
}

constexpr Migration kMigrations[] = {
    {1, "base tables", kSchema1, nullptr},
    {2, "address search, sync state, conflicts", kSchema2, fillSearchIndex},
    {3, "rejected changes, photo upload queue", kSchema3, nullptr},
    {4, "house numbers in natural order", kSchema4, fillAddressKeys},
    {5, "visits", kSchema5, nullptr},
    {6, "assignments", kSchema6, nullptr},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latestSchemaVersion() { return kMigrations[std::size(kMigrations) - 1].version; }

Status migrate(Database& db, int targetVersion) {
  Result<std::int64_t> current = db.queryInt("PRAGMA user_version");
  if (!current) return current.status();
  for (const Migration& m : kMigrations) {
    if (m.version <= *current || m.version > targetVersion) continue;
    Result<Transaction> tx = Transaction::begin(db);
    if (!tx) return tx.status();
    Status s = db.exec(m.sql);
    if (s && m.fill) s = m.fill(db, *tx);
    // user_version lives in the database header, so setting it is part of this transaction.
    if (s) s = db.exec("PRAGMA user_version = " + std::to_string(m.version));
    if (s) s = tx->commit();
    if (!s) {
      // A full disk, a damaged file or a busy database keep their own code: the caller's advice
      // (free space, restore, retry) depends on it. Anything else is a bug in the migration.
      const StatusCode code = s.code();
      if (code == StatusCode::kIoError || code == StatusCode::kCorruption ||
          code == StatusCode::kUnavailable)
        return s;
      return Status::internal(
          msg("store.migration_failed", {{"version", std::to_string(m.version)},
                                         {"name", m.name},
                                         {"detail", describe(s, Locale::kEnglish)}}));
    }
  }
  return Status::ok();
}

}  // namespace anju::store
