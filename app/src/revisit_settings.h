// The revisit rule as this tablet is configured: QSettings key "visits/revisitIntervalDays"
// (extra calendar days before the next working day, default 0 = the next working day; see
// core's visits.h for the rule). The bureau sets it in the app's settings file; the environment
// variable ANJU_REVISIT_INTERVAL_DAYS, when set, wins (tests, a one-off deployment).
#pragma once

#include "anju/visits.h"

namespace anju::app {

RevisitRule configuredRevisitRule();

}  // namespace anju::app
