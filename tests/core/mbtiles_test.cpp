// MbTilesReader: a small MBTiles file built here with SQLite, read back with XYZ numbering.
#include "anju/mbtiles.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "store_test_support.h"

namespace anju::map {
namespace {

using testing::TempDir;

void exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << error;
}

// Tiles are stored TMS-style: row 0 at the south. `row` here is that stored row.
void putTile(sqlite3* db, int zoom, int column, int row, const std::string& bytes) {
  sqlite3_stmt* insert = nullptr;
  ASSERT_EQ(
      sqlite3_prepare_v2(db, "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)", -1, &insert, nullptr),
      SQLITE_OK);
  sqlite3_bind_int(insert, 1, zoom);
  sqlite3_bind_int(insert, 2, column);
  sqlite3_bind_int(insert, 3, row);
  sqlite3_bind_blob(insert, 4, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  EXPECT_EQ(sqlite3_step(insert), SQLITE_DONE);
  sqlite3_finalize(insert);
}

std::string makeMbTiles(const TempDir& dir, bool withZoomMetadata) {
  const std::string path = dir.file("district.mbtiles");
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  exec(db,
       "CREATE TABLE metadata (name TEXT, value TEXT);"
       "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
       "tile_data BLOB);"
       "INSERT INTO metadata VALUES ('name', '城关区底图'), ('format', 'png');");
  if (withZoomMetadata)
    exec(db, "INSERT INTO metadata VALUES ('minzoom', '14'), ('maxzoom', '15');");
  // Zoom 15 has 32768 rows: XYZ row 13456 is TMS row 32767 - 13456 = 19311.
  putTile(db, 15, 26787, 19311, std::string("PNG\0tile-a", 10));
  putTile(db, 14, 13393, 9655, "tile-b");
  sqlite3_close(db);
  return path;
}

TEST(MbTiles, ReadsTilesInXyzNumberingAndTheMetadata) {
  TempDir dir;
  auto reader = MbTilesReader::open(makeMbTiles(dir, true));
  ASSERT_TRUE(reader.isOk()) << reader.status().toString();
  MbTilesReader& r = **reader;
  EXPECT_EQ(r.metadata("name"), "城关区底图");
  EXPECT_EQ(r.format(), "png");
  EXPECT_EQ(r.minZoom(), 14);
  EXPECT_EQ(r.maxZoom(), 15);
  auto a = r.tile(15, 26787, 13456);
  ASSERT_TRUE(a.isOk());
  ASSERT_TRUE(a->has_value());
  EXPECT_EQ(**a, std::string("PNG\0tile-a", 10));  // binary-safe
  auto b = r.tile(14, 13393, 16383 - 9655);
  ASSERT_TRUE(b.isOk() && b->has_value());
  EXPECT_EQ(**b, "tile-b");
}

TEST(MbTiles, MissingTilesAndOutOfRangeRequestsAreEmptyNotErrors) {
  TempDir dir;
  auto reader = MbTilesReader::open(makeMbTiles(dir, true));
  ASSERT_TRUE(reader.isOk());
  for (auto [z, x, y] :
       {std::tuple{15, 26787, 19311},  // the TMS row asked as XYZ: absent
        std::tuple{15, 0, 0}, std::tuple{3, 9, 0}, std::tuple{-1, 0, 0}, std::tuple{15, -1, 5}}) {
    auto t = (*reader)->tile(z, x, y);
    ASSERT_TRUE(t.isOk()) << z << "/" << x << "/" << y;
    EXPECT_FALSE(t->has_value()) << z << "/" << x << "/" << y;
  }
}

TEST(MbTiles, ZoomRangeFallsBackToTheTilesTable) {
  TempDir dir;
  auto reader = MbTilesReader::open(makeMbTiles(dir, false));
  ASSERT_TRUE(reader.isOk());
  EXPECT_EQ((*reader)->minZoom(), 14);
  EXPECT_EQ((*reader)->maxZoom(), 15);
}

TEST(MbTiles, MissingForeignAndNonMbTilesFilesAreClearErrors) {
  TempDir dir;
  auto missing = MbTilesReader::open(dir.file("nope.mbtiles"));
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("底图"), std::string::npos);

  const std::string text = dir.file("notes.mbtiles");
  std::ofstream(text) << "this is not a database, just some text that is long enough";
  EXPECT_EQ(MbTilesReader::open(text).status().code(), StatusCode::kCorruption);

  const std::string other = dir.file("other.sqlite");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
  exec(db, "CREATE TABLE t (x)");
  sqlite3_close(db);
  EXPECT_EQ(MbTilesReader::open(other).status().code(), StatusCode::kCorruption);
  // Opening read-only created nothing and changed nothing.
  EXPECT_FALSE(std::filesystem::exists(dir.file("nope.mbtiles")));
}

}  // namespace
}  // namespace anju::map
