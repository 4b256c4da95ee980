// PostgreSQL-only behaviour of the real server: several server processes on one database, and
// the database going away and coming back.
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "postgres_server.h"
#include "sync_fixture.h"

namespace anju::server::testing {
namespace {

using Outcome = v1::ChangeResult;

class PostgresCluster : public SyncServerTest {
 protected:
  /// A second server process on the same database and data dir.
  std::unique_ptr<ServerProcess> startSecondServer(const std::vector<std::string>& storage,
                                                   const std::string& logName) {
    auto second = std::make_unique<ServerProcess>(dataDir(), storage, logName);
    std::string error;
    EXPECT_TRUE(second->start(&error)) << error;
    return second;
  }
};

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> ids(const std::vector<v1::PulledChange>& changes) {
  std::vector<std::string> out;
  for (const v1::PulledChange& c : changes) out.push_back(c.record_id());
  return out;
}

TEST_P(PostgresCluster, TwoServersHandOutEveryPushedRecordExactlyOnceInOneOrder) {
  std::unique_ptr<ServerProcess> second = startSecondServer(storageArgs(), "server2.log");
  ASSERT_TRUE(second->running());
  ProtocolClient a(server().port()), b(second->port());
  // The token was issued by server A; B honours it because both read one database.
  std::string cursor;
  const std::size_t initial = b.pullAll(m_demoToken, &cursor).size();
  ASSERT_EQ(initial, ownBuildingCount());

  // Four tablets push small batches, two through each server, while a fifth pulls in tiny
  // pages from both servers in turn. With seq visible out of commit order, the puller's cursor
  // would move past a record that commits late, and that record would never arrive.
  constexpr int kPushers = 4, kBatches = 8, kPerBatch = 4;
  std::atomic<int> pushersLeft = kPushers;
  std::set<std::string> pushed;
  std::mutex pushedMutex;
  std::vector<std::thread> pushers;
  for (int t = 0; t < kPushers; ++t) {
    pushers.emplace_back([&, t] {
      ProtocolClient& via = t % 2 ? b : a;
      for (int batch = 0; batch < kBatches; ++batch) {
        std::vector<v1::Change> changes;
        std::vector<std::string> batchIds;
        for (int i = 0; i < kPerBatch; ++i) {
          const Inspection in =
              makeInspection(ownBuilding(static_cast<std::size_t>(i)).record_id());
          batchIds.push_back(in.id);
          changes.push_back(makeChange(in, 1000, 0));
        }
        const v1::PushResponse response = via.push(m_demoToken, makePush(changes));
        for (const v1::ChangeResult& r : response.results())
          EXPECT_EQ(r.outcome(), Outcome::APPLIED);
        std::lock_guard lock(pushedMutex);
        pushed.insert(batchIds.begin(), batchIds.end());
      }
      --pushersLeft;
    });
  }
  std::map<std::string, int> received;
  int round = 0;
  auto pullPage = [&] {
    const v1::PullResponse page = (round++ % 2 ? b : a).pull(m_demoToken, cursor, 3);
    for (const v1::PulledChange& c : page.changes()) ++received[c.record_id()];
    cursor = page.next_cursor();
    return page.has_more();
  };
  while (pushersLeft > 0) pullPage();
  for (std::thread& t : pushers) t.join();
  for (int i = 0; i < 1000 && pullPage(); ++i) {
  }

  ASSERT_EQ(pushed.size(), static_cast<std::size_t>(kPushers * kBatches * kPerBatch));
  for (const std::string& id : pushed) EXPECT_EQ(received[id], 1) << "inspection " << id;
  EXPECT_EQ(received.size(), pushed.size());

  // From scratch, both servers hand out the same records in the same (seq) order.
  const std::vector<std::string> viaA = ids(a.pullAll(m_demoToken));
  EXPECT_EQ(viaA.size(), initial + pushed.size());
  EXPECT_EQ(ids(b.pullAll(m_demoToken)), viaA);
  EXPECT_EQ(second->stop(), 0);
}

TEST_P(PostgresCluster, ConcurrentEditsOfOneRecordOnTwoServersConflictInsteadOfBothApplying) {
  std::unique_ptr<ServerProcess> second = startSecondServer(storageArgs(), "server2.log");
  ASSERT_TRUE(second->running());
  ProtocolClient a(server().port()), b(second->port());
  for (int round = 0; round < 6; ++round) {
    const Inspection in = makeInspection(ownBuilding().record_id());
    ASSERT_EQ(a.push(m_demoToken, makePush({makeChange(in, 1000, 0)})).results(0).outcome(),
              Outcome::APPLIED);
    // Two tablets edited version 1000 offline; they reach different servers at the same time.
    Inspection edit1 = in, edit2 = in;
    edit1.findings[0].note = "tablet 1";
    edit2.findings[0].note = "tablet 2";
    Outcome::Outcome first{}, secondOutcome{};
    std::thread t1([&] {
      first = a.push(m_demoToken, makePush({makeChange(edit1, 2000, 1000)})).results(0).outcome();
    });
    std::thread t2([&] {
      secondOutcome =
          b.push(m_demoToken, makePush({makeChange(edit2, 2001, 1000)})).results(0).outcome();
    });
    t1.join();
    t2.join();
    EXPECT_EQ(std::multiset<int>({first, secondOutcome}),
              std::multiset<int>({Outcome::APPLIED, Outcome::CONFLICT}))
        << "round " << round;
    const CliResult conflicts = runCli({"conflicts", in.id, "--data", dataDir()});
    EXPECT_NE(conflicts.out.find("1 conflict(s)"), std::string::npos) << conflicts.out;
  }
  EXPECT_EQ(second->stop(), 0);
}

// Restarts the shared cluster when a test that stopped it ends, however it ends.
struct RestartPostgresAtEnd {
  PostgresServer& postgres;
  ~RestartPostgresAtEnd() {
    std::string error;
    if (!postgres.running()) {
      EXPECT_TRUE(postgres.start(&error)) << error;
    }
  }
};

TEST_P(PostgresCluster, DatabaseDownIs503WithErrorAndServerRecoversWhenItIsBack) {
  PostgresServer* postgres = PostgresServer::shared(nullptr);
  ASSERT_NE(postgres, nullptr);
  // A password in the connection string (ignored under trust auth) must never reach the log.
  const std::string secret = "s3cret-never-logged";
  std::vector<std::string> storage = storageArgs();
  storage.back() += " password=" + secret;
  std::unique_ptr<ServerProcess> withPassword = startSecondServer(storage, "server2.log");
  ASSERT_TRUE(withPassword->running());
  ProtocolClient client2(withPassword->port());
  const std::size_t before = client2.pullAll(m_demoToken).size();
  ASSERT_EQ(before, ownBuildingCount());

  RestartPostgresAtEnd restart{*postgres};
  ASSERT_TRUE(postgres->stop());

  v1::PullRequest pull;
  const Reply pulled = client2.post("/v1/sync/pull", pull.SerializeAsString(), m_demoToken);
  EXPECT_EQ(pulled.status, 503);
  v1::Error error;
  ASSERT_TRUE(error.ParseFromString(pulled.body)) << pulled.body;
  EXPECT_EQ(error.code(), "unavailable");
  EXPECT_EQ(error.message_id(), "storage.database_unavailable");
  EXPECT_NE(error.message().find("数据库暂时不可用"), std::string::npos) << error.message();
  const Reply pushed =
      client2.post("/v1/sync/push",
                   makePush({makeChange(makeInspection(ownBuilding().record_id()), 1000, 0)})
                       .SerializeAsString(),
                   m_demoToken);
  EXPECT_EQ(pushed.status, 503);
  v1::LoginRequest login;
  login.set_username("demo");
  login.set_password("demo1234");
  EXPECT_EQ(client2.post("/v1/auth/login", login.SerializeAsString()).status, 503);
  EXPECT_EQ(client2.get("/healthz").status, 200);  // the process itself is fine

  std::string startError;
  ASSERT_TRUE(postgres->start(&startError)) << startError;
  // The pooled connections died with the old postmaster; the very first request heals the pool.
  EXPECT_EQ(client2.pullAll(m_demoToken).size(), before);
  EXPECT_EQ(client().pullAll(m_demoToken).size(), before);
  EXPECT_FALSE(client2.login("demo", "demo1234").empty());
  const Inspection in = makeInspection(ownBuilding().record_id());
  EXPECT_EQ(client2.push(m_demoToken, makePush({makeChange(in, 1000, 0)})).results(0).outcome(),
            Outcome::APPLIED);

  EXPECT_EQ(withPassword->stop(), 0);
  const std::string log = readFile(withPassword->logPath());
  EXPECT_NE(log.find("postgres"), std::string::npos) << log;
  EXPECT_EQ(log.find(secret), std::string::npos) << "the password leaked into the log";
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresCluster, ::testing::Values(Backend::kPostgres),
                         backendName);

}  // namespace
}  // namespace anju::server::testing
