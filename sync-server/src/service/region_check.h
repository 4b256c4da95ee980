// The region check of every service in one place: a user sees and changes only records whose
// building lies inside one of their regions (RegionFilter, from regionFilterFor). A record
// outside is permissionDenied (HTTP 403), never silently absent.
#pragma once

#include <string>

#include "storage/server_storage.h"

namespace anju::server {

/// The permissionDenied status for a record outside the caller's regions.
Status outsideScope(const RegionPath& region);

/// The current building `buildingId` when `user` may see it; notFound or permissionDenied.
Result<StoredRecord> visibleBuilding(ServerStorage& storage, const User& user,
                                     const Uuid& buildingId);
/// The current photo record `photoId` when `user` may see it; notFound or permissionDenied.
Result<StoredRecord> visiblePhoto(ServerStorage& storage, const User& user, const Uuid& photoId);

}  // namespace anju::server
