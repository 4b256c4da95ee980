#include "util/storage_full.h"

#include <string_view>

namespace anju::server {
namespace {

// The marker is the start of the message, so the Status stays an ordinary unavailable one for
// every caller that does not care (retry later) and reads plainly in the log.
constexpr std::string_view kMarker = "服务器存储空间已满 / server storage full";

}  // namespace

Status storageFullStatus(const std::string& detail) {
  return Status::unavailable(std::string(kMarker) + ": " + detail);
}

bool isStorageFull(const Status& status) {
  return status.code() == StatusCode::kUnavailable && status.message().starts_with(kMarker);
}

}  // namespace anju::server
