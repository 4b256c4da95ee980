// The tablet process killed with SIGKILL, 20 times at random points, while it writes records and
// while it syncs. What the process reported as committed must survive every kill, the store must
// pass SQLite's integrity check, and a final sync must bring tablet and server to the same state.
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <sstream>
#include <thread>

#include "anju/photo_library.h"
#include "anju/sha256.h"
#include "fault_support.h"
#include "test_tablet.h"

extern char** environ;

namespace anju::server::testing {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kRounds = 20;

// What the killed process printed: a line is only printed after its transaction committed.
struct Promised {
  std::map<std::string, std::uint64_t> inspections;  // id -> highest version printed
  std::map<std::string, std::string> photos;         // id -> sha256
  int syncsStarted = 0;
  int syncsFinished = 0;
};

class ClientKill : public SyncServerTest {
 protected:
  void SetUp() override {
    SyncServerTest::SetUp();
    if (HasFatalFailure()) return;
    m_db = dataDir() + "/tablet.db";
    TestTablet tablet(dataDir(), "tablet", server().port());
    tablet.signInAndSync();
    // The writer reads where to sync from the store, as the headless tablet does.
    ASSERT_TRUE(
        tablet.store()
            .setSyncState("server_url", "http://127.0.0.1:" + std::to_string(server().port()))
            .isOk());
  }

  // Starts the writer, lets it run until `killAt` after `trigger` (a line prefix; "" = start),
  // kills it with SIGKILL and collects every line it printed.
  void runAndKill(const std::vector<std::string>& extraArgs, const std::string& trigger,
                  std::chrono::milliseconds killAt, Promised& promised) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<std::string> args = {ANJU_FAULT_WRITER_BINARY, "--db", m_db, "--device", "tablet"};
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    ASSERT_EQ(rc, 0) << "cannot start " << argv[0];

    std::string output;
    const auto readSome = [&](int timeoutMs) {
      pollfd p{fds[0], POLLIN, 0};
      if (poll(&p, 1, timeoutMs) <= 0) return false;
      char buffer[4096];
      const ssize_t n = read(fds[0], buffer, sizeof buffer);
      if (n <= 0) return false;
      output.append(buffer, static_cast<std::size_t>(n));
      return true;
    };
    const auto giveUp = Clock::now() + std::chrono::seconds(30);
    bool triggered = trigger.empty();
    while (!triggered && Clock::now() < giveUp) {
      readSome(20);
      triggered = output.find(trigger) != std::string::npos;
    }
    EXPECT_TRUE(triggered) << "the writer never printed '" << trigger << "'; it printed:\n"
                           << output;
    const auto killTime = Clock::now() + killAt;
    while (Clock::now() < killTime) readSome(5);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    while (readSome(100)) {
    }
    close(fds[0]);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "the writer ended on its own (status " << status << "); it printed:\n"
        << output;

    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
      if (lines.eof()) break;  // a line without its newline was never fully printed
      std::istringstream words(line);
      std::string what, id, value;
      words >> what >> id >> value;
      if (what == "inspection") {
        std::uint64_t& v = promised.inspections[id];
        v = std::max<std::uint64_t>(v, std::stoull(value));
      } else if (what == "photo") {
        promised.photos[id] = value;
      } else if (what == "sync-start") {
        ++promised.syncsStarted;
      } else if (what == "sync-end") {
        ++promised.syncsFinished;
      }
    }
  }

  // Everything promised is in the store, intact; then one sync makes the server hold the same.
  void expectPromisesKeptAndConverge(const Promised& promised) {
    EXPECT_EQ(sqliteIntegrity(m_db), "ok");
    TestTablet tablet(dataDir(), "tablet", server().port());
    for (const auto& [id, version] : promised.inspections) {
      Result<RecordVersions> v = tablet.store().versionsOf(RecordKind::kInspection, id);
      ASSERT_TRUE(v.isOk()) << "committed inspection " << id << " lost: " << v.status().toString();
      EXPECT_GE(v->version, version) << id;
    }
    for (const auto& [id, sha] : promised.photos) {
      Result<PhotoRecord> p = tablet.store().photo(id);
      ASSERT_TRUE(p.isOk()) << "committed photo " << id << " lost: " << p.status().toString();
      EXPECT_EQ(p->sha256, sha);
      Result<std::string> onDisk = sha256OfFile(tablet.photos().pathOf(sha));
      ASSERT_TRUE(onDisk.isOk()) << "photo bytes of " << id << " lost";
      EXPECT_EQ(*onDisk, sha);
    }

    tablet.syncOk();
    EXPECT_EQ(*tablet.store().pendingOutboxCount(), 0);
    EXPECT_EQ(*tablet.store().pendingPhotoUploadCount(), 0);
    EXPECT_TRUE(tablet.store().rejectedOutbox()->empty());
    const Result<std::vector<ConflictEntry>> conflicts = tablet.store().openConflicts();
    for (const ConflictEntry& c : *conflicts)
      ADD_FAILURE() << "conflict " << recordKindCode(c.kind) << " " << c.recordId << " ("
                    << c.origin << "): version " << c.losingVersion << " kept beside "
                    << c.winningVersion;
    const auto copies = serverCopies(client(), m_demoToken);
    for (const auto& [id, version] : promised.inspections) {
      const auto it = copies.find("inspection/" + id);
      ASSERT_NE(it, copies.end()) << "inspection " << id << " never reached the server";
      ASSERT_EQ(it->second.size(), 1u) << "inspection " << id << " is on the server twice";
      EXPECT_EQ(it->second.front(), tablet.store().versionsOf(RecordKind::kInspection, id)->version)
          << id;
    }
    for (const auto& [id, sha] : promised.photos) {
      const auto it = copies.find("photo/" + id);
      ASSERT_NE(it, copies.end()) << "photo " << id << " never reached the server";
      EXPECT_EQ(it->second.size(), 1u);
      EXPECT_EQ(serverBlobHash(dataDir(), sha), sha) << "photo bytes of " << id;
    }
  }

  std::string m_db;
};

