// Opens the configured storage backend. Today: SQLite in <data dir>/anju.db. A PostgreSQL
// backend plugs in here (selected by configuration) without touching the services.
#pragma once

#include <memory>
#include <string>

#include "storage/server_storage.h"

namespace anju::server {

Result<std::unique_ptr<ServerStorage>> openStorage(const std::string& dataDir);

}  // namespace anju::server
