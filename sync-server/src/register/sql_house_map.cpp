#include "register/sql_house_map.h"

#include "register/register_sql.h"
#include "storage/sql_records.h"

namespace anju::server {
namespace {

std::string placeholder(int n) { return "$" + std::to_string(n); }

/// The filter's WHERE plus conditions on the position; parameters numbered on from the filter's.
struct MapWhere {
  std::string sql;
  SqlParams params;
  int next = 1;

  explicit MapWhere(const RegisterFilter& filter) {
    SqlWhere where = registerWhere(filter, std::nullopt, placeholder);
    sql = where.sql;
    for (const SqlValue& v : where.params) add(v);
  }
  std::string add(const SqlValue& v) {
    if (const auto* text = std::get_if<std::string>(&v))
      params.text(*text);
    else
      params.int64(std::get<std::int64_t>(v));
    return placeholder(next++);
  }
  MapWhere& located(bool yes) {
    sql += yes ? " AND has_location = 1" : " AND has_location = 0";
    return *this;
  }
  MapWhere& inside(const MapBox& box) {
    sql += " AND latitude_e7 >= " + add(box.south) + " AND latitude_e7 <= " + add(box.north) +
           " AND longitude_e7 >= " + add(box.west) + " AND longitude_e7 <= " + add(box.east);
    return *this;
  }
};

// Cells count from the south-west corner of the world so they stay put while the map pans.
constexpr std::int64_t kLatOrigin = 900000000, kLonOrigin = 1800000000;

/// "(latitude_e7 + origin) / cell AS cy, (longitude_e7 + origin) / cell AS cx" (integer division
/// in both SQLite and PostgreSQL), parameters added to `where`.
std::string cellColumns(MapWhere& where, const MapGrid& grid) {
  return "(latitude_e7 + " + where.add(kLatOrigin) + ") / " + where.add(grid.latCell) +
         " AS cy, (longitude_e7 + " + where.add(kLonOrigin) + ") / " + where.add(grid.lonCell) +
         " AS cx";
}

Result<std::int64_t> count(SqlSession& session, MapWhere where) {
  Result<std::vector<std::int64_t>> n =
      collectRows(session, "SELECT COUNT(*) FROM house_register" + where.sql, where.params,
                  [](const SqlRows& r) { return r.int64(0); });
  if (!n) return n.status();
  return n->empty() ? 0 : n->front();
}

Status readExtent(SqlSession& session, const RegisterFilter& filter, HouseMap& map) {
  MapWhere where(filter);
  where.located(true);
  Result<std::vector<std::pair<std::int64_t, MapBox>>> rows = collectRows(
      session,
      "SELECT COUNT(*), MIN(latitude_e7), MIN(longitude_e7), MAX(latitude_e7), "
      "MAX(longitude_e7) FROM house_register" +
          where.sql,
      where.params, [](const SqlRows& r) {
        return std::pair{r.int64(0), MapBox{r.int64(1), r.int64(2), r.int64(3), r.int64(4)}};
      });
  if (!rows) return rows.status();
  if (!rows->empty() && rows->front().first > 0) {
    map.housesInView = rows->front().first;
    map.extent = rows->front().second;
  }
  return Status::ok();
}

/// The houses in the box as points; false (and no points) when more than `maxPoints`.
Result<bool> readPoints(SqlSession& session, const RegisterFilter& filter, const MapBox& box,
                        int maxPoints, HouseMap& map) {
  MapWhere where(filter);
  where.located(true).inside(box);
  const std::string limit = where.add(std::int64_t{maxPoints} + 1);
  Result<std::vector<MapPoint>> points = collectRows(
      session,
      "SELECT building_id, latitude_e7, longitude_e7, judgment, address FROM house_register" +
          where.sql + " LIMIT " + limit,
      where.params, [](const SqlRows& r) {
        return MapPoint{
            r.text(0),
            {static_cast<double>(r.int64(1)) / 1e7, static_cast<double>(r.int64(2)) / 1e7, {}},
            r.text(3),
            r.text(4)};
      });
  if (!points) return points.status();
  if (points->size() > static_cast<std::size_t>(maxPoints)) return false;
  map.housesInView = static_cast<std::int64_t>(points->size());
  map.points = std::move(points).value();
  return true;
}

Status readClusters(SqlSession& session, const RegisterFilter& filter, const MapBox& box,
                    const MapGrid& grid, HouseMap& map) {
  MapWhere where(filter);
  const std::string cells = cellColumns(where, grid);
  where.located(true).inside(box);
  // SUM over bigint is numeric in PostgreSQL: cast back so both drivers read an int64.
  const std::string sql = "SELECT " + cells +
                          ", judgment, COUNT(*), CAST(SUM(latitude_e7) AS BIGINT), "
                          "CAST(SUM(longitude_e7) AS BIGINT) FROM house_register" +
                          where.sql + " GROUP BY cy, cx, judgment ORDER BY cy, cx";
  struct Row {
    std::int64_t cy, cx;
    std::string judgment;
    std::int64_t houses, latSum, lonSum;
  };
  Result<std::vector<Row>> rows = collectRows(session, sql, where.params, [](const SqlRows& r) {
    return Row{r.int64(0), r.int64(1), r.text(2), r.int64(3), r.int64(4), r.int64(5)};
  });
  if (!rows) return rows.status();
  // Rows of one cell are adjacent (ORDER BY cy, cx); sums are in e7 units.
  double latSum = 0, lonSum = 0;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const Row& row = (*rows)[i];
    if (i == 0 || row.cy != (*rows)[i - 1].cy || row.cx != (*rows)[i - 1].cx) {
      map.clusters.emplace_back();
      latSum = lonSum = 0;
    }
    MapCluster& cluster = map.clusters.back();
    cluster.houses += row.houses;
    cluster.byJudgment[row.judgment] += row.houses;
    latSum += static_cast<double>(row.latSum);
    lonSum += static_cast<double>(row.lonSum);
    const double n = static_cast<double>(cluster.houses) * 1e7;
    cluster.center = {latSum / n, lonSum / n, {}};
    map.housesInView += row.houses;
  }
  return Status::ok();
}

Status readOutlines(SqlSession& session, const RegisterFilter& filter, const MapGrid& grid,
                    HouseMap& map) {
  MapWhere where(filter);
  const std::string cells = cellColumns(where, grid);
  where.located(true).inside(grid.outlineBox);
  const std::string sql = "SELECT district, street, community, " + cells +
                          ", MIN(latitude_e7), MIN(longitude_e7), MAX(latitude_e7), "
                          "MAX(longitude_e7) FROM house_register" +
                          where.sql + " GROUP BY district, street, community, cy, cx";
  Result<std::vector<MapCellBounds>> rows =
      collectRows(session, sql, where.params, [](const SqlRows& r) {
        return MapCellBounds{{r.text(0), r.text(1), r.text(2)},
                             {r.int64(5), r.int64(6), r.int64(7), r.int64(8)}};
      });
  if (!rows) return rows.status();
  map.outlines = outlinesOf(*rows);
  return Status::ok();
}

}  // namespace

Result<HouseMap> SqlHouseMap::mapHouses(const RegisterFilter& filter, const MapView& view) {
  HouseMap map;
  Status s = m_driver.withSession([&](SqlSession& session) -> Status {
    map = {};
    map.pointLimit = view.maxPoints;
    Result<std::int64_t> unlocated = count(session, MapWhere(filter).located(false));
    if (!unlocated) return unlocated.status();
    map.withoutLocation = *unlocated;
    if (!view.box) return readExtent(session, filter, map);
    const MapGrid grid = mapGrid(*view.box, view.zoom);
    Result<bool> few = readPoints(session, filter, *view.box, view.maxPoints, map);
    if (!few) return few.status();
    if (!*few) {
      if (Status c = readClusters(session, filter, *view.box, grid, map); !c) return c;
    }
    return readOutlines(session, filter, grid, map);
  });
  if (!s) return s;
  return map;
}

}  // namespace anju::server
