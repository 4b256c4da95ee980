#include "register/sql_register_index.h"

#include <string>

#include "anju/message.h"
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

Status refreshRow(SqlSession& session, const Uuid& buildingId) {
  if (buildingId.empty()) return Status::ok();
  Result<std::vector<StoredRecord>> records = selectHouseRecords(session, buildingId);
  if (!records) return records.status();
  return writeRow(session, buildingId, buildRegisterRow(*records));
}

}  // namespace

Status refreshRegisterRows(SqlSession& session, const std::set<Uuid>& houses) {
  for (const Uuid& house : houses) {
    if (Status s = refreshRow(session, house); !s) return s;
  }
  return Status::ok();
}

Status rebuildRegister(SqlSession& session) {
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
  Status s = driver.withSession([&](SqlSession& session) {
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
  Status s = m_driver.withSession([&](SqlSession& session) -> Status {
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
