#include "service/export_service.h"

#include <algorithm>

#include "service/auth_service.h"

namespace anju::server {
namespace {

/// Whether the asked region and some grant overlap (either contains the other).
bool overlaps(const RegionFilter& scope, const RegionPath& asked) {
  if (scope.unrestricted()) return true;
  return std::any_of(scope.grants().begin(), scope.grants().end(), [&](const RegionPath& g) {
    return regionCovers(g, asked) || regionCovers(asked, g);
  });
}

}  // namespace

Status checkExportRole(const User& user) {
  if (user.role == Role::kReviewer || user.role == Role::kAdmin) return Status::ok();
  return Status::permissionDenied(msg("export.reviewers_only"));
}

Result<RegisterFilter> ExportService::registerFilter(
    const User& user, const std::map<std::string, std::string>& params) {
  if (Status s = checkExportRole(user); !s) return s;
  Result<RegisterFilter> filter = parseRegisterFilter(params, regionFilterFor(user));
  if (!filter) return filter.status();
  if (!filter->district.empty()) {
    const RegionPath asked{filter->district, filter->street, filter->community};
    if (!overlaps(filter->scope, asked))
      return Status::permissionDenied(
          msg("access.forbidden_region", {{"region", formatRegion(asked)}}));
  }
  return filter;
}

Result<RegisterFilter> ExportService::communityFilter(const User& user,
                                                      const std::string& communityPath) {
  if (Status s = checkExportRole(user); !s) return s;
  const std::optional<RegionPath> community = parseRegion(communityPath);
  if (!community || community->community.empty())
    return Status::invalidArgument(msg("access.community_path"), {{"community", communityPath}});
  RegisterFilter filter;
  filter.scope = regionFilterFor(user);
  if (!filter.scope.allows(*community))
    return Status::permissionDenied(msg("access.forbidden_region", {{"region", communityPath}}));
  filter.district = community->district;
  filter.street = community->street;
  filter.community = community->community;
  return filter;
}

Status ExportService::checkHouse(const User& user, const Uuid& buildingId) {
  if (Status s = checkExportRole(user); !s) return s;
  Result<std::optional<StoredRecord>> building = m_storage.findRecord("building", buildingId);
  if (!building) return building.status();
  if (!building->has_value())
    return Status::notFound(msg("access.no_such_building", {{"id", buildingId}}));
  if (!regionFilterFor(user).allows((*building)->region))
    return Status::permissionDenied(
        msg("access.forbidden_region", {{"region", formatRegion((*building)->region)}}));
  return Status::ok();
}

}  // namespace anju::server
