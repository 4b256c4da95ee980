#include "storage/region_filter.h"

#include <algorithm>

namespace anju::server {

bool regionCovers(const RegionPath& grant, const RegionPath& region) {
  if (grant.district.empty() || grant.district != region.district) return false;
  if (grant.street.empty()) return true;
  if (grant.street != region.street) return false;
  return grant.community.empty() || grant.community == region.community;
}

bool RegionFilter::allows(const RegionPath& region) const {
  if (m_all) return true;
  return std::any_of(m_grants.begin(), m_grants.end(),
                     [&](const RegionPath& g) { return regionCovers(g, region); });
}

std::string formatRegion(const RegionPath& region) {
  std::string out = region.district;
  if (!region.street.empty()) out += "/" + region.street;
  if (!region.community.empty()) out += "/" + region.community;
  return out;
}

std::optional<RegionPath> parseRegion(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = text.find('/', start);
    parts.emplace_back(text.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (parts.size() > 3) return std::nullopt;
  for (const std::string& p : parts)
    if (p.empty()) return std::nullopt;
  RegionPath region;
  region.district = parts[0];
  if (parts.size() > 1) region.street = parts[1];
  if (parts.size() > 2) region.community = parts[2];
  return region;
}

}  // namespace anju::server
