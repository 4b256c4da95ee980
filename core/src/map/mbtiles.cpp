#include "anju/mbtiles.h"

#include <sqlite3.h>

#include <charconv>
#include <filesystem>
#include <vector>

#include "anju/message.h"

namespace anju::map {
namespace {

std::optional<int> parseInt(const std::string& text) {
  int value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::string sqliteMessage(sqlite3* db) { return db ? sqlite3_errmsg(db) : "out of memory"; }

}  // namespace

Result<std::unique_ptr<MbTilesReader>> MbTilesReader::open(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return Status::notFound(msg("map.basemap_not_found", {{"path", path}}));
  std::unique_ptr<MbTilesReader> reader(new MbTilesReader());
  const int rc = sqlite3_open_v2(path.c_str(), &reader->m_db, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK)
    return Status::ioError(
        msg("map.basemap_cannot_open", {{"path", path}, {"detail", sqliteMessage(reader->m_db)}}));
  // The first real read tells a foreign file apart ("file is not a database").
  const char* sql =
      "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3";
  if (sqlite3_prepare_v2(reader->m_db, sql, -1, &reader->m_tileQuery, nullptr) != SQLITE_OK)
    return Status::corruption(
        msg("map.basemap_not_mbtiles", {{"path", path}, {"detail", sqliteMessage(reader->m_db)}}));
  if (Status st = reader->loadMetadata(); !st) return st;
  return reader;
}

MbTilesReader::~MbTilesReader() {
  sqlite3_finalize(m_tileQuery);
  sqlite3_close(m_db);
}

Status MbTilesReader::loadMetadata() {
  sqlite3_stmt* query = nullptr;
  if (sqlite3_prepare_v2(m_db, "SELECT name, value FROM metadata", -1, &query, nullptr) !=
      SQLITE_OK) {
    const std::string why = sqliteMessage(m_db);
    sqlite3_finalize(query);
    return Status::corruption(msg("map.basemap_no_metadata", {{"detail", why}}));
  }
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(query)) == SQLITE_ROW) {
    auto column = [&](int i) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(query, i));
      return std::string(text ? text : "");
    };
    m_metadata.emplace_back(column(0), column(1));
  }
  sqlite3_finalize(query);
  if (rc != SQLITE_DONE)
    return Status::ioError(
        msg("map.basemap_metadata_unreadable", {{"detail", sqliteMessage(m_db)}}));
  m_minZoom = parseInt(metadata("minzoom"));
  m_maxZoom = parseInt(metadata("maxzoom"));
  if (m_minZoom && m_maxZoom) return Status::ok();
  // Optional in the spec: fall back to what the tiles table holds.
  if (sqlite3_prepare_v2(m_db, "SELECT min(zoom_level), max(zoom_level) FROM tiles", -1, &query,
                         nullptr) != SQLITE_OK) {
    sqlite3_finalize(query);
    return Status::corruption(msg("map.basemap_no_tiles", {{"detail", sqliteMessage(m_db)}}));
  }
  if (sqlite3_step(query) == SQLITE_ROW && sqlite3_column_type(query, 0) != SQLITE_NULL) {
    if (!m_minZoom) m_minZoom = sqlite3_column_int(query, 0);
    if (!m_maxZoom) m_maxZoom = sqlite3_column_int(query, 1);
  }
  sqlite3_finalize(query);
  return Status::ok();
}

const std::string& MbTilesReader::metadata(const std::string& key) const {
  static const std::string kEmpty;
  for (const auto& [name, value] : m_metadata)
    if (name == key) return value;
  return kEmpty;
}

Result<std::optional<std::string>> MbTilesReader::tile(int zoom, int x, int y) {
  if (zoom < 0 || zoom > 30) return std::optional<std::string>();
  const std::int64_t count = std::int64_t{1} << zoom;
  if (x < 0 || y < 0 || x >= count || y >= count) return std::optional<std::string>();
  const std::int64_t tmsRow = count - 1 - y;  // MBTiles rows count from the south
  sqlite3_reset(m_tileQuery);
  sqlite3_bind_int(m_tileQuery, 1, zoom);
  sqlite3_bind_int64(m_tileQuery, 2, x);
  sqlite3_bind_int64(m_tileQuery, 3, tmsRow);
  const int rc = sqlite3_step(m_tileQuery);
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  if (rc != SQLITE_ROW)
    return Status::ioError(msg("map.basemap_tile_unreadable", {{"detail", sqliteMessage(m_db)}}));
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(m_tileQuery, 0));
  const int size = sqlite3_column_bytes(m_tileQuery, 0);
  std::optional<std::string> out(std::in_place, bytes ? bytes : "", bytes ? size : 0);
  sqlite3_reset(m_tileQuery);  // release the read snapshot
  return out;
}

}  // namespace anju::map
