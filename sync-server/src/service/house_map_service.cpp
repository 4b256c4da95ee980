#include "service/house_map_service.h"

namespace anju::server {

Result<HouseMap> HouseMapService::map(const User& user,
                                      const std::map<std::string, std::string>& params) {
  Result<RegisterFilter> filter = m_houses.registerFilter(user, params);
  if (!filter) return filter.status();
  Result<MapView> view = parseMapView(params);
  if (!view) return view.status();
  return m_index.mapHouses(*filter, *view);
}

}  // namespace anju::server
