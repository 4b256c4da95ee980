// The SQLite driver under SqlStorage: what it must do so that SQL written once for both engines
// runs the same on SQLite — $N parameters bound by number, COLLATE "C" as byte order, a cached
// statement used twice at once, errors mapped as the services expect, rollback of a dropped
// transaction, and a database newer than this build refused. (The PostgreSQL driver runs the
// same SQL in every Backends/* test on PostgreSQL.)
#include "storage/sqlite_driver.h"

#include <gtest/gtest.h>

#include "server_process.h"
#include "storage/sql_records.h"
#include "storage/sql_schema.h"

namespace anju::server {
namespace {

class SqliteDriverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<SqliteDriver>> driver = SqliteDriver::open(m_dir.path() + "/t.db");
    ASSERT_TRUE(driver.isOk()) << driver.status().toString();
    m_driver = std::move(driver).value();
    ASSERT_TRUE(run("CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER NOT NULL)").isOk());
  }

  Status run(const std::string& sql, const SqlParams& params = {}) {
    return m_driver->withSession([&](SqlSession& s) { return s.run(sql, params); });
  }
  std::vector<std::string> texts(const std::string& sql, const SqlParams& params = {}) {
    std::vector<std::string> out;
    Status s = m_driver->withSession([&](SqlSession& session) {
      Result<std::vector<std::string>> rows =
          collectRows(session, sql, params, [](const SqlRows& r) { return r.text(0); });
      if (rows) out = *rows;
      return rows.status();
    });
    EXPECT_TRUE(s.isOk()) << s.toString();
    return out;
  }

  testing::TempDir m_dir;
  std::unique_ptr<SqliteDriver> m_driver;
};

TEST_F(SqliteDriverTest, ParametersAreBoundByTheirNumberNotTheirPlaceInTheText) {
  EXPECT_EQ(texts("SELECT $2 || $1 || $2", SqlParams().text("a").text("b")),
            std::vector<std::string>{"bab"});
}

TEST_F(SqliteDriverTest, CollateCIsByteOrder) {
  for (const char* id : {"b", "B", "a", "\xC3\xA9" /* é */, "aa"})
    ASSERT_TRUE(run("INSERT INTO t (id, n) VALUES ($1, 0)", SqlParams().text(id)).isOk());
  EXPECT_EQ(texts("SELECT id FROM t ORDER BY id COLLATE \"C\" DESC"),
            (std::vector<std::string>{"\xC3\xA9", "b", "aa", "a", "B"}));
}

TEST_F(SqliteDriverTest, OneStatementTextUsedTwiceAtOnceGivesTwoIndependentCursors) {
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(
        run("INSERT INTO t (id, n) VALUES ($1, $2)", SqlParams().text(std::to_string(i)).int64(i))
            .isOk());
  const std::string sql = "SELECT id FROM t WHERE n >= $1 ORDER BY id";
  std::vector<std::string> pairs;
  Status s = m_driver->withSession([&](SqlSession& session) -> Status {
    Result<std::unique_ptr<SqlRows>> outer = session.query(sql, SqlParams().int64(1));
    if (!outer) return outer.status();
    while (true) {
      Result<bool> row = (*outer)->next();
      if (!row) return row.status();
      if (!*row) return Status::ok();
      Result<std::vector<std::string>> inner = collectRows(
          session, sql, SqlParams().int64(2), [](const SqlRows& r) { return r.text(0); });
      if (!inner) return inner.status();
      for (const std::string& id : *inner) pairs.push_back((*outer)->text(0) + id);
    }
  });
  ASSERT_TRUE(s.isOk()) << s.toString();
  EXPECT_EQ(pairs, (std::vector<std::string>{"12", "22"}));
}

TEST_F(SqliteDriverTest, UniqueViolationIsAlreadyExistsAndChangesNothing) {
  ASSERT_TRUE(run("INSERT INTO t (id, n) VALUES ('x', 1)").isOk());
  const Status dup = run("INSERT INTO t (id, n) VALUES ('x', 2)");
  EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists) << dup.toString();
  EXPECT_EQ(texts("SELECT CAST(n AS TEXT) FROM t"), std::vector<std::string>{"1"});
}

