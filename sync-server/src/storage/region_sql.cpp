#include "storage/region_sql.h"

namespace anju::server {

std::string regionCondition(const RegionFilter& filter, char marker, int firstParam,
                            const std::string& tableAlias) {
  if (filter.unrestricted()) return "(1 = 1)";
  if (filter.grants().empty()) return "(1 = 0)";
  const std::string col = tableAlias.empty() ? "" : tableAlias + ".";
  auto param = [&](int n) { return std::string(1, marker) + std::to_string(n); };
  // One OR-ed condition per grant; an empty street/community in a grant means "any". The shape
  // follows the grant's values (which the caller binds from this same filter), so the planner
  // sees `street = $s AND community = $c` for a community grant and can walk
  // records_by_region (district, street, community, seq). The generic `($s = '' OR street = $s)`
  // hid that: a tablet's pull of its one community walked its whole district in seq order
  // (500 tablets' first pulls: 50 M rows read). An empty level still names its parameter
  // (`$s = ''`, true) so every parameter keeps its number and PostgreSQL its type.
  auto level = [&](const std::string& value, const std::string& column, const std::string& p) {
    return value.empty() ? p + " = ''" : col + column + " = " + p;
  };
  std::string sql = "(";
  int p = firstParam;
  for (std::size_t i = 0; i < filter.grants().size(); ++i, p += 3) {
    const RegionPath& grant = filter.grants()[i];
    if (i) sql += " OR ";
    sql += "(" + col + "district = " + param(p) + " AND " +
           level(grant.street, "street", param(p + 1)) + " AND " +
           level(grant.community, "community", param(p + 2)) + ")";
  }
  return sql + ")";
}

}  // namespace anju::server
