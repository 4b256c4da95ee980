#include "service/cursor.h"

#include <charconv>

namespace anju::server {

std::string encodeCursor(const Cursor& cursor) {
  return "c1." + cursor.epoch + "." + std::to_string(cursor.seq);
}

std::optional<Cursor> decodeCursor(const std::string& text) {
  if (text.rfind("c1.", 0) != 0) return std::nullopt;
  const std::size_t dot = text.find('.', 3);
  if (dot == std::string::npos || dot == 3) return std::nullopt;
  Cursor c;
  c.epoch = text.substr(3, dot - 3);
  for (char ch : c.epoch)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return std::nullopt;
  const char* first = text.data() + dot + 1;
  const char* last = text.data() + text.size();
  auto [end, ec] = std::from_chars(first, last, c.seq);
  if (ec != std::errc() || end != last || first == last || c.seq < 0) return std::nullopt;
  return c;
}

}  // namespace anju::server
