#include "register/progress_query.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "register/register_sql.h"

namespace anju::server {
namespace {

constexpr std::int64_t kDayMs = 86400000;
constexpr std::int64_t kBeijingOffsetMs = 8 * 3600000;

std::string placeholder(int n) { return "$" + std::to_string(n); }

// The register's rows under the filter, with the columns progress reads, as a subquery: the
// filter's WHERE names house_register's columns unqualified, so it is applied before the join.
std::string registerRows(const SqlWhere& where) {
  return "(SELECT building_id, district, street, community, inspector, visit_count, "
         "inspection_id, inspected_at, last_visit_outcome, last_visited_at, review FROM "
         "house_register" +
         where.sql + ")";
}

// Who a house counts for: its assignee, else the inspector of its shown inspection.
constexpr const char* kWho = "COALESCE(a.inspector, r.inspector)";

// civil_from_days (Howard Hinnant's algorithm): the date of a day number.
void civilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yy + (m <= 2));
}

std::int64_t daysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

ProgressGroup& groupOf(std::vector<ProgressGroup>& groups, const RegionPath& community) {
  if (groups.empty() || !(groups.back().community == community)) {
    groups.push_back({});
    groups.back().community = community;
  }
  return groups.back();
}

ProgressGroup& groupOf(std::map<std::string, ProgressGroup>& groups, const std::string& who) {
  ProgressGroup& g = groups[who];
  g.inspector = who;
  return g;
}

void addMetric(ProgressCounts& c, const std::string& metric, std::int64_t n) {
  if (metric == "assigned")
    c.assigned += n;
  else if (metric == "visited")
    c.visited += n;
  else if (metric == "inspected")
    c.inspected += n;
  else if (metric == "nobody_home")
    c.nobodyHome += n;
  else if (metric == "refused_entry")
    c.refused += n;
  else if (metric == "submitted")
    c.submitted += n;
  else if (metric == "approved")
    c.approved += n;
  else if (metric == "returned")
    c.returned += n;
}

}  // namespace

void ProgressCounts::add(const ProgressCounts& o) {
  houses += o.houses;
  assigned += o.assigned;
  visited += o.visited;
  inspected += o.inspected;
  nobodyHome += o.nobodyHome;
  refused += o.refused;
  submitted += o.submitted;
  approved += o.approved;
  returned += o.returned;
}

BeijingDay beijingDay(TimestampMs ms) {
  const std::int64_t t = ms + kBeijingOffsetMs;
  return t >= 0 ? t / kDayMs : -((-t + kDayMs - 1) / kDayMs);
}

// 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
BeijingDay weekStart(BeijingDay day) { return day - (((day + 3) % 7) + 7) % 7; }

std::string beijingDate(BeijingDay day) {
  int y = 0;
  unsigned m = 0, d = 0;
  civilFromDays(day, y, m, d);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", y, m, d);
  return text;
}

std::optional<BeijingDay> parseBeijingDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  auto num = [&](std::size_t at, std::size_t len, auto& out) {
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + len, out);
    return ec == std::errc() && end == text.data() + at + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d) || m < 1 || m > 12 || d < 1 || d > 31)
    return std::nullopt;
  const BeijingDay day = daysFromCivil(y, m, d);
  if (beijingDate(day) != text) return std::nullopt;  // 02-30 and the like
  return day;
}

std::map<BeijingDay, ProgressCounts> perWeek(const std::map<BeijingDay, ProgressCounts>& byDay) {
  std::map<BeijingDay, ProgressCounts> out;
  for (const auto& [day, counts] : byDay) out[weekStart(day)].add(counts);
  return out;
}