TEST_P(ClientKill, KilledDuringLocalWritesKeepsEveryCommittedRecord) {
  std::mt19937 rng(faultSeed("ClientKill.KilledDuringLocalWrites"));
  Promised promised;
  for (int round = 0; round < kRounds && !HasFatalFailure(); ++round) {
    const auto killAt = std::chrono::milliseconds(rng() % 400);
    runAndKill({"--seed", std::to_string(rng())}, "inspection", killAt, promised);
  }
  std::printf("[fault] %zu inspections, %zu photos promised over %d kills\n",
              promised.inspections.size(), promised.photos.size(), kRounds);
  EXPECT_GT(promised.inspections.size(), static_cast<std::size_t>(kRounds));
  expectPromisesKeptAndConverge(promised);
}

TEST_P(ClientKill, KilledDuringSyncKeepsEveryCommittedRecordAndConverges) {
  std::mt19937 rng(faultSeed("ClientKill.KilledDuringSync"));
  Promised promised;
  for (int round = 0; round < kRounds && !HasFatalFailure(); ++round) {
    // Kill somewhere inside a sync: it starts after a few writes and takes a few hundred ms.
    const auto killAt = std::chrono::milliseconds(rng() % 300);
    runAndKill({"--sync-every", "4", "--seed", std::to_string(rng())}, "sync-start", killAt,
               promised);
  }
  std::printf("[fault] %zu inspections, %zu photos promised; %d syncs started, %d finished\n",
              promised.inspections.size(), promised.photos.size(), promised.syncsStarted,
              promised.syncsFinished);
  EXPECT_LT(promised.syncsFinished, promised.syncsStarted) << "no kill landed inside a sync";
  expectPromisesKeptAndConverge(promised);
}

INSTANTIATE_TEST_SUITE_P(Backends, ClientKill, ::testing::Values(Backend::kSqlite), backendName);

}  // namespace
}  // namespace anju::server::testing
