#include "storage/region_sql.h"

namespace anju::server {

std::string regionCondition(const RegionFilter& filter, char marker, int firstParam,
                            const std::string& tableAlias) {
  if (filter.unrestricted()) return "(1 = 1)";
  if (filter.grants().empty()) return "(1 = 0)";
  const std::string col = tableAlias.empty() ? "" : tableAlias + ".";
  auto param = [&](int n) { return std::string(1, marker) + std::to_string(n); };
  // One OR-ed condition per grant; an empty street/community in a grant means "any".
  std::string sql = "(";
  int p = firstParam;
  for (std::size_t i = 0; i < filter.grants().size(); ++i, p += 3) {
    if (i) sql += " OR ";
    const std::string d = param(p), s = param(p + 1), c = param(p + 2);
    sql += "(" + col + "district = " + d + " AND (" + s + " = '' OR " + col + "street = " + s +
           ") AND (" + c + " = '' OR " + col + "community = " + c + "))";
  }
  return sql + ")";
}

}  // namespace anju::server
