// Pull cursors: opaque to clients, "c1.<epoch>.<seq>" to us. The epoch names the database the
// sequence number belongs to; a cursor from another epoch is not trusted (see PullService).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace anju::server {

struct Cursor {
  std::string epoch;
  std::int64_t seq = 0;
};

std::string encodeCursor(const Cursor& cursor);
/// nullopt for text that is not a cursor this server could have issued.
std::optional<Cursor> decodeCursor(const std::string& text);

}  // namespace anju::server
