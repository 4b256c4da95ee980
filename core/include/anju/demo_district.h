// A made-up district for demos, screenshots and tests: 临江区 with three streets/towns, seven
// communities and about 200 self-built houses with plausible Chinese addresses, owners and
// structures. Deterministic (a fixed pseudo-random sequence) except for the fresh building ids.
// Never shipped as real data: the sync server's `demo` command and the app's `--demo-data` use it.
#pragma once

#include <vector>

#include "anju/model.h"

namespace anju {

inline constexpr const char* kDemoDistrict = "临江区";
inline constexpr const char* kDemoInspectorStreet = "城南街道";

std::vector<Building> demoDistrictBuildings();

}  // namespace anju
