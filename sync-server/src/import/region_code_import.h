// Region code import (`anju-server region-codes import FILE.csv`): CSV rows 区, 街道, 社区,
// 区划代码 -> checked region codes. A district's own code leaves 街道 and 社区 empty, a street's
// leaves 社区 empty. All or nothing: the file's codes are checked together with the stored ones
// (a child's code must begin with its parent's, wherever either comes from; no code names two
// regions), and every problem is reported with its line, nothing stored when there is one.
#pragma once

#include <string_view>
#include <vector>

#include "anju/status.h"
#include "storage/server_storage.h"

namespace anju::server {

/// The file's codes, once they and the `stored` codes they replace or join are consistent;
/// invalidArgument listing every problem ("line 3: 区划代码") otherwise.
Result<std::vector<RegionCode>> parseRegionCodes(std::string_view csvText,
                                                 const std::vector<RegionCode>& stored);

}  // namespace anju::server
