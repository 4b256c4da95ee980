// The server's disk fills up. Its data folder is a small tmpfs (mounted by the test; CI runs as
// root) filled to the last byte. A tablet that syncs then gets a clear answer — HTTP 507 with an
// anju.v1.Error "storage_full" — nothing half-stored, and once space is freed the next sync
// stores everything exactly once. Without the right to mount (not root) the test is skipped and
// says why; docs/fault-testing.md explains.
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "anju/v1/sync.pb.h"
#include "fault_support.h"
#include "test_tablet.h"

namespace anju::server::testing {
namespace {

namespace fs = std::filesystem;

class DiskFull : public ::testing::Test {
 protected:
  void SetUp() override {
    m_mount = m_dir.path() + "/data";
    ASSERT_EQ(mkdir(m_mount.c_str(), 0755), 0);
    // 16 MiB: the demo district (~2 MiB) and a few photos, nothing more.
    if (mount("tmpfs", m_mount.c_str(), "tmpfs", 0, "size=16m,mode=0755") != 0) {
      GTEST_SKIP() << "cannot mount a tmpfs (" << std::strerror(errno)
                   << "); the disk-full test needs root (CI runs as root)";
    }
    m_mounted = true;
    const CliResult demo = runCli({"demo", "--data", m_mount});
    ASSERT_EQ(demo.exitCode, 0) << demo.err;
    // The photo store on a file system of its own (as a separate volume for photos would be),
    // so a test can fill it while the database still has room.
    m_blobs = m_mount + "/blobs";
    fs::create_directories(m_blobs);
    ASSERT_EQ(mount("tmpfs", m_blobs.c_str(), "tmpfs", 0, "size=8m,mode=0755"), 0)
        << std::strerror(errno);
    m_blobsMounted = true;
    // The log goes beside the mount: a full disk must not silence the server's account of it.
    m_server =
        std::make_unique<ServerProcess>(m_mount, std::vector<std::string>{}, "../server.log");
    std::string error;
    ASSERT_TRUE(m_server->start(&error)) << error;
  }
  void TearDown() override {
    if (m_server) {
      EXPECT_EQ(m_server->stop(), 0) << "server did not exit cleanly";
    }
    if (m_blobsMounted) {
      EXPECT_EQ(umount2(m_blobs.c_str(), MNT_DETACH), 0) << std::strerror(errno);
    }
    if (m_mounted) {
      EXPECT_EQ(umount2(m_mount.c_str(), MNT_DETACH), 0) << std::strerror(errno);
    }
  }

  // Writes a file into `dir` until its file system refuses another byte.
  static void fillTheDisk(const std::string& dir) {
    const std::string filler = dir + "/filler";
    std::ofstream out(filler, std::ios::binary);
    const std::string block(64 * 1024, 'x');
    while (out.write(block.data(), static_cast<std::streamsize>(block.size()))) {
    }
    out.close();
    // Top up byte by byte-ish: a short write at the end of the loop may have left a little room.
    std::ofstream tail(filler, std::ios::binary | std::ios::app);
    const std::string small(512, 'x');
    while (tail.write(small.data(), static_cast<std::streamsize>(small.size())).flush()) {
    }
  }

  TempDir m_dir;
  std::string m_mount;
  std::string m_blobs;
  bool m_mounted = false;
  bool m_blobsMounted = false;
  std::unique_ptr<ServerProcess> m_server;
};

TEST_F(DiskFull, ClientGetsAClearErrorNothingPartialAndTheServerRecovers) {
  TestTablet tablet(m_dir.path(), "tablet", m_server->port());
  tablet.options.maxAttempts = 2;  // 507 is retried like any 5xx; two tries are enough here
  tablet.connectTo(m_server->port());
  tablet.signInAndSync();

  Result<std::vector<BuildingSummary>> houses = tablet.store().listBuildings({}, 40);
  ASSERT_TRUE(houses.isOk());
  std::vector<Inspection> inspections;
  for (const BuildingSummary& h : *houses) {
    inspections.push_back(makeInspection(h.id));
    ASSERT_TRUE(tablet.store().putInspection(inspections.back(), "demo").isOk());
  }
  std::string bytes(900 * 1024, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 7919) % 251);
  Result<PhotoRecord> photo = tablet.photos().importBytes(
      tablet.store(), bytes, makePhoto(inspections[0].buildingId, inspections[0].id, ""), "demo");
  ASSERT_TRUE(photo.isOk());

  // Every answer the tablet gets while the disk is full.
  std::vector<std::pair<int, std::string>> answers;  // status, Error.code
  tablet.transport().after = [&](const HttpRequest& r, Result<HttpResponse> response) {
    if (response && response->status >= 400) {
      v1::Error error;
      error.ParseFromString(response->body);
      answers.emplace_back(response->status, error.code() + " " + error.message());
      std::printf("[fault] %s %s -> %d %s\n", r.method.c_str(), r.target.substr(0, 30).c_str(),
                  response->status, error.message().c_str());
    }
    return response;
  };

