// PostgreSQL running out of disk (SQLSTATE 53100 disk_full) answers a push like SQLite's
// SQLITE_FULL (issue 12 §6c): HTTP 507 with anju.v1.Error "storage_full", nothing of the batch
// stored, and the same batch goes through once there is room again.
//
// Filling a real tablespace needs a small mounted file system (root). Instead the database
// itself raises the error: a trigger on record_versions fails every insert with ERRCODE
// 'disk_full', exactly the SQLSTATE PostgreSQL reports when it cannot extend a file. The server
// under test is untouched and sees the failure through libpq as it would on a full disk. The
// same holds for photo chunks, which are stored in the database too.
#include "anju/sha256.h"
#include "postgres_server.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

class PostgresDiskFull : public SyncServerTest {
 protected:
  std::string exec(const std::string& sql) { return execSql(conninfo(), sql); }
};

TEST_P(PostgresDiskFull, ADiskFullErrorAnswers507AndNothingIsStored) {
  ASSERT_EQ(exec("CREATE FUNCTION anju_test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ "
                 "BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' "
                 "USING ERRCODE = 'disk_full'; END $$; "
                 "CREATE TRIGGER anju_test_disk_full BEFORE INSERT ON record_versions "
                 "FOR EACH ROW EXECUTE FUNCTION anju_test_disk_full()"),
            "");
  const Inspection in = makeInspection(ownBuilding().record_id());
  const v1::PushRequest batch = makePush({makeChange(in, 1000, 0)});
  const Reply full = client().post("/v1/sync/push", batch.SerializeAsString(), m_demoToken);
  EXPECT_EQ(full.status, 507) << full.body;
  v1::Error error;
  ASSERT_TRUE(error.ParseFromString(full.body));
  EXPECT_EQ(error.code(), "storage_full");
  EXPECT_EQ(error.message().find("No space"), std::string::npos);  // the detail stays in the log
  EXPECT_EQ(client().get("/v1/records/inspection/" + in.id, m_demoToken).status, 404);

  ASSERT_EQ(exec("DROP TRIGGER anju_test_disk_full ON record_versions"), "");
  const v1::PushResponse again = client().push(m_demoToken, batch);
  ASSERT_EQ(again.results_size(), 1);
  EXPECT_EQ(again.results(0).outcome(), v1::ChangeResult::APPLIED) << again.results(0).reason();
}

// Photos are in the database on PostgreSQL: a chunk that does not fit answers 507 and keeps
// nothing (the upload's offset does not move), and the same chunk goes through later.
TEST_P(PostgresDiskFull, APhotoChunkOnAFullDiskIs507AndTheUploadResumesAfter) {
  const std::string bytes = patternBytes(400000, 'f');
  const std::string sha = sha256Hex(bytes);
  ASSERT_EQ(client()
                .put(photoUploadPath(sha, 0, bytes.size()), bytes.substr(0, 100000), m_demoToken)
                .status,
            200);
  ASSERT_EQ(exec("CREATE FUNCTION anju_test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ "
                 "BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' "
                 "USING ERRCODE = 'disk_full'; END $$; "
                 "CREATE TRIGGER anju_test_disk_full BEFORE INSERT ON blob_pieces "
                 "FOR EACH ROW EXECUTE FUNCTION anju_test_disk_full()"),
            "");
  const Reply full =
      client().put(photoUploadPath(sha, 100000, bytes.size()), bytes.substr(100000), m_demoToken);
  EXPECT_EQ(full.status, 507) << full.body;
  v1::Error error;
  ASSERT_TRUE(error.ParseFromString(full.body));
  EXPECT_EQ(error.code(), "storage_full");
  EXPECT_EQ(parsePhotoStatus(client().get("/v1/photos/" + sha, m_demoToken)).received_bytes(),
            100000);

  ASSERT_EQ(exec("DROP TRIGGER anju_test_disk_full ON blob_pieces"), "");
  const Reply rest =
      client().put(photoUploadPath(sha, 100000, bytes.size()), bytes.substr(100000), m_demoToken);
  ASSERT_EQ(rest.status, 200) << rest.body;
  EXPECT_TRUE(parsePhotoStatus(rest).complete());
  EXPECT_EQ(databaseBlobSha256(conninfo(), sha), sha);
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresDiskFull, ::testing::Values(Backend::kPostgres),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
