// Unit tests of small server parts: cursors, region grants, config, and AuthService/PushService
// over a temporary SQLite database.
#include <gtest/gtest.h>

#include "anju/record_codec.h"
#include "anju/uuid.h"
#include "cli/server_config.h"
#include "server_process.h"
#include "service/auth_service.h"
#include "service/cursor.h"
#include "service/indexed_storage.h"
#include "service/push_service.h"
#include "storage/region_filter.h"
#include "util/utf8_text.h"

namespace anju::server {
namespace {

TEST(Utf8Text, KeepsValidTextAndReplacesEveryBadByte) {
  EXPECT_EQ(toValidUtf8("幸福路12号 ok"), "幸福路12号 ok");
  EXPECT_EQ(toValidUtf8("a\xFF"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(toValidUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  EXPECT_EQ(toValidUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(toValidUtf8("\xE5\xB9"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // cut off
  EXPECT_EQ(toValidUtf8("\xF0\x9F\x8F\xA0"), "\xF0\x9F\x8F\xA0");                  // 🏠
}

TEST(Utf8Text, CleanTextIsWellFormedUtf8WithoutNul) {
  EXPECT_TRUE(isCleanUtf8Text(""));
  EXPECT_TRUE(isCleanUtf8Text("幸福路12号 ok \xF0\x9F\x8F\xA0"));
  EXPECT_FALSE(isCleanUtf8Text("a\xFF"));
  EXPECT_FALSE(isCleanUtf8Text("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(isCleanUtf8Text("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(isCleanUtf8Text("\xE5\xB9"));      // cut off
  EXPECT_FALSE(isCleanUtf8Text(std::string_view("a\0b", 3)));
}

TEST(Cursor, RoundTripsAndRejectsForeignText) {
  const Cursor c{"0a1b2c", 42};
  const std::optional<Cursor> back = decodeCursor(encodeCursor(c));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->epoch, "0a1b2c");
  EXPECT_EQ(back->seq, 42);
  for (const char* bad :
       {"", "c1.", "c1.abc", "c1.abc.", "c1.abc.-1", "c1.xyz.1", "c2.ab.1", "c1.ab.12x"})
    EXPECT_FALSE(decodeCursor(bad).has_value()) << bad;
}

TEST(RegionGrant, DistrictStreetAndCommunityGrantsArePrefixes) {
  const RegionPath house{"临江区", "城南街道", "幸福社区"};
  EXPECT_TRUE(regionCovers({"临江区", "", ""}, house));
  EXPECT_TRUE(regionCovers({"临江区", "城南街道", ""}, house));
  EXPECT_TRUE(regionCovers({"临江区", "城南街道", "幸福社区"}, house));
  EXPECT_FALSE(regionCovers({"临江区", "城北街道", ""}, house));
  EXPECT_FALSE(regionCovers({"临江区", "城南街道", "和平社区"}, house));
  EXPECT_FALSE(regionCovers({"", "", ""}, house));
  EXPECT_FALSE(RegionFilter::only({}).allows(house));
  EXPECT_TRUE(RegionFilter::everything().allows(house));
}

TEST(RegionGrant, ParsesSlashSeparatedPaths) {
  EXPECT_EQ(parseRegion("临江区/城南街道"), (RegionPath{"临江区", "城南街道", ""}));
  EXPECT_FALSE(parseRegion("临江区//幸福社区").has_value());
  EXPECT_FALSE(parseRegion("a/b/c/d").has_value());
  EXPECT_FALSE(parseRegion("").has_value());
}

TEST(ServerConfigFile, UnknownKeyNamesTheLine) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/server.conf";
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("# comment\ndata_dir = /var/lib/anju\nport = 9000\nprot = 1\n", f);
  std::fclose(f);
  ServerConfig config;
  const Status s = loadConfigFile(path, config);
  ASSERT_FALSE(s.isOk());
  EXPECT_NE(s.message().find(":4:"), std::string::npos) << s.message();
  EXPECT_EQ(config.port, 9000);
  EXPECT_EQ(config.dataDir, "/var/lib/anju");
}

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto storage = openStorage(StorageBackend::kSqlite, m_dir.path(), {});
    ASSERT_TRUE(storage.isOk()) << storage.status().toString();
    m_storage = std::move(storage).value();
  }
  testing::TempDir m_dir;
  std::unique_ptr<IndexedStorage> m_storage;
  TimestampMs m_now = 1780272000000;
};

TEST_F(ServiceTest, ExpiredTokenIsUnauthenticated) {
  AuthService auth(*m_storage, std::chrono::hours(1), [this] { return m_now; });
  ASSERT_TRUE(auth.createUser("li", Role::kInspector, "password1", "").isOk());
  Result<LoginResult> login = auth.login("li", "password1", "tablet");
  ASSERT_TRUE(login.isOk()) << login.status().toString();
  EXPECT_TRUE(auth.authenticate(login->token).isOk());
  m_now += 3600 * 1000;
  EXPECT_EQ(auth.authenticate(login->token).status().code(), StatusCode::kUnauthenticated);
}

TEST_F(ServiceTest, PasswordsAreStoredAsArgon2idNotPlainText) {
  AuthService auth(*m_storage, std::chrono::hours(1));
  ASSERT_TRUE(auth.createUser("li", Role::kInspector, "password1", "").isOk());
  Result<User> user = m_storage->findUser("li");
  ASSERT_TRUE(user.isOk());
  EXPECT_EQ(user->passwordHash.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(auth.createUser("li", Role::kInspector, "password2", "").code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(auth.createUser("wang", Role::kInspector, "short", "").code(),
            StatusCode::kInvalidArgument);
}

TEST_F(ServiceTest, BuildingInTheSameBatchIsVisibleToLaterChanges) {
  User admin{"root", Role::kAdmin, "root", "", {}};
  HybridLogicalClock hlc;
  PushService push(*m_storage, hlc, [this] { return m_now; });
  Building b;
  b.id = newUuid();
  b.region = {"临江区", "城南街道", "幸福社区"};
  b.address = "幸福路2号";
  Inspection in;
  in.id = newUuid();
  in.buildingId = b.id;
  in.inspector = "root";
  in.startedAt = m_now;
  in.templateId = "self_built_house";
  in.templateVersion = 1;
  v1::PushRequest request;
  for (const AnyRecord& r : {AnyRecord(b), AnyRecord(in)}) {
    v1::Change* c = request.add_changes();
    c->set_change_id(newUuid());
    c->set_record_id(recordId(r));
    c->set_kind(std::string(recordKindCode(recordKind(r))));
    c->set_version(5);
    c->mutable_record()->ParseFromString(encodeRecord(r));
  }
  Result<v1::PushResponse> response = push.push(admin, request);
  ASSERT_TRUE(response.isOk()) << response.status().toString();
  EXPECT_EQ(response->results(0).outcome(), v1::ChangeResult::APPLIED);
  EXPECT_EQ(response->results(1).outcome(), v1::ChangeResult::APPLIED)
      << response->results(1).reason();
  Result<std::optional<StoredRecord>> stored =
      m_storage->findRecord(RecordKind::kInspection, in.id);
  ASSERT_TRUE(stored.isOk() && stored->has_value());
  EXPECT_EQ((*stored)->region.community, "幸福社区");
}

}  // namespace
}  // namespace anju::server