  fillTheDisk(m_mount);
  fillTheDisk(m_blobs);
  Result<SyncReport> full = tablet.client().sync();
  ASSERT_FALSE(full.isOk()) << "a sync onto a full disk cannot succeed";
  // The user is told in plain words what is wrong (the server's own message).
  EXPECT_NE(full.status().message().find("存储空间已满"), std::string::npos)
      << full.status().message();
  ASSERT_FALSE(answers.empty());
  for (const auto& [status, error] : answers) {
    EXPECT_EQ(status, 507) << error;
    EXPECT_EQ(error.rfind("storage_full ", 0), 0u) << error;
  }

  // Nothing half-stored: the push transaction is all or nothing, and whatever the photo upload
  // kept is an exact prefix the status reports (the failed append was undone).
  fs::remove(m_mount + "/filler");
  fs::remove(m_blobs + "/filler");
  ProtocolClient direct(m_server->port());
  const std::string token = direct.login("demo", "demo1234");
  ASSERT_FALSE(token.empty()) << "the server did not recover once space was freed";
  const auto copies = serverCopies(direct, token);
  int stored = 0;
  for (const Inspection& in : inspections) stored += copies.count("inspection/" + in.id) ? 1 : 0;
  EXPECT_TRUE(stored == 0 || stored == static_cast<int>(inspections.size()))
      << stored << " of one push batch stored";
  EXPECT_EQ(*tablet.store().pendingOutboxCount() == 0, stored != 0);
  const std::string partial = m_blobs + "/partial/" + photo->sha256;
  if (fs::exists(partial)) {
    std::ifstream in(partial, std::ios::binary);
    const std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.compare(0, kept.size(), kept), 0) << "the partial blob is not a prefix";
  }

  // Space is back: the next sync stores everything, once.
  tablet.transport().after = nullptr;
  tablet.syncOk();
  const auto after = serverCopies(direct, token);
  for (const Inspection& in : inspections) {
    const auto it = after.find("inspection/" + in.id);
    ASSERT_NE(it, after.end()) << in.id;
    EXPECT_EQ(it->second.size(), 1u);
  }
  EXPECT_EQ(serverBlobHash(m_mount, photo->sha256), photo->sha256);
  EXPECT_EQ(*tablet.store().pendingOutboxCount(), 0);
  EXPECT_EQ(*tablet.store().pendingPhotoUploadCount(), 0);
  EXPECT_EQ(sqliteIntegrity(m_mount + "/anju.db"), "ok");
}

// The records fit but the photo store is full: the push goes through, the photo bytes get 507
// and stay queued on the tablet; when the volume grows the upload resumes and completes.
TEST_F(DiskFull, PhotoStoreFullAnswers507AndTheUploadResumesOnceItGrows) {
  TestTablet tablet(m_dir.path(), "tablet", m_server->port());
  tablet.options.maxAttempts = 2;
  tablet.connectTo(m_server->port());
  tablet.signInAndSync();
  Result<std::vector<BuildingSummary>> houses = tablet.store().listBuildings({}, 1);
  ASSERT_TRUE(houses.isOk() && !houses->empty());
  const Inspection in = makeInspection(houses->front().id);
  ASSERT_TRUE(tablet.store().putInspection(in, "demo").isOk());
  std::string bytes(1500 * 1024, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 7907) % 253);
  Result<PhotoRecord> photo = tablet.photos().importBytes(
      tablet.store(), bytes, makePhoto(in.buildingId, in.id, ""), "demo");
  ASSERT_TRUE(photo.isOk());

  std::vector<int> photoStatuses;
  tablet.transport().after = [&](const HttpRequest& r, Result<HttpResponse> response) {
    if (r.method == "PUT" && response) photoStatuses.push_back(response->status);
    if (response && response->status >= 400) {
      v1::Error error;
      EXPECT_TRUE(error.ParseFromString(response->body));
      EXPECT_EQ(error.code(), "storage_full") << response->status;
    }
    return response;
  };
  fillTheDisk(m_blobs);
  Result<SyncReport> full = tablet.client().sync();
  ASSERT_FALSE(full.isOk());
  EXPECT_NE(full.status().message().find("存储空间已满"), std::string::npos)
      << full.status().message();
  ASSERT_FALSE(photoStatuses.empty());
  EXPECT_EQ(photoStatuses.back(), 507);
  EXPECT_EQ(*tablet.store().pendingOutboxCount(), 0) << "the records had room and went through";
  EXPECT_EQ(*tablet.store().pendingPhotoUploadCount(), 1) << "the photo stays queued";

  // The administrator grows the volume; the filler stays.
  ASSERT_EQ(mount("tmpfs", m_blobs.c_str(), "tmpfs", MS_REMOUNT, "size=16m"), 0)
      << std::strerror(errno);
  tablet.transport().after = nullptr;
  const SyncReport report = tablet.syncOk();
  EXPECT_EQ(report.photosUploaded, 1);
  EXPECT_EQ(serverBlobHash(m_mount, photo->sha256), photo->sha256);
  EXPECT_EQ(*tablet.store().pendingPhotoUploadCount(), 0);
}

}  // namespace
}  // namespace anju::server::testing
