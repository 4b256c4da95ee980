#include "register/region_code_book.h"

#include <algorithm>

namespace anju::server {
namespace {

std::string keyOf(const RegionPath& r) {
  // Unit separators: no region name holds one, so the key is unambiguous.
  return r.district + '\x1f' + r.street + '\x1f' + r.community;
}

bool allDigits(const std::string& code) {
  return !code.empty() &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

RegionLevel regionLevel(const RegionPath& region) {
  if (region.street.empty()) return RegionLevel::kDistrict;
  if (region.community.empty()) return RegionLevel::kStreet;
  return RegionLevel::kCommunity;
}

RegionPath parentRegion(const RegionPath& region) {
  switch (regionLevel(region)) {
    case RegionLevel::kCommunity:
      return {region.district, region.street, ""};
    case RegionLevel::kStreet:
      return {region.district, "", ""};
    case RegionLevel::kDistrict:
      break;
  }
  return region;
}

std::string regionPathText(const RegionPath& region) {
  std::string out = region.district;
  for (const std::string* part : {&region.street, &region.community})
    if (!part->empty()) out += "/" + *part;
  return out;
}

std::size_t parentPrefixLength(RegionLevel level) {
  switch (level) {
    case RegionLevel::kStreet:
      return 6;
    case RegionLevel::kCommunity:
      return 9;
    case RegionLevel::kDistrict:
      break;
  }
  return 0;
}

std::optional<Message> regionCodeFormatProblem(RegionLevel level, const std::string& code) {
  if (code.empty()) return msg("regioncode.code_missing");
  if (!allDigits(code)) return msg("regioncode.not_digits", {{"code", code}});
  switch (level) {
    case RegionLevel::kDistrict:
      if (code.size() != 6) return msg("regioncode.district_format", {{"code", code}});
      break;
    case RegionLevel::kStreet:
      if (code.size() != 12 || code.substr(9) != "000" || code.substr(6, 3) == "000")
        return msg("regioncode.street_format", {{"code", code}});
      break;
    case RegionLevel::kCommunity:
      if (code.size() != 12 || code.substr(9) == "000" || code.substr(6, 3) == "000")
        return msg("regioncode.community_format", {{"code", code}});
      break;
  }
  return std::nullopt;
}

RegionCodeBook::RegionCodeBook(const std::vector<RegionCode>& codes) {
  for (const RegionCode& c : codes) m_codes[keyOf(c.region)] = c.code;
}

std::string RegionCodeBook::codeOf(const RegionPath& region) const {
  auto it = m_codes.find(keyOf(region));
  return it == m_codes.end() ? std::string() : it->second;
}

std::string RegionCodeBook::nearestCodeOf(const RegionPath& region) const {
  RegionPath at = region;
  while (true) {
    if (std::string code = codeOf(at); !code.empty()) return code;
    if (regionLevel(at) == RegionLevel::kDistrict) return {};
    at = parentRegion(at);
  }
}

}  // namespace anju::server
