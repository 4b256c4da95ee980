#include "storage/server_storage.h"

#include <algorithm>

namespace anju::server {

const char* roleCode(Role role) {
  switch (role) {
    case Role::kInspector:
      return "inspector";
    case Role::kReviewer:
      return "reviewer";
    case Role::kAdmin:
      return "admin";
  }
  return "inspector";
}

std::optional<Role> parseRole(std::string_view code) {
  if (code == "inspector") return Role::kInspector;
  if (code == "reviewer") return Role::kReviewer;
  if (code == "admin") return Role::kAdmin;
  return std::nullopt;
}

bool InspectionPhotos::allComplete() const {
  return std::all_of(photos.begin(), photos.end(), [](const Photo& p) { return p.complete; });
}

}  // namespace anju::server
