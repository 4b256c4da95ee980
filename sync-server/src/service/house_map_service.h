// HouseMapService: the console's map of houses (register/house_map.h) for a signed-in reviewer:
// the filter read from the query as the house table reads it (HouseService::registerFilter, so
// the caller's regions always apply) and the view from bbox / zoom.
//
// Thread-safe.
#pragma once

#include <map>
#include <string>

#include "register/house_map.h"
#include "service/house_service.h"

namespace anju::server {

class HouseMapService {
 public:
  /// Both are borrowed and outlive the service.
  HouseMapService(HouseService& houses, HouseMapIndex& index) : m_houses(houses), m_index(index) {}

  /// invalidArgument naming the field for a bad filter, box or zoom (nothing is read then).
  Result<HouseMap> map(const User& user, const std::map<std::string, std::string>& params);

 private:
  HouseService& m_houses;
  HouseMapIndex& m_index;
};

}  // namespace anju::server
