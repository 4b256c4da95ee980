// The house list (filter + keyset paging), its count, and Chinese address search.
//
// All three read the buildings table's own columns (region, address and the latest inspection's
// judgment/review, kept there by record_rows.cpp), so a page of 50 rows at 100 000 houses is an
// index range scan: buildings_by_region for region filters, buildings_by_judgment and
// buildings_by_review when those are filtered; each index ends with the sort key.
#include "anju/enum_codes.h"
#include "anju/natural_sort.h"
#include "store/search_index.h"
#include "store/store_impl.h"

namespace anju {
namespace {

using store::StatementUse;

// SQL text plus its (all text) parameters, numbered in the order they are added.
class Query {
 public:
  std::string param(std::string value) {
    m_params.push_back(std::move(value));
    return "?" + std::to_string(m_params.size());
  }
  void where(const std::string& condition) {
    m_where += (m_where.empty() ? " WHERE " : " AND ") + condition;
  }
  const std::string& whereClause() const { return m_where; }
  int paramCount() const { return static_cast<int>(m_params.size()); }
  void bindAll(store::Statement& statement) const {
    for (std::size_t i = 0; i < m_params.size(); ++i)
      statement.bindText(static_cast<int>(i + 1), m_params[i]);
  }

 private:
  std::vector<std::string> m_params;
  std::string m_where;
};

constexpr const char* kSummaryColumns =
    "SELECT id, district, street, community, address, latest_judgment, latest_review, "
    "latest_inspected_at, last_visit_outcome, last_visited_at, visit_count FROM buildings";
// address_key is naturalSortKey(address): house numbers in natural order (1号, 2号, 12号).
constexpr const char* kOrder = " ORDER BY district, street, community, address_key, id";

void addFilter(const BuildingFilter& f, Query& q) {
  if (!f.district.empty()) q.where("district = " + q.param(f.district));
  if (!f.street.empty()) q.where("street = " + q.param(f.street));
  if (!f.community.empty()) q.where("community = " + q.param(f.community));
  if (f.judgment) q.where("latest_judgment = " + q.param(std::string(toCode(*f.judgment))));
  if (f.review) q.where("latest_review = " + q.param(std::string(toCode(*f.review))));
  if (f.inspected)
    q.where(*f.inspected ? "latest_inspection_id IS NOT NULL" : "latest_inspection_id IS NULL");
  if (f.toRevisit) {
    // Codes of the outcomes that did not reach the house (visits.h: needsRevisit).
    const std::string notReached = "last_visit_outcome IN ('nobody_home', 'refused_entry')";
    q.where(*f.toRevisit ? notReached : "(last_visit_outcome IS NULL OR NOT " + notReached + ")");
  }
}

// Rows after `after` in list order. Columns fixed by the filter are left out of the row-value
// comparison, so it reads (street, community, address_key, id) > (…) under a district filter and
// SQLite seeks straight to the position in the index instead of scanning the district.
void addKeyset(const BuildingFilter& f, const BuildingSummary& after, Query& q) {
  std::string columns;
  std::string values;
  auto add = [&](const char* column, const std::string& value) {
    columns += (columns.empty() ? "" : ", ") + std::string(column);
    values += (values.empty() ? "" : ", ") + q.param(value);
  };
  if (f.district.empty()) add("district", after.region.district);
  if (f.street.empty()) add("street", after.region.street);
  if (f.community.empty()) add("community", after.region.community);
  add("address_key", naturalSortKey(after.address));
  add("id", after.id);
  q.where("(" + columns + ") > (" + values + ")");
}

BuildingSummary summaryOf(const store::Statement& s) {
  BuildingSummary summary{s.text(0),
                          {s.text(1), s.text(2), s.text(3)},
                          s.text(4),
                          std::nullopt,
                          std::nullopt,
                          s.integer(7),
                          std::nullopt,
                          0,
                          0};
  // Unknown codes (written by a newer build) show as "not judged" rather than failing the list.
  if (!s.isNull(5)) summary.judgment = parsePreliminaryJudgment(s.text(5));
  if (!s.isNull(6)) summary.review = parseReviewState(s.text(6));
  if (!s.isNull(8)) summary.lastVisitOutcome = parseVisitOutcome(s.text(8));
  summary.lastVisitedAt = s.isNull(9) ? 0 : s.integer(9);
  summary.visitCount = static_cast<int>(s.integer(10));
  return summary;
}

Result<std::vector<BuildingSummary>> runSummaries(store::Database& db, const Query& q, int limit) {
  // The limit is bound, not spliced in, so each filter shape is compiled once and then reused.
  const int limitIndex = q.paramCount() + 1;
  const std::string sql = std::string(kSummaryColumns) + q.whereClause() + kOrder + " LIMIT ?" +
                          std::to_string(limitIndex);
  Result<StatementUse> query = db.cached(sql.c_str());
  if (!query) return query.status();
  q.bindAll(**query);
  (*query)->bindInt(limitIndex, limit);
  std::vector<BuildingSummary> out;
  for (;;) {
    Result<bool> row = (*query)->step();
    if (!row) return row.status();
    if (!*row) return out;
    out.push_back(summaryOf(**query));
  }
}

Status checkLimit(int limit) {
  if (limit > 0) return Status::ok();
  return Status::invalidArgument(msg("store.limit_must_positive"));
}

}  // namespace

Result<std::vector<BuildingSummary>> Store::listBuildings(
    const BuildingFilter& filter, int limit, const std::optional<BuildingSummary>& after) {
  if (Status s = checkLimit(limit); !s) return s;
  Query q;
  addFilter(filter, q);
  if (after) addKeyset(filter, *after, q);
  std::lock_guard lock(m_impl->mutex);
  return runSummaries(*m_impl->db, q, limit);
}

Result<std::int64_t> Store::countBuildings(const BuildingFilter& filter) {
  Query q;
  addFilter(filter, q);
  const std::string sql = "SELECT count(*) FROM buildings" + q.whereClause();
  std::lock_guard lock(m_impl->mutex);
  Result<StatementUse> query = m_impl->db->cached(sql.c_str());
  if (!query) return query.status();
  q.bindAll(**query);
  Result<bool> row = (*query)->step();
  if (!row) return row.status();
  return (*query)->integer(0);
}

Result<std::vector<BuildingSummary>> Store::searchBuildings(std::string_view query, int limit,
                                                            const BuildingFilter& within) {
  if (Status s = checkLimit(limit); !s) return s;
  const store::SearchPlan plan = store::planSearch(query);
  if (plan.empty()) return std::vector<BuildingSummary>();
  Query q;
  if (!plan.trigramMatch.empty())
    q.where("row_no IN (SELECT rowid FROM building_trigram WHERE building_trigram MATCH " +
            q.param(plan.trigramMatch) + ")");
  if (!plan.charsMatch.empty())
    q.where("row_no IN (SELECT rowid FROM building_chars WHERE building_chars MATCH " +
            q.param(plan.charsMatch) + ")");
  addFilter(within, q);
  std::lock_guard lock(m_impl->mutex);
  return runSummaries(*m_impl->db, q, limit);
}

Result<std::vector<AssignedHouse>> Store::assignedHouses(int limit) {
  if (Status s = checkLimit(limit); !s) return s;
  std::lock_guard lock(m_impl->mutex);
  Result<StatementUse> query = m_impl->db->cached(
      "SELECT b.id, b.district, b.street, b.community, b.address, b.latest_judgment, "
      "b.latest_review, b.latest_inspected_at, b.last_visit_outcome, b.last_visited_at, "
      "b.visit_count, a.due_date, a.assigned_by FROM assignments a JOIN buildings b ON b.id = "
      "a.building_id ORDER BY a.due_date, b.district, b.street, b.community, b.address_key, b.id "
      "LIMIT ?1");
  if (!query) return query.status();
  (*query)->bindInt(1, limit);
  std::vector<AssignedHouse> out;
  for (;;) {
    Result<bool> row = (*query)->step();
    if (!row) return row.status();
    if (!*row) return out;
    out.push_back({summaryOf(**query), (*query)->text(11), (*query)->text(12)});
  }
}

Status Store::replaceAssignments(const std::vector<HouseAssignment>& assignments) {
  std::lock_guard lock(m_impl->mutex);
  store::Database& db = *m_impl->db;
  Result<store::Transaction> tx = store::Transaction::begin(db);
  if (!tx) return tx.status();
  if (Status s = db.exec("DELETE FROM assignments"); !s) return s;
  for (const HouseAssignment& a : assignments) {
    Result<StatementUse> insert = db.cached(
        "INSERT OR REPLACE INTO assignments (building_id, due_date, assigned_by, assigned_at) "
        "VALUES (?1, ?2, ?3, ?4)");
    if (!insert) return insert.status();
    if (Status s = (*insert)
                       ->bindText(1, a.buildingId)
                       .bindText(2, a.dueDate)
                       .bindText(3, a.assignedBy)
                       .bindInt(4, a.assignedAt)
                       .run();
        !s)
      return s;
  }
  return tx->commit();
}

Result<std::vector<HouseAssignment>> Store::assignments() {
  std::lock_guard lock(m_impl->mutex);
  Result<StatementUse> query = m_impl->db->cached(
      "SELECT building_id, due_date, assigned_by, assigned_at FROM assignments "
      "ORDER BY due_date, building_id");
  if (!query) return query.status();
  std::vector<HouseAssignment> out;
  for (;;) {
    Result<bool> row = (*query)->step();
    if (!row) return row.status();
    if (!*row) return out;
    const store::Statement& s = **query;
    out.push_back({s.text(0), s.text(1), s.text(2), s.integer(3)});
  }
}

}  // namespace anju
