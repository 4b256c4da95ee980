// "The server's disk is full" as a Status. A full disk is not a bug and not damaged data: the
// client must be told plainly (HTTP 507, code storage_full) that nothing was stored and that a
// later sync will work once an administrator frees space. The blob store (ENOSPC, EDQUOT) and
// the SQLite backend (SQLITE_FULL) build it; ApiError recognises it.
#pragma once

#include <string>

#include "anju/status.h"

namespace anju::server {

/// An unavailable Status (transient: retrying later helps) marked as "disk full"; `detail`
/// (file or statement) is for the server log only.
Status storageFullStatus(const std::string& detail);
/// True for a Status made by storageFullStatus.
bool isStorageFull(const Status& status);

}  // namespace anju::server
