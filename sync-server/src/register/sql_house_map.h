// HouseMapIndex over house_register in the server's SQL database, for both drivers: the grid
// aggregation runs in SQL (integer division of latitude_e7 / longitude_e7 by the cell size), so
// only a few hundred rows leave the database whatever the number of houses. No index serves the
// box: the filter's own indexes narrow the rows and the box is checked on what they give (a full
// pass over 100 000 rows is a few tens of milliseconds; docs/console.md has the figures).
#pragma once

#include "register/house_map.h"
#include "storage/sql_driver.h"

namespace anju::server {

class SqlHouseMap final : public HouseMapIndex {
 public:
  /// `driver` is borrowed and outlives the index.
  explicit SqlHouseMap(SqlDriver& driver) : m_driver(driver) {}

  Result<HouseMap> mapHouses(const RegisterFilter& filter, const MapView& view) override;

 private:
  SqlDriver& m_driver;
};

}  // namespace anju::server
