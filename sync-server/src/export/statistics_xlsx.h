// The statistics register per division (统计台账) as XLSX: one sheet, a title row, rows
// 区 / 街道 / 社区 with a subtotal per street and per district and a grand total, then the
// line's 区划代码 (the community's; the street's on its subtotal, the district's on its total),
// houses, inspected, not reached, not visited, each judgment, appraised, rectification states and
// closed (已销号). Printable like the register: landscape A4, one page wide.
#pragma once

#include <cstdint>
#include <string>

#include "register/region_code_book.h"
#include "register/register_statistics.h"

namespace anju::server {

/// Writes the workbook to `path` (replaced); `tmpDir` for libxlsxwriter's temporary files ("":
/// the system's). How many communities it lists.
Result<std::int64_t> writeStatisticsXlsx(RegisterStatistics& statistics,
                                         const RegionCodeBook& codes, const RegisterFilter& filter,
                                         const std::string& path, const std::string& tmpDir = "");

}  // namespace anju::server
