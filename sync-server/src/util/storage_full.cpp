#include "util/storage_full.h"

#include <string_view>

namespace anju::server {
namespace {

// The message id marks it, so the Status stays an ordinary unavailable one for every caller
// that does not care (retry later) and reads plainly in the log.
constexpr std::string_view kStorageFullId = "util.server_storage_full";

}  // namespace

Status storageFullStatus(const std::string& detail) {
  return Status::unavailable(msg(std::string(kStorageFullId), {{"detail", detail}}));
}

bool isStorageFull(const Status& status) {
  return status.code() == StatusCode::kUnavailable && status.text().id == kStorageFullId;
}

}  // namespace anju::server
