// Server log lines on stderr: "2026-05-01T08:00:00.123Z INFO message". One line per call,
// whole lines even from many threads. Thread-safe.
#pragma once

#include <string_view>

namespace anju::server {

void logInfo(std::string_view message);
void logWarn(std::string_view message);
void logError(std::string_view message);

}  // namespace anju::server
