// RegionFilter: which records a user may see and write, from the regions assigned to them.
//
// An assigned region is a prefix of the 区/街道/社区 path: {"城关区", "", ""} grants the whole
// district, {"城关区", "幸福街道", ""} one street, all three fields one community. Admins get an
// unrestricted filter. A plain value; thread-safe to share once built.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anju/model.h"

namespace anju::server {

class RegionFilter {
 public:
  static RegionFilter everything() { return RegionFilter(true, {}); }
  static RegionFilter only(std::vector<RegionPath> grants) {
    return RegionFilter(false, std::move(grants));
  }

  bool unrestricted() const { return m_all; }
  const std::vector<RegionPath>& grants() const { return m_grants; }
  bool allows(const RegionPath& region) const;

 private:
  RegionFilter(bool all, std::vector<RegionPath> grants)
      : m_all(all), m_grants(std::move(grants)) {}

  bool m_all = false;
  std::vector<RegionPath> m_grants;
};

/// Whether `grant` (a path prefix) covers `region`. A grant with an empty district covers nothing.
bool regionCovers(const RegionPath& grant, const RegionPath& region);

/// "城关区/幸福街道/和平社区", trailing empty levels omitted.
std::string formatRegion(const RegionPath& region);
/// Parses "区/街道/社区" (1 to 3 non-empty levels); nullopt when malformed.
std::optional<RegionPath> parseRegion(std::string_view text);

}  // namespace anju::server
