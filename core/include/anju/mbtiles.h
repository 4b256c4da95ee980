// MbTilesReader: raster basemap tiles from an MBTiles file (https://github.com/mapbox/mbtiles-spec,
// version 1.3) that the housing bureau hands out for offline use. An MBTiles file is an SQLite
// database with a `metadata` (name, value) table and a `tiles` (zoom_level, tile_column, tile_row,
// tile_data) table or view; rows are numbered TMS-style (row 0 at the south), which tile() hides:
// callers ask with slippy-map (XYZ) numbering, y = 0 at the north, as map_geometry.h uses.
//
// The file is opened read-only and never modified. The reader returns the encoded bytes (PNG or
// JPEG, see format()); decoding is the caller's job (the app uses QImage). Not thread-safe: one
// reader per thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "anju/sqlite_database.h"
#include "anju/status.h"

namespace anju::map {

class MbTilesReader {
 public:
  /// Opens `path` read-only and checks that it has the two MBTiles tables. A missing file, a file
  /// that is not SQLite, or an SQLite file without them gives a clear error (kNotFound,
  /// kCorruption); nothing is created.
  static Result<std::unique_ptr<MbTilesReader>> open(const std::string& path);
  ~MbTilesReader() = default;
  MbTilesReader(const MbTilesReader&) = delete;
  MbTilesReader& operator=(const MbTilesReader&) = delete;

  /// The encoded image of tile (zoom, x, y) in XYZ numbering, or nullopt when the file has no such
  /// tile (outside the area or the zoom range the bureau exported). Errors are I/O errors only.
  Result<std::optional<std::string>> tile(int zoom, int x, int y);

  /// A metadata value ("" when absent): name, format (png/jpg/webp), minzoom, maxzoom, bounds,
  /// center, attribution.
  const std::string& metadata(const std::string& key) const;
  std::string format() const { return metadata("format"); }
  /// From metadata, else from the tiles table; both nullopt for a file without tiles.
  std::optional<int> minZoom() const { return m_minZoom; }
  std::optional<int> maxZoom() const { return m_maxZoom; }

 private:
  MbTilesReader() = default;
  Status loadMetadata();

  std::unique_ptr<sqlite::Database> m_db;
  sqlite::Statement m_tileQuery;  // declared after m_db: finalized before the connection closes
  std::vector<std::pair<std::string, std::string>> m_metadata;
  std::optional<int> m_minZoom;
  std::optional<int> m_maxZoom;
};

}  // namespace anju::map
