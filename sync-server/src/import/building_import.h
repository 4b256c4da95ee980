// Building register import: CSV rows with Chinese headers -> validated Building records ->
// one storage transaction. All or nothing: any bad row fails the whole import, and every bad
// row is reported with its line number, not just the first.
//
// Columns (order free, header names exact): 区, 街道, 社区, 地址 (required); 产权人, 联系电话,
// 建成年份, 地上层数, 地下层数, 结构类型, 建筑面积, 用途, 房屋编码, 纬度, 经度, and the national
// platform's 业态, 土地性质, 许可证照, 地质灾害, 消防隐患, 自建房编号, 普查房屋编号 (optional).
// 结构类型, 用途 and the platform's options accept the Chinese label (砖混, 出租, 餐饮饭店) or the
// code (brick_concrete, rented, catering). 地质灾害 and 消防隐患 list options separated by 、 or
// ；. 许可证照 lists "permit：status" pairs ("规划许可：有；施工许可：无"), as the register's data
// sheet writes them. 自建房编号 and 普查房屋编号 are kept exactly as written.
// Other columns (序号, 备注, ...) are ignored and reported as such.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "anju/hlc.h"
#include "anju/model.h"
#include "anju/status.h"
#include "storage/server_storage.h"

namespace anju::server {

struct ParsedRegister {
  std::vector<Building> buildings;
  std::vector<std::string> ignoredColumns;
};

/// New buildings (fresh ids) from CSV text. invalidArgument listing every bad line.
Result<ParsedRegister> parseBuildingRegister(std::string_view csvText, TimestampMs nowMs);

/// Stores `buildings` as new records in one transaction, each with a server HLC version, so
/// they appear in pull. Returns how many were stored.
Result<std::size_t> storeBuildings(ServerStorage& storage, HybridLogicalClock& hlc,
                                   const std::vector<Building>& buildings,
                                   const std::string& source);

}  // namespace anju::server
