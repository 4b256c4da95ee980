// A tablet reported lost (issue 12 §6e): the server answers its token with 401 token_revoked and
// the sync client wipes the tablet — records, outbox, search index, sync state, photo files —
// and returns the kDeviceRevokedId error the app shows. An ordinary 401 (expired token) wipes
// nothing.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "anju/uuid.h"
#include "sync_client_test_support.h"

namespace anju::testing {
namespace {

class SyncRevokedTest : public SyncClientTest {
 protected:
  void SetUp() override {
    SyncClientTest::SetUp();
    m_house = saveBuildings(2).front();
    PhotoRecord p;
    p.id = newUuid();
    p.capturedAt = kTestNow;
    p.buildingId = m_house.id;
    Result<PhotoRecord> saved = m_photos->importBytes(*m_store, std::string(4000, 'p'), p, "demo");
    ASSERT_TRUE(saved.isOk()) << saved.status().toString();
    m_photo = *saved;
    ASSERT_TRUE(m_photos->contains(m_photo.sha256));
  }

  void answerEveryRequestWith(int status, const std::string& code) {
    m_server.fault = [status, code](const HttpRequest& r) -> Result<HttpResponse> {
      if (r.target == "/v1/auth/login") return HttpResponse{};
      return errorResponse(status, code, "此设备的登录已被管理员撤销");
    };
  }

  std::int64_t houses() { return *m_store->countBuildings({}); }

  Building m_house;
  PhotoRecord m_photo;
};

TEST_F(SyncRevokedTest, ARevokedTokenWipesTheStoreAndThePhotos) {
  ASSERT_EQ(houses(), 2);
  ASSERT_GT(pending(), 0);
  answerEveryRequestWith(401, "token_revoked");

  Result<SyncReport> report = m_client->sync();
  ASSERT_FALSE(report.isOk());
  EXPECT_TRUE(isDeviceRevoked(report.status())) << report.status().toString();
  EXPECT_EQ(m_server.count("/v1/sync/push"), 1) << "refused at once, not retried";

  EXPECT_EQ(houses(), 0);
  EXPECT_EQ(pending(), 0);
  EXPECT_EQ(*m_store->pendingPhotoUploadCount(), 0);
  EXPECT_TRUE(m_store->searchBuildings("幸福路", 10)->empty());
  EXPECT_FALSE(m_store->building(m_house.id).isOk());
  EXPECT_EQ(syncState(kSyncAuthToken), "");
  EXPECT_EQ(syncState(kSyncAuthUser), "");
  EXPECT_EQ(m_client->session().status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(m_photos->contains(m_photo.sha256));
  EXPECT_TRUE(std::filesystem::is_empty(m_photos->folder()));
  // Why the tablet is empty stays for the status screen.
  EXPECT_NE(syncState(kSyncLastError).find("撤销"), std::string::npos);
  // The file holds none of the wiped text (VACUUM with secure_delete, WAL truncated).
  std::string file;
  for (const char* suffix : {"", "-wal"}) {
    std::ifstream in(m_dir.file("tablet.db") + suffix, std::ios::binary);
    file += std::string(std::istreambuf_iterator<char>(in), {});
  }
  EXPECT_EQ(file.find("幸福路"), std::string::npos);
  EXPECT_EQ(file.find(m_house.id), std::string::npos);

  // The store is still a working, empty store: the tablet can be signed in again if found.
  m_server.fault = nullptr;
  ASSERT_TRUE(m_client->login("demo", "demo1234").isOk());
  EXPECT_TRUE(m_client->sync().isOk());
  EXPECT_TRUE(m_store->putBuilding(makeBuilding("和平路1号"), "demo").isOk());
}

TEST_F(SyncRevokedTest, AnOrdinary401WipesNothing) {
  answerEveryRequestWith(401, "unauthenticated");
  Result<SyncReport> report = m_client->sync();
  ASSERT_FALSE(report.isOk());
  EXPECT_FALSE(isDeviceRevoked(report.status()));
  EXPECT_EQ(houses(), 2);
  EXPECT_GT(pending(), 0);
  EXPECT_TRUE(m_photos->contains(m_photo.sha256));
}

}  // namespace
}  // namespace anju::testing
