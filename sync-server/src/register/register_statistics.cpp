#include "register/register_statistics.h"

#include <string>
#include <variant>

#include "register/register_sql.h"
#include "storage/sql_records.h"

namespace anju::server {
namespace {

std::string dollar(int n) { return "$" + std::to_string(n); }

// One row per community; every count a SUM over the index's existing columns.
constexpr const char* kStatisticsSelect =
    "SELECT district, street, community, COUNT(*), "
    "SUM(CASE WHEN review IN ('submitted', 'approved') THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN review NOT IN ('submitted', 'approved') AND visit_count > 0 THEN 1 ELSE 0 "
    "END), "
    "SUM(CASE WHEN inspection_id = '' AND visit_count = 0 THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN review IN ('submitted', 'approved') AND judgment = 'serious' THEN 1 ELSE 0 "
    "END), "
    "SUM(CASE WHEN review IN ('submitted', 'approved') AND judgment = 'some' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN review IN ('submitted', 'approved') AND judgment = 'none_found' THEN 1 ELSE 0 "
    "END), "
    "SUM(CASE WHEN appraisal_grade <> '' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN rectification = 'pending' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN rectification = 'in_progress' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN rectification = 'done' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN hazard_count > 0 AND hazards_closed = hazard_count THEN 1 ELSE 0 END) "
    "FROM house_register";
constexpr const char* kStatisticsGroup =
    " GROUP BY district, street, community ORDER BY district, street, community";

}  // namespace

void DivisionCounts::add(const DivisionCounts& o) {
  houses += o.houses;
  inspected += o.inspected;
  notReached += o.notReached;
  notVisited += o.notVisited;
  serious += o.serious;
  some += o.some;
  noneFound += o.noneFound;
  appraised += o.appraised;
  pending += o.pending;
  inProgress += o.inProgress;
  done += o.done;
  closed += o.closed;
}

std::vector<StatisticsLine> statisticsLines(const std::vector<DivisionCounts>& communities) {
  using Kind = StatisticsLine::Kind;
  std::vector<StatisticsLine> lines;
  StatisticsLine street{Kind::kStreet, {}}, district{Kind::kDistrict, {}}, total{Kind::kTotal, {}};
  bool open = false;
  auto closeStreet = [&] { lines.push_back(street); };
  auto closeDistrict = [&] { lines.push_back(district); };
  for (const DivisionCounts& c : communities) {
    if (open && c.region.district != district.counts.region.district) {
      closeStreet();
      closeDistrict();
      open = false;
    } else if (open && c.region.street != street.counts.region.street) {
      closeStreet();
      street = {Kind::kStreet, {}};
      street.counts.region = {c.region.district, c.region.street, ""};
    }
    if (!open) {
      district = {Kind::kDistrict, {}};
      district.counts.region = {c.region.district, "", ""};
      street = {Kind::kStreet, {}};
      street.counts.region = {c.region.district, c.region.street, ""};
      open = true;
    }
    lines.push_back({Kind::kCommunity, c});
    street.counts.add(c);
    district.counts.add(c);
    total.counts.add(c);
  }
  if (open) {
    closeStreet();
    closeDistrict();
  }
  lines.push_back(total);
  return lines;
}

Result<std::vector<DivisionCounts>> SqlRegisterStatistics::divisionCounts(
    const RegisterFilter& filter) {
  const SqlWhere where = registerWhere(filter, std::nullopt, dollar);
  SqlParams params;
  for (const SqlValue& v : where.params) {
    if (const auto* text = std::get_if<std::string>(&v))
      params.text(*text);
    else
      params.int64(std::get<std::int64_t>(v));
  }
  const std::string sql = std::string(kStatisticsSelect) + where.sql + kStatisticsGroup;
  Result<std::vector<DivisionCounts>> out = std::vector<DivisionCounts>();
  Status s = m_driver.withSession([&](SqlSession& session) -> Status {
    out = collectRows(session, sql, params, [](const SqlRows& r) {
      DivisionCounts c;
      c.region = {r.text(0), r.text(1), r.text(2)};
      std::int64_t* fields[] = {&c.houses,  &c.inspected,  &c.notReached, &c.notVisited,
                                &c.serious, &c.some,       &c.noneFound,  &c.appraised,
                                &c.pending, &c.inProgress, &c.done,       &c.closed};
      int column = 3;
      for (std::int64_t* f : fields) *f = r.int64(column++);
      return c;
    });
    return out.status();
  });
  if (!s) return s;
  return out;
}

}  // namespace anju::server
