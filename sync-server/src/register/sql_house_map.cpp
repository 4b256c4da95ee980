#include "register/sql_house_map.h"

#include <map>
#include <utility>

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
  /// The condition "the position is in `box`", its parameters added.
  std::string within(const MapBox& box) {
    return "latitude_e7 >= " + add(box.south) + " AND latitude_e7 <= " + add(box.north) +
           " AND longitude_e7 >= " + add(box.west) + " AND longitude_e7 <= " + add(box.east);
  }
  MapWhere& inside(const MapBox& box) {
    sql += " AND " + within(box);
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

/// The extent of the located houses and the number without a position, in one pass.
Status readExtent(SqlSession& session, const RegisterFilter& filter, HouseMap& map) {
  MapWhere where(filter);
  struct Row {
    std::int64_t located, unlocated;
    MapBox box;
  };
  Result<std::vector<Row>> rows = collectRows(
      session,
      "SELECT CAST(SUM(has_location) AS BIGINT), CAST(SUM(1 - has_location) AS BIGINT), "
      "MIN(CASE WHEN has_location = 1 THEN latitude_e7 END), "
      "MIN(CASE WHEN has_location = 1 THEN longitude_e7 END), "
      "MAX(CASE WHEN has_location = 1 THEN latitude_e7 END), "
      "MAX(CASE WHEN has_location = 1 THEN longitude_e7 END) FROM house_register" +
          where.sql,
      where.params, [](const SqlRows& r) {
        return Row{r.int64(0), r.int64(1), {r.int64(2), r.int64(3), r.int64(4), r.int64(5)}};
      });
  if (!rows) return rows.status();
  if (rows->empty()) return Status::ok();
  map.withoutLocation = rows->front().unlocated;
  if (rows->front().located > 0) {
    map.housesInView = rows->front().located;
    map.extent = rows->front().box;
  }
  return Status::ok();
}

/// The houses in the box as points (the caller knows they are few).
Status readPoints(SqlSession& session, const RegisterFilter& filter, const MapBox& box,
                  HouseMap& map) {
  MapWhere where(filter);
  where.located(true).inside(box);
  Result<std::vector<MapPoint>> points = collectRows(
      session,
      "SELECT building_id, latitude_e7, longitude_e7, judgment, address FROM house_register" +
          where.sql,
      where.params, [](const SqlRows& r) {
        return MapPoint{
            r.text(0),
            {static_cast<double>(r.int64(1)) / 1e7, static_cast<double>(r.int64(2)) / 1e7, {}},
            r.text(3),
            r.text(4)};
      });
  if (!points) return points.status();
  map.points = std::move(points).value();
  return Status::ok();
}

/// One pass over the filtered houses near the view: per community, grid cell and judgment the
/// houses in the box (count and summed position: the clusters) and the bounds of all of them
/// (the outlines); and the houses without a position, which are in no box.
Status readGrid(SqlSession& session, const RegisterFilter& filter, const MapBox& box,
                const MapGrid& grid, HouseMap& map) {
  MapWhere where(filter);
  const std::string cells = cellColumns(where, grid);
  const std::string inView = "CASE WHEN " + where.within(box) + " THEN 1 ELSE 0 END";
  const std::string near = where.within(grid.outlineBox);
  // SUM over bigint is numeric in PostgreSQL: cast back so both drivers read an int64.
  const std::string sql =
      "SELECT district, street, community, has_location, " + cells + ", judgment, SUM(" + inView +
      "), CAST(SUM((" + inView + ") * latitude_e7) AS BIGINT), CAST(SUM((" + inView +
      ") * longitude_e7) AS BIGINT), MIN(latitude_e7), MIN(longitude_e7), MAX(latitude_e7), "
      "MAX(longitude_e7), COUNT(*) FROM house_register" +
      where.sql + " AND (has_location = 0 OR (" + near +
      ")) GROUP BY district, street, community, has_location, cy, cx, judgment";
  struct Row {
    MapCellBounds cell;
    bool located;
    std::pair<std::int64_t, std::int64_t> at;  // (cy, cx)
    std::string judgment;
    std::int64_t inView, latSum, lonSum, all;
  };
  Result<std::vector<Row>> rows = collectRows(session, sql, where.params, [](const SqlRows& r) {
    return Row{
        {{r.text(0), r.text(1), r.text(2)}, {r.int64(10), r.int64(11), r.int64(12), r.int64(13)}},
        r.int64(3) != 0,
        {r.int64(4), r.int64(5)},
        r.text(6),
        r.int64(7),
        r.int64(8),
        r.int64(9),
        r.int64(14)};
  });
  if (!rows) return rows.status();
  struct Sums {
    MapCluster cluster;
    double lat = 0, lon = 0;
  };
  std::map<std::pair<std::int64_t, std::int64_t>, Sums> clusters;
  std::vector<MapCellBounds> bounds;
  for (const Row& row : *rows) {
    if (!row.located) {
      map.withoutLocation += row.all;
      continue;
    }
    bounds.push_back(row.cell);
    if (row.inView == 0) continue;
    Sums& sums = clusters[row.at];
    sums.cluster.houses += row.inView;
    sums.cluster.byJudgment[row.judgment] += row.inView;
    sums.lat += static_cast<double>(row.latSum);
    sums.lon += static_cast<double>(row.lonSum);
    map.housesInView += row.inView;
  }
  for (auto& [at, sums] : clusters) {
    const double n = static_cast<double>(sums.cluster.houses) * 1e7;
    sums.cluster.center = {sums.lat / n, sums.lon / n, {}};
    map.clusters.push_back(std::move(sums.cluster));
  }
  map.outlines = outlinesOf(bounds);
  return Status::ok();
}

}  // namespace

Result<HouseMap> SqlHouseMap::mapHouses(const RegisterFilter& filter, const MapView& view) {
  HouseMap map;
  Status s = m_driver.withSession([&](SqlSession& session) -> Status {
    map = {};
    map.pointLimit = view.maxPoints;
    MapView shown = view;
    if (!view.box) {
      if (Status e = readExtent(session, filter, map); !e) return e;
      if (!map.extent || view.width == 0) return Status::ok();
      map.fitted = fitView(*map.extent, view.width, view.height);
      shown.box = map.fitted->box;
      shown.zoom = map.fitted->zoom;
      map.housesInView = 0;
      map.withoutLocation = 0;  // counted again by readGrid
    }
    if (Status g = readGrid(session, filter, *shown.box, mapGrid(*shown.box, shown.zoom), map); !g)
      return g;
    if (map.housesInView > view.maxPoints) return Status::ok();
    map.clusters.clear();  // few enough: the houses themselves
    return readPoints(session, filter, *shown.box, map);
  });
  if (!s) return s;
  return map;
}

}  // namespace anju::server
