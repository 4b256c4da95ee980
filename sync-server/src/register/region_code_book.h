// RegionCodeBook: the stored region codes (区划代码) looked up by region path, and the rules a
// code must keep — GB/T 2260 six digits for a district; twelve-digit statistical division codes
// for a street (six of its district, three of its own, then 000) and a community (nine of its
// street, three of its own, not 000). Pure; read once per export or request.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "anju/message.h"
#include "storage/server_storage.h"

namespace anju::server {

enum class RegionLevel { kDistrict, kStreet, kCommunity };

/// The level a path names: district when street is empty, street when community is empty.
RegionLevel regionLevel(const RegionPath& region);
/// The path one level up (a district is its own parent).
RegionPath parentRegion(const RegionPath& region);
/// "区/街道/社区" with the empty parts left out.
std::string regionPathText(const RegionPath& region);
/// What is wrong with `code` as a code of a region at `level`, on its own; nullopt when fine.
std::optional<Message> regionCodeFormatProblem(RegionLevel level, const std::string& code);
/// How many leading digits a child at `level` shares with its parent's code (street 6,
/// community 9; 0 for a district).
std::size_t parentPrefixLength(RegionLevel level);

class RegionCodeBook {
 public:
  RegionCodeBook() = default;
  explicit RegionCodeBook(const std::vector<RegionCode>& codes);

  /// The code of exactly this region; "" when it has none.
  std::string codeOf(const RegionPath& region) const;
  /// The code of the most specific level of `region` that has one (community, else street,
  /// else district); "" when none has.
  std::string nearestCodeOf(const RegionPath& region) const;
  bool empty() const { return m_codes.empty(); }

 private:
  std::map<std::string, std::string> m_codes;  // key(region) -> code
};

}  // namespace anju::server
