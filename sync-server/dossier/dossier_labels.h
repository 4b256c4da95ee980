// Chinese text for what a dossier shows: enum codes as labels, measurements with their units.
#pragma once

#include <string>

#include "anju/model.h"

namespace anju::dossier {

/// "宽度 1.2 mm", "倾斜率 8 ‰".
std::string measurementText(const Measurement& m);
/// "30.512345, 114.250000" or "未记录".
std::string gpsText(const std::optional<GeoPoint>& p);

}  // namespace anju::dossier
