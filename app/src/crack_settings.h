// The crack growth rule as this tablet is configured: QSettings key "monitoring/crackGrowthMm"
// (millimetres, default 0.2; growth at or above it is flagged, any growth once a crack was
// serious). The environment variable ANJU_CRACK_GROWTH_MM, when set, wins.
#pragma once

#include "anju/crack_monitoring.h"

namespace anju::app {

CrackGrowthRule configuredCrackGrowthRule();

}  // namespace anju::app
