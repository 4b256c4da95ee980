// Shared fixtures of the store tests: a temporary directory, sample records that pass
// validation, and direct SQL access to check what is (and is not) on disk.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "anju/store.h"
#include "anju/uuid.h"

namespace anju::testing {

/// 2026-06-01 00:00 UTC: a fixed "now" so years and times in tests do not drift.
inline constexpr TimestampMs kTestNow = 1780272000000;

/// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() /
             ("anju_store_test_" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  std::string file(const std::string& name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

/// A wall clock tests can move (also backwards).
struct FakeClock {
  std::shared_ptr<std::atomic<TimestampMs>> now =
      std::make_shared<std::atomic<TimestampMs>>(kTestNow);
  HybridLogicalClock::WallClock function() const {
    auto shared = now;
    return [shared] { return shared->load(); };
  }
};

inline StoreOptions testOptions(const FakeClock& clock = {}) {
  StoreOptions options;
  options.deviceId = "tablet-07";
  options.wallClock = clock.function();
  return options;
}

inline std::unique_ptr<Store> openStore(const std::string& path,
                                        StoreOptions options = testOptions()) {
  Result<std::unique_ptr<Store>> store = Store::open(path, std::move(options));
  EXPECT_TRUE(store.isOk()) << store.status().toString();
  return store.isOk() ? std::move(*store) : nullptr;
}

inline Building makeBuilding(const std::string& address,
                             RegionPath region = {"城关区", "幸福街道", "和平社区"}) {
  Building b;
  b.id = newUuid();
  b.region = std::move(region);
  b.address = address;
  b.ownerName = "张三";
  b.ownerContact = "13800000000";
  b.yearBuilt = 1998;
  b.storeysAbove = 2;
  b.structure = StructureType::kBrickConcrete;
  return b;
}

inline Inspection makeInspection(const Uuid& buildingId, TimestampMs startedAt = kTestNow) {
  Inspection in;
  in.id = newUuid();
  in.buildingId = buildingId;
  in.inspector = "li.si";
  in.startedAt = startedAt;
  in.templateId = "self_built_house";
  in.templateVersion = 1;
  in.answers = {{"wall_cracks", true}, {"wall_crack_width", 1.2}};
  in.findings.push_back({newUuid(),
                         Component::kLoadBearingWall,
                         HazardKind::kWallCrack,
                         "一层北侧承重墙",
                         {{"width", 1.2, "mm"}},
                         Severity::kSerious,
                         "斜裂缝",
                         {}});
  in.computedJudgment = PreliminaryJudgment::kSerious;
  in.judgmentExplanation = "墙体裂缝 1.2 mm > 1.0 mm";
  return in;
}

inline PhotoRecord makePhoto(const Uuid& buildingId, const Uuid& inspectionId,
                             TimestampMs capturedAt = kTestNow) {
  PhotoRecord p;
  p.id = newUuid();
  p.sha256 = std::string(64, 'a');
  p.byteSize = 345678;
  p.capturedAt = capturedAt;
  p.buildingId = buildingId;
  p.inspectionId = inspectionId;
  p.caption = "北墙裂缝";
  return p;
}

inline Rectification makeRectification(const Uuid& buildingId) {
  Rectification r;
  r.id = newUuid();
  r.buildingId = buildingId;
  r.family = MeasureFamily::kEngineering;
  r.measure = "repair_strengthen";
  r.deadline = "2026-09-30";
  r.responsibleParty = "产权人";
  return r;
}

/// Direct SQL on the database file, through a second connection (WAL lets it read while the
/// store is open).
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    EXPECT_EQ(sqlite3_open(path.c_str(), &m_db), SQLITE_OK);
  }
  ~RawDb() { sqlite3_close(m_db); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  std::int64_t count(const std::string& table) { return integer("SELECT count(*) FROM " + table); }
  std::int64_t integer(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
        << sqlite3_errmsg(m_db);
    std::int64_t value = -1;
    if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
  }
  std::string text(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
        << sqlite3_errmsg(m_db);
    std::string value;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
      value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return value;
  }
  void exec(const std::string& sql) {
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
  }
  sqlite3* handle() const { return m_db; }

 private:
  sqlite3* m_db = nullptr;
};

}  // namespace anju::testing
