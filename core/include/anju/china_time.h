// Times as the bureau reads them: registers, dossiers and GIS layers print China Standard Time
// (UTC+8, no daylight saving), whatever zone the server runs in.
#pragma once

#include <string>

#include "anju/model.h"

namespace anju {

/// "YYYY-MM-DD HH:MM" in UTC+8; empty for 0 (a time never recorded).
std::string formatChinaTime(TimestampMs ms);

}  // namespace anju