Result<ProgressReport> ProgressQuery::progress(const RegisterFilter& filter) {
  const SqlWhere where = registerWhere(filter, std::nullopt, placeholder);
  SqlParams params;
  for (const SqlValue& v : where.params) {
    if (const auto* text = std::get_if<std::string>(&v))
      params.text(*text);
    else
      params.int64(std::get<std::int64_t>(v));
  }
  const std::string rows = registerRows(where);
  const std::string join = " r LEFT JOIN assignments a ON a.building_id = r.building_id";
  const std::string totals =
      std::string("SELECT r.district, r.street, r.community, ") + kWho +
      ", COUNT(*), SUM(CASE WHEN a.building_id IS NULL THEN 0 ELSE 1 END), "
      "SUM(CASE WHEN r.visit_count > 0 OR r.inspection_id <> '' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN r.inspection_id <> '' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN r.last_visit_outcome = 'nobody_home' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN r.last_visit_outcome = 'refused_entry' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN r.review = 'submitted' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN r.review = 'approved' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN r.review = 'returned' THEN 1 ELSE 0 END) FROM " +
      rows + join + " GROUP BY r.district, r.street, r.community, " + kWho +
      " ORDER BY r.district, r.street, r.community";
  // One row per (community, inspector, metric, day); the events union over the same rows.
  auto events = [&](const std::string& metric, const std::string& at, const std::string& when,
                    const std::string& joinKind) {
    return std::string(
               "SELECT r.district AS district, r.street AS street, r.community AS "
               "community, ") +
           kWho + " AS who, " + metric + " AS metric, (" + at + " + " +
           std::to_string(kBeijingOffsetMs) + ") / " + std::to_string(kDayMs) + " AS day FROM " +
           rows + " r " + joinKind + " JOIN assignments a ON a.building_id = r.building_id WHERE " +
           when;
  };
  const std::string daily =
      "SELECT district, street, community, who, metric, day, COUNT(*) FROM (" +
      events("'assigned'", "a.assigned_at", "a.assigned_at > 0", "") + " UNION ALL " +
      // Visited: the day of the latest visit, or of the inspection when no visit was recorded
      // (tablets before visits), so the days add up to the total.
      events("'visited'",
             "CASE WHEN r.last_visited_at > 0 THEN r.last_visited_at ELSE r.inspected_at END",
             "(r.last_visited_at > 0 OR (r.inspection_id <> '' AND r.inspected_at > 0))", "LEFT") +
      " UNION ALL " +
      events("r.last_visit_outcome", "r.last_visited_at",
             "r.last_visited_at > 0 AND r.last_visit_outcome IN ('nobody_home', 'refused_entry')",
             "LEFT") +
      " UNION ALL " +
      events("'inspected'", "r.inspected_at", "r.inspection_id <> '' AND r.inspected_at > 0",
             "LEFT") +
      " UNION ALL " +
      events("r.review", "r.inspected_at",
             "r.inspected_at > 0 AND r.review IN ('submitted', 'approved', 'returned')", "LEFT") +
      ") e GROUP BY district, street, community, who, metric, day "
      "ORDER BY district, street, community";

  ProgressReport report;
  std::map<std::string, ProgressGroup> byInspector;
  Status s = m_driver.withSession([&](SqlSession& session) -> Status {
    report = {};
    byInspector.clear();
    Result<std::unique_ptr<SqlRows>> t = session.query(totals, params);
    if (!t) return t.status();
    for (;;) {
      Result<bool> row = (*t)->next();
      if (!row) return row.status();
      if (!*row) break;
      const SqlRows& c = **t;
      ProgressCounts n;
      n.houses = c.int64(4);
      n.assigned = c.int64(5);
      n.visited = c.int64(6);
      n.inspected = c.int64(7);
      n.nobodyHome = c.int64(8);
      n.refused = c.int64(9);
      n.submitted = c.int64(10);
      n.approved = c.int64(11);
      n.returned = c.int64(12);
      groupOf(report.communities, {c.text(0), c.text(1), c.text(2)}).total.add(n);
      groupOf(byInspector, c.text(3)).total.add(n);
      report.total.total.add(n);
    }
    Result<std::unique_ptr<SqlRows>> d = session.query(daily, params);
    if (!d) return d.status();
    for (;;) {
      Result<bool> row = (*d)->next();
      if (!row) return row.status();
      if (!*row) break;
      const SqlRows& c = **d;
      const RegionPath community{c.text(0), c.text(1), c.text(2)};
      const std::string metric = c.text(4);
      const BeijingDay day = c.int64(5);
      const std::int64_t n = c.int64(6);
      auto it = std::find_if(report.communities.begin(), report.communities.end(),
                             [&](const ProgressGroup& g) { return g.community == community; });
      if (it != report.communities.end()) addMetric(it->byDay[day], metric, n);
      addMetric(groupOf(byInspector, c.text(3)).byDay[day], metric, n);
      addMetric(report.total.byDay[day], metric, n);
    }
    return Status::ok();
  });
  if (!s) return s;
  for (auto& [name, group] : byInspector) report.inspectors.push_back(std::move(group));
  return report;
}

}  // namespace anju::server
