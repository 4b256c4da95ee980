#include "anju/mbtiles.h"

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

}  // namespace

Result<std::unique_ptr<MbTilesReader>> MbTilesReader::open(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return Status::notFound(msg("map.basemap_not_found", {{"path", path}}));
  std::unique_ptr<MbTilesReader> reader(new MbTilesReader());
  sqlite::OpenOptions readOnly;
  readOnly.readOnly = true;
  Result<std::unique_ptr<sqlite::Database>> db = sqlite::Database::open(path, readOnly);
  if (!db)
    return Status::ioError(
        msg("map.basemap_cannot_open", {{"path", path}, {"detail", db.status().message()}}));
  reader->m_db = std::move(db).value();
  // The first real read tells a foreign file apart ("file is not a database").
  Result<sqlite::Statement> query = reader->m_db->prepare(
      "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3");
  if (!query)
    return Status::corruption(msg("map.basemap_not_mbtiles",
                                  {{"path", path}, {"detail", reader->m_db->lastErrorMessage()}}));
  reader->m_tileQuery = std::move(query).value();
  if (Status st = reader->loadMetadata(); !st) return st;
  return reader;
}

Status MbTilesReader::loadMetadata() {
  Result<sqlite::Statement> query = m_db->prepare("SELECT name, value FROM metadata");
  if (!query)
    return Status::corruption(
        msg("map.basemap_no_metadata", {{"detail", m_db->lastErrorMessage()}}));
  Result<bool> row = false;
  while ((row = query->step()) && *row) m_metadata.emplace_back(query->text(0), query->text(1));
  if (!row)
    return Status::ioError(
        msg("map.basemap_metadata_unreadable", {{"detail", m_db->lastErrorMessage()}}));
  m_minZoom = parseInt(metadata("minzoom"));
  m_maxZoom = parseInt(metadata("maxzoom"));
  if (m_minZoom && m_maxZoom) return Status::ok();
  // Optional in the spec: fall back to what the tiles table holds.
  Result<sqlite::Statement> range =
      m_db->prepare("SELECT min(zoom_level), max(zoom_level) FROM tiles");
  if (!range)
    return Status::corruption(msg("map.basemap_no_tiles", {{"detail", m_db->lastErrorMessage()}}));
  if (Result<bool> r = range->step(); r && *r && !range->isNull(0)) {
    if (!m_minZoom) m_minZoom = static_cast<int>(range->integer(0));
    if (!m_maxZoom) m_maxZoom = static_cast<int>(range->integer(1));
  }
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
  m_tileQuery.reset();  // also releases the read snapshot of the previous tile
  m_tileQuery.bindInt(1, zoom).bindInt(2, x).bindInt(3, tmsRow);
  Result<bool> row = m_tileQuery.step();
  if (!row)
    return Status::ioError(
        msg("map.basemap_tile_unreadable", {{"detail", m_db->lastErrorMessage()}}));
  std::optional<std::string> out;
  if (*row) out = m_tileQuery.blob(0);
  m_tileQuery.reset();
  return out;
}

}  // namespace anju::map