TEST_F(SqliteDriverTest, WriteTransactionDroppedWithoutCommitLeavesNothing) {
  {
    Result<std::unique_ptr<SqlTransaction>> tx = m_driver->beginWrite();
    ASSERT_TRUE(tx.isOk());
    ASSERT_TRUE((*tx)->session().run("INSERT INTO t (id, n) VALUES ('gone', 1)").isOk());
  }
  EXPECT_TRUE(texts("SELECT id FROM t").empty());
  Result<std::unique_ptr<SqlTransaction>> tx = m_driver->beginWrite();
  ASSERT_TRUE(tx.isOk());
  Result<std::int64_t> n =
      (*tx)->session().returningInt64("INSERT INTO t (id, n) VALUES ('kept', 7) RETURNING n", {});
  ASSERT_TRUE(n.isOk()) << n.status().toString();
  EXPECT_EQ(*n, 7);
  ASSERT_TRUE((*tx)->commit().isOk());
  (*tx).reset();  // ends the transaction, so the read below may lock
  EXPECT_EQ(texts("SELECT id FROM t"), std::vector<std::string>{"kept"});
}

TEST_F(SqliteDriverTest, DatabaseNewerThanThisBuildIsRefusedUntouched) {
  ASSERT_TRUE(run("PRAGMA user_version = 999").isOk());
  const Status s = migrateSchema(*m_driver, {});
  EXPECT_EQ(s.code(), StatusCode::kCorruption) << s.toString();
  EXPECT_EQ(texts("SELECT name FROM sqlite_schema WHERE name = 'records'").size(), 0u);
}

TEST_F(SqliteDriverTest, MigrationCreatesTheSchemaOnceAndCallsTheRebuildHookOnce) {
  int rebuilds = 0;
  auto rebuild = [&](SqlSession&) {
    ++rebuilds;
    return Status::ok();
  };
  ASSERT_TRUE(migrateSchema(*m_driver, rebuild).isOk());
  ASSERT_TRUE(migrateSchema(*m_driver, rebuild).isOk());
  EXPECT_EQ(rebuilds, 1);
  EXPECT_EQ(texts("SELECT name FROM sqlite_schema WHERE name = 'house_register'"),
            std::vector<std::string>{"house_register"});
}

// The kind column is read through parseRecordKind: a code no Anju writes (a damaged or foreign
// database) is reported as corruption naming it, never handed on under a guessed kind.
TEST_F(SqliteDriverTest, AStoredRecordOfAnUnknownKindIsReportedAsCorruption) {
  ASSERT_TRUE(migrateSchema(*m_driver, {}).isOk());
  ASSERT_TRUE(run("INSERT INTO record_versions (seq, kind, record_id, version, source, "
                  "written_at, payload) VALUES (1, 'barn', 'x1', 1, 'test', 0, x'00')")
                  .isOk());
  ASSERT_TRUE(run("INSERT INTO records (kind, id, district, street, community, building_id, "
                  "inspection_id, sha256, version, seq, payload) "
                  "VALUES ('barn', 'x1', '', '', '', 'b1', '', '', 1, 1, x'00')")
                  .isOk());
  const Status s = m_driver->withSession(
      [](SqlSession& session) { return selectHouseRecords(session, "b1").status(); });
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_EQ(s.text().id, "storage.unknown_kind");
  EXPECT_NE(s.message().find("barn"), std::string::npos);
}

// The partial indexes name their kinds through the one mapping (record_kind.h); what runs is
// the DDL as it was released, so the planner matches the queries' kind conditions against it.
TEST_F(SqliteDriverTest, PartialIndexesNameTheirKindsAsReleased) {
  ASSERT_TRUE(migrateSchema(*m_driver, {}).isOk());
  EXPECT_EQ(texts("SELECT sql FROM sqlite_master WHERE name = 'records_by_inspection'"),
            std::vector<std::string>{
                "CREATE INDEX records_by_inspection ON records (inspection_id) WHERE kind = "
                "'photo'"});
  EXPECT_EQ(texts("SELECT sql FROM sqlite_master WHERE name = 'records_by_building'"),
            std::vector<std::string>{
                "CREATE INDEX records_by_building ON records (building_id) WHERE kind <> "
                "'building'"});
}

}  // namespace
}  // namespace anju::server
