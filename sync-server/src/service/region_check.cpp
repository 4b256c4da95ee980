#include "service/region_check.h"

#include "anju/message.h"
#include "service/auth_service.h"

namespace anju::server {
namespace {

Result<StoredRecord> visibleRecord(ServerStorage& storage, const User& user, RecordKind kind,
                                   const Uuid& id, const Status& notFound) {
  Result<std::optional<StoredRecord>> found = storage.findRecord(kind, id);
  if (!found) return found.status();
  if (!found->has_value()) return notFound;
  if (!regionFilterFor(user).allows((*found)->region)) return outsideScope((*found)->region);
  return std::move(**found);
}

}  // namespace

Status outsideScope(const RegionPath& region) {
  return Status::permissionDenied(
      msg("access.forbidden_region", {{"region", formatRegion(region)}}));
}

Result<StoredRecord> visibleBuilding(ServerStorage& storage, const User& user,
                                     const Uuid& buildingId) {
  return visibleRecord(storage, user, RecordKind::kBuilding, buildingId,
                       Status::notFound(msg("access.no_such_building", {{"id", buildingId}})));
}

Result<StoredRecord> visiblePhoto(ServerStorage& storage, const User& user, const Uuid& photoId) {
  return visibleRecord(
      storage, user, RecordKind::kPhoto, photoId,
      Status::notFound(
          msg("access.no_such_record", {recordKindParam(RecordKind::kPhoto), {"id", photoId}})));
}

}  // namespace anju::server
