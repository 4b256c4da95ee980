// The review console's static files (sync-server/console/: HTML, JS, CSS), compiled into the
// binary so one anju-server file serves everything (console_assets.cpp is generated at build
// time by sync-server/embed_console.cmake).
#pragma once

#include <string_view>

namespace anju::server {

struct ConsoleAsset {
  std::string_view name;  // path below /console/, e.g. "app.js"
  std::string_view contentType;
  std::string_view bytes;
};

/// nullptr when there is no such file.
const ConsoleAsset* findConsoleAsset(std::string_view name);

}  // namespace anju::server
