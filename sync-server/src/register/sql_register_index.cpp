#include "register/sql_register_index.h"

#include <string>

#include "anju/enum_codes.h"
#include "anju/message.h"
#include "anju/record_codec.h"
#include "register/register_builder.h"
#include "register/register_sql.h"
#include "storage/sql_records.h"

namespace anju::server {
namespace {

std::string placeholder(int n) { return "$" + std::to_string(n); }

void addValues(SqlParams& params, const std::vector<SqlValue>& values) {
  for (const SqlValue& v : values) {
    if (const auto* text = std::get_if<std::string>(&v))
      params.text(*text);
    else
      params.int64(std::get<std::int64_t>(v));
  }
}

/// One row of SqlRows seen through the text(i)/int64(i) interface of readRegisterRow.
struct RowColumns {
  const SqlRows& rows;
  std::string text(int column) const { return rows.text(column); }
  std::int64_t int64(int column) const { return rows.int64(column); }
};

/// INSERT ... ON CONFLICT (building_id) DO UPDATE of every column but the key.
std::string upsertSql() {
  std::string placeholders, updates;
  for (int i = 1; i <= kRegisterColumnCount; ++i)
    placeholders += (i > 1 ? ", " : "") + placeholder(i);
  std::string columns = kRegisterColumns;
  for (std::size_t start = columns.find(", ") + 2; start < columns.size();) {
    std::size_t end = columns.find(", ", start);
    const std::string name = columns.substr(start, end == std::string::npos ? end : end - start);
    updates += (updates.empty() ? "" : ", ") + name + " = excluded." + name;
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return std::string("INSERT INTO house_register (") + kRegisterColumns + ") VALUES (" +
         placeholders + ") ON CONFLICT (building_id) DO UPDATE SET " + updates;
}

Status writeRow(SqlSession& session, const Uuid& buildingId,
                const std::optional<RegisterRow>& row) {
  if (!row)
    return session.run("DELETE FROM house_register WHERE building_id = $1",
                       SqlParams().text(buildingId));
  static const std::string kUpsert = upsertSql();
  SqlParams params;
  addValues(params, registerRowValues(*row));
  return session.run(kUpsert, params);
}

constexpr const char* kFactColumns =
    "kind, id, at, state, deadline, inspector, judgment, judgment_overridden, appraisal_grade, "
    "finding_count, finding_ids, hazard_inspection, hazard_finding, closed";

// register_facts.result of an inspection: which of the latest ones refreshRow reads it as.
int inspectionResult(const HouseFact& f) {
  if (f.kind != RecordKind::kInspection || !isInspectionResult(f)) return 0;
  return parseReviewState(f.state) == ReviewState::kApproved ? 2 : 1;
}

std::string joinIds(const std::vector<Uuid>& ids) {
  std::string joined;
  for (const Uuid& id : ids) {
    if (!joined.empty()) joined += ',';
    joined += id;
  }
  return joined;
}

std::vector<Uuid> splitIds(const std::string& joined) {
  std::vector<Uuid> ids;
  for (std::size_t at = 0; at < joined.size();) {
    std::size_t comma = joined.find(',', at);
    if (comma == std::string::npos) comma = joined.size();
    ids.push_back(joined.substr(at, comma - at));
    at = comma + 1;
  }
  return ids;
}

Status writeFact(SqlSession& session, const Uuid& buildingId, const HouseFact& f) {
  return session.run(
      std::string("INSERT INTO register_facts (building_id, result, ") + kFactColumns +
          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) "
          "ON CONFLICT (kind, id) DO "
          "UPDATE SET building_id = excluded.building_id, result = excluded.result, "
          "at = excluded.at, "
          "state = excluded.state, deadline = excluded.deadline, "
          "inspector = excluded.inspector, judgment = excluded.judgment, "
          "judgment_overridden = excluded.judgment_overridden, "
          "appraisal_grade = excluded.appraisal_grade, finding_count = excluded.finding_count, "
          "finding_ids = excluded.finding_ids, hazard_inspection = excluded.hazard_inspection, "
          "hazard_finding = excluded.hazard_finding, closed = excluded.closed",
      SqlParams()
          .text(buildingId)
          .int64(inspectionResult(f))
          .text(recordKindCode(f.kind))
          .text(f.id)
          .int64(f.at)
          .text(f.state)
          .text(f.deadline)
          .text(f.inspector)
          .text(f.judgment)
          .int64(f.judgmentOverridden ? 1 : 0)
          .text(f.appraisalGrade)
          .int64(f.findingCount)
          .text(joinIds(f.findingIds))
          .text(f.hazardInspection)
          .text(f.hazardFinding)
          .int64(f.closed ? 1 : 0));
}

// The facts buildRegisterRow needs of one house ($1): of its inspections only the latest
// result, the latest approved one (its findings are the hazards; often the same row as the
// latest result, read twice, which buildRegisterRow does not mind) and the latest open one —
// the only ones it can use; picked as keepLatest does: by time, then by id in byte order (the
// column is {key_text}); all facts of its other records. A house with 100 inspections reads 3
// rows of them, through register_facts_by_building.
std::string houseFactsSql() {
  const std::string inspection = kindLiteral(RecordKind::kInspection);
  const auto latest = [&](const char* result, const char* name) {
    return std::string("SELECT * FROM (SELECT ") + kFactColumns +
           " FROM register_facts WHERE building_id = $1 AND kind = " + inspection + " AND " +
           result + " ORDER BY at DESC, id DESC LIMIT 1) " + name;
  };
  return latest("result >= 1", "latest_result") + " UNION ALL " +
         latest("result = 2", "latest_approved") + " UNION ALL " +
         latest("result = 0", "latest_open") + " UNION ALL SELECT " + kFactColumns +
         " FROM register_facts WHERE building_id = $1 AND kind <> " + inspection;
}

// The house's row from its building record and its facts: no record of the house but the
// building is decoded, however many inspections and photos it has.
Status refreshRow(SqlSession& session, const Uuid& buildingId) {
  if (buildingId.empty()) return Status::ok();
  Result<std::optional<StoredRecord>> stored =
      selectRecord(session, RecordKind::kBuilding, buildingId);
  if (!stored) return stored.status();
  std::optional<Building> building;
  if (stored->has_value()) {
    Result<AnyRecord> decoded = decodeRecord((*stored)->payload);
    if (decoded && std::holds_alternative<Building>(*decoded))
      building = std::get<Building>(std::move(*decoded));
  }
  if (!building) return writeRow(session, buildingId, std::nullopt);
  static const std::string kHouseFacts = houseFactsSql();
  Result<std::vector<HouseFact>> facts =
      collectCheckedRows<HouseFact>(session, kHouseFacts, SqlParams().text(buildingId),
                                    [](const SqlRows& rows) -> Result<HouseFact> {
                                      HouseFact f;
                                      f.id = rows.text(1);
                                      Result<RecordKind> kind = kindColumn(rows, 0, f.id);
                                      if (!kind) return kind.status();
                                      f.kind = *kind;
                                      f.at = rows.int64(2);
                                      f.state = rows.text(3);
                                      f.deadline = rows.text(4);
                                      f.inspector = rows.text(5);
                                      f.judgment = rows.text(6);
                                      f.judgmentOverridden = rows.int64(7) != 0;
                                      f.appraisalGrade = rows.text(8);
                                      f.findingCount = static_cast<int>(rows.int64(9));
                                      f.findingIds = splitIds(rows.text(10));
                                      f.hazardInspection = rows.text(11);
                                      f.hazardFinding = rows.text(12);
                                      f.closed = rows.int64(13) != 0;
                                      return f;
                                    });
  if (!facts) return facts.status();
  return writeRow(session, buildingId, buildRegisterRow(building, *facts));
}

}  // namespace

Status noteRecordWritten(SqlSession& session, const StoredRecord& record) {
  if (record.kind == RecordKind::kBuilding) return Status::ok();  // read whole by refreshRow
  Result<AnyRecord> decoded = decodeRecord(record.payload);
  std::optional<HouseFact> fact;
  if (decoded) fact = houseFactOf(*decoded);
  if (!fact)  // undecodable: the register skips it, as push validated what it stored
    return session.run("DELETE FROM register_facts WHERE kind = $1 AND id = $2",
                       SqlParams().text(recordKindCode(record.kind)).text(record.id));
  return writeFact(session, record.buildingId, *fact);
}

Status refreshRegisterRows(SqlSession& session, const std::set<Uuid>& houses) {
  for (const Uuid& house : houses) {
    if (Status s = refreshRow(session, house); !s) return s;
  }
  return Status::ok();
}

Status rebuildRegister(SqlSession& session) {
  if (Status s = session.run("DELETE FROM register_facts"); !s) return s;
  // The facts first, a batch of records at a time in seq order (unique, indexed).
  for (std::int64_t afterSeq = 0;;) {
    Result<std::vector<StoredRecord>> batch = collectRecords(
        session,
        std::string("SELECT ") + kRecordColumns + " FROM records WHERE seq > $1 " + "AND kind <> " +
            kindLiteral(RecordKind::kBuilding) + " ORDER BY seq LIMIT 1000",
        SqlParams().int64(afterSeq));
    if (!batch) return batch.status();
    if (batch->empty()) break;
    for (const StoredRecord& r : *batch) {
      if (Status s = noteRecordWritten(session, r); !s) return s;
    }
    afterSeq = batch->back().seq;
  }
  if (Status s = session.run("DELETE FROM house_register"); !s) return s;
  // A row exists only for a stored building, so walking the buildings in id order (the primary
  // key) a batch at a time visits every row while holding one batch of ids in memory.
  std::string after;
  while (true) {
    Result<std::vector<std::string>> ids =
        collectRows(session,
                    "SELECT id FROM records WHERE kind = " + kindLiteral(RecordKind::kBuilding) +
                        " AND id COLLATE \"C\" > $1 ORDER BY id COLLATE \"C\" LIMIT 1000",
                    SqlParams().text(after), [](const SqlRows& rows) { return rows.text(0); });
    if (!ids) return ids.status();
    if (ids->empty()) return Status::ok();
    for (const std::string& id : *ids) {
      if (Status s = refreshRow(session, id); !s) return s;
    }
    after = ids->back();
  }
}

namespace {

/// One page of rows under `where`, in `order`: at most `limit` rows, and the key of the last one
/// (made by `keyOf`) when more follow.
template <typename Page, typename KeyOf>
Result<Page> selectPage(SqlDriver& driver, const SqlWhere& where, const char* order, int limit,
                        KeyOf keyOf) {
  if (limit < 1 || limit > 10000)
    return Status::invalidArgument(msg("query.limit_range", {{"min", "1"}, {"max", "10000"}}));
  SqlParams params;
  addValues(params, where.params);
  params.int64(static_cast<std::int64_t>(limit) + 1);  // one more: is there a next page?
  const std::string sql = std::string("SELECT ") + kRegisterColumns + " FROM house_register" +
                          where.sql + " ORDER BY " + order + " LIMIT " +
                          placeholder(static_cast<int>(where.params.size()) + 1);
  std::optional<Result<std::vector<RegisterRow>>> rows;
  Status s = driver.withReadSession([&](SqlSession& session) {
    rows.emplace(collectRows(session, sql, params,
                             [](const SqlRows& r) { return readRegisterRow(RowColumns{r}); }));
    return rows->status();
  });
  if (!s) return s;
  Page page;
  for (RegisterRow& row : **rows) {
    if (static_cast<int>(page.rows.size()) == limit) {
      page.nextKey = keyOf(page.rows.back());
      break;
    }
    page.rows.push_back(std::move(row));
  }
  return page;
}

}  // namespace

Result<RegisterPage> SqlRegisterIndex::queryRegister(const RegisterFilter& filter,
                                                     const std::optional<RegisterKey>& after,
                                                     int limit) {
  return selectPage<RegisterPage>(m_driver, registerWhere(filter, after, placeholder),
                                  kRegisterKeyColumns, limit,
                                  [](const RegisterRow& row) { return keyOf(row); });
}

Result<InboxPage> SqlRegisterIndex::queryByInspectionTime(const RegisterFilter& filter,
                                                          const std::optional<InboxKey>& after,
                                                          int limit) {
  SqlWhere where = registerWhere(filter, std::nullopt, placeholder);
  if (after) appendInboxAfter(where, *after, placeholder);
  // With the review narrowed to one state, house_register_by_review_time serves the order.
  return selectPage<InboxPage>(m_driver, where, "inspected_at, building_id", limit,
                               [](const RegisterRow& row) {
                                 return InboxKey{row.inspectedAt, row.buildingId};
                               });
}

Result<std::int64_t> SqlRegisterIndex::countRows(const RegisterFilter& filter) {
  const SqlWhere where = registerWhere(filter, std::nullopt, placeholder);
  SqlParams params;
  addValues(params, where.params);
  std::optional<Result<std::vector<std::int64_t>>> count;
  Status s = m_driver.withSession([&](SqlSession& session) {
    count.emplace(collectRows(session, "SELECT COUNT(*) FROM house_register" + where.sql, params,
                              [](const SqlRows& r) { return r.int64(0); }));
    return count->status();
  });
  if (!s) return s;
  return (*count)->empty() ? 0 : (*count)->front();
}

Result<RegisterSummary> SqlRegisterIndex::countRegister(const RegisterFilter& filter) {
  const SqlWhere where = registerWhere(filter, std::nullopt, placeholder);
  SqlParams params;
  addValues(params, where.params);
  const std::string sql = std::string(kRegisterCountSelect) + where.sql + kRegisterCountGroup;
  RegisterSummary summary;
  Status s = m_driver.withReadSession([&](SqlSession& session) -> Status {
    summary = {};
    Result<std::unique_ptr<SqlRows>> rows = session.query(sql, params);
    if (!rows) return rows.status();
    while (true) {
      Result<bool> row = (*rows)->next();
      if (!row) return row.status();
      if (!*row) return Status::ok();
      addCountRow(RowColumns{**rows}, summary);
    }
  });
  if (!s) return s;
  return summary;
}

}  // namespace anju::server
