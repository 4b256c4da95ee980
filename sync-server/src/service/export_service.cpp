#include "service/export_service.h"

#include <algorithm>

#include "export/houses_geojson.h"
#include "export/register_csv.h"
#include "export/statistics_xlsx.h"
#include "service/auth_service.h"
#include "service/region_check.h"

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
    if (!overlaps(filter->scope, asked)) return outsideScope(asked);
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
  return visibleBuilding(m_storage, user, buildingId).status();
}

Result<std::int64_t> ExportService::registerCsv(const RegisterFilter& filter,
                                                const ExportSink& sink) {
  StoredRegisterDetails details(m_storage);
  return writeRegisterCsv(m_index, details, filter, sink);
}

Result<std::int64_t> ExportService::housesGeoJson(const RegisterFilter& filter,
                                                  const ExportSink& sink) {
  return writeHousesGeoJson(m_index, filter, sink);
}

Result<XlsxExportResult> ExportService::registerXlsx(const RegisterFilter& filter,
                                                     const std::string& path,
                                                     const std::string& tmpDir) {
  StoredRegisterDetails details(m_storage);
  return writeRegisterXlsx(m_index, details, filter, path, tmpDir);
}

Result<std::int64_t> ExportService::statisticsXlsx(const RegisterFilter& filter,
                                                   const std::string& path,
                                                   const std::string& tmpDir) {
  Result<std::vector<RegionCode>> codes = m_storage.regionCodes();
  if (!codes) return codes.status();
  return writeStatisticsXlsx(m_statistics, RegionCodeBook(*codes), filter, path, tmpDir);
}

Result<PhotoZipResult> ExportService::photoZip(const RegisterFilter& filter,
                                               const ExportSink& sink) {
  if (!m_blobs) return Status::internal("photo ZIP without a blob store");
  return writePhotoZip(m_index, m_storage, *m_blobs, filter, sink);
}

}  // namespace anju::server
