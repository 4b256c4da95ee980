// The weekly progress report (周报) a bureau sends upward, as XLSX: one row per community and a
// totals row (合计), with the week's figures (本周) and the cumulative ones up to the week's end
// (累计) — assigned, visited, inspected, not reached, submitted, approved, returned — from the
// campaign progress (register/progress_query.h). Landscape A4, one page wide, title, period and
// signature lines. Small (one row per community), so built in memory.
#pragma once

#include <string>

#include "register/progress_query.h"

namespace anju::server {

/// Writes the report of the week starting `monday` to `path` (replaced). `regionTitle` names
/// the region covered (e.g. "临江区" or "临江区城南街道"; empty: every region of the caller).
/// ioError when the file cannot be written.
Status writeWeeklyReportXlsx(const ProgressReport& report, BeijingDay monday,
                             const std::string& regionTitle, TimestampMs now,
                             const std::string& path, const std::string& tmpDir = "");

}  // namespace anju::server
