// The demo district (core/include/anju/demo_district.h) under the names the server's admin
// commands use.
#pragma once

#include <vector>

#include "anju/demo_district.h"
#include "anju/model.h"

namespace anju::server {

inline constexpr const char* kDemoDistrict = anju::kDemoDistrict;
inline constexpr const char* kDemoInspectorStreet = anju::kDemoInspectorStreet;

inline std::vector<Building> demoBuildings() { return anju::demoDistrictBuildings(); }

}  // namespace anju::server
