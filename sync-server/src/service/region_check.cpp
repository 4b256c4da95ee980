#include "service/region_check.h"

#include "service/auth_service.h"

namespace anju::server {
namespace {

Result<StoredRecord> visibleRecord(ServerStorage& storage, const User& user,
                                   const std::string& kind, const Uuid& id,
                                   const std::string& notFoundMessage) {
  Result<std::optional<StoredRecord>> found = storage.findRecord(kind, id);
  if (!found) return found.status();
  if (!found->has_value()) return Status::notFound(notFoundMessage + id);
  if (!regionFilterFor(user).allows((*found)->region)) return outsideScope((*found)->region);
  return std::move(**found);
}

}  // namespace

Status outsideScope(const RegionPath& region) {
  return Status::permissionDenied("不在您负责的区域 / forbidden region: " + formatRegion(region));
}

Result<StoredRecord> visibleBuilding(ServerStorage& storage, const User& user,
                                     const Uuid& buildingId) {
  return visibleRecord(storage, user, "building", buildingId, "没有此房屋 / no such building: ");
}

Result<StoredRecord> visiblePhoto(ServerStorage& storage, const User& user, const Uuid& photoId) {
  return visibleRecord(storage, user, "photo", photoId, "没有此照片 / no such photo: ");
}

}  // namespace anju::server
