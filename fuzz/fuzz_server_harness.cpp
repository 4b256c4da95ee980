#include "fuzz_server_harness.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <thread>

#include "anju/hlc.h"
#include "anju/sha256.h"
#include "blob/blob_store.h"
#include "http/sync_api.h"
#include "import/building_import.h"
#include "import/demo_register.h"
#include "service/auth_service.h"
#include "service/indexed_storage.h"
#include "web/http_server.h"

namespace anju::fuzz {
namespace {

[[noreturn]] void die(const std::string& what, const Status& s) {
  std::fprintf(stderr, "fuzz server: %s: %s\n", what.c_str(), s.toString().c_str());
  std::abort();
}

// Everything the server needs, kept alive (and reachable, for LeakSanitizer) for the process.
struct Running {
  std::unique_ptr<server::IndexedStorage> storage;
  std::unique_ptr<server::FileBlobStore> blobs;
  HybridLogicalClock hlc;
  std::unique_ptr<server::AuthService> auth;
  std::unique_ptr<server::PushService> push;
  std::unique_ptr<server::PullService> pull;
  std::unique_ptr<server::PhotoService> photos;
  std::unique_ptr<server::RecordQueryService> records;
  server::Metrics metrics;
  std::unique_ptr<server::SyncApi> api;
  server::web::Router router;
  std::unique_ptr<server::web::HttpServer> http;
  std::thread listener;
  std::unique_ptr<httplib::Client> client;
};
Running* g_running = nullptr;
std::string g_dir;

void stopAtExit() {
  if (!g_running) return;
  if (g_running->http) g_running->http->stop();
  if (g_running->listener.joinable()) g_running->listener.join();
  std::error_code ec;
  std::filesystem::remove_all(g_dir, ec);
}

}  // namespace

FILE* FuzzServer::report() {
  static FILE* const terminal = stderr;  // taken before start() silences stdio's stderr
  return terminal;
}

FuzzServer& FuzzServer::get() {
  static FuzzServer* server = [] {
    auto* s = new FuzzServer();
    s->start();
    return s;
  }();
  return *server;
}

void FuzzServer::start() {
  // Quiet: the server logs every request to stdio's stderr, which would drown libFuzzer's own
  // output. Only the stdio stream is pointed elsewhere: file descriptor 2 stays, so sanitizer
  // reports and libFuzzer (which took its FILE* at start-up) still reach the terminal.
  report();
  if (!std::getenv("ANJU_FUZZ_SERVER_LOG")) {
    if (FILE* null = std::fopen("/dev/null", "w")) stderr = null;
  }
  char pattern[] = "/tmp/anju-fuzz-XXXXXX";
  if (!mkdtemp(pattern)) std::abort();
  m_dir = g_dir = pattern;
  g_running = new Running();
  Running& r = *g_running;
  std::atexit(stopAtExit);

  Result<std::unique_ptr<server::IndexedStorage>> storage =
      server::openStorage(server::StorageBackend::kSqlite, m_dir, {});
  if (!storage) die("storage", storage.status());
  r.storage = std::move(*storage);
  Result<std::unique_ptr<server::FileBlobStore>> blobs =
      server::FileBlobStore::open(m_dir + "/blobs");
  if (!blobs) die("blobs", blobs.status());
  r.blobs = std::move(*blobs);
  r.auth = std::make_unique<server::AuthService>(*r.storage, std::chrono::hours(1));
  if (Status s = r.auth->createUser("demo", server::Role::kInspector, "demo1234", "演示排查员"); !s)
    die("user", s);
  if (Status s = r.storage->addUserRegion(
          "demo", {server::kDemoDistrict, server::kDemoInspectorStreet, ""});
      !s)
    die("region", s);
  std::vector<Building> buildings = server::demoBuildings();
  // One house with a fixed id in the inspector's street, so seed inputs can name it.
  for (const Building& b : buildings) {
    if (b.region.street != server::kDemoInspectorStreet) continue;
    Building fixed = b;
    fixed.id = kFuzzBuildingId;
    fixed.address += "（模糊测试）";
    buildings.push_back(fixed);
    break;
  }
  if (Result<std::size_t> n = server::storeBuildings(*r.storage, r.hlc, buildings, "demo"); !n)
    die("buildings", n.status());
  r.push = std::make_unique<server::PushService>(*r.storage, r.hlc);
  r.pull = std::make_unique<server::PullService>(*r.storage, 500, 200);
  // A small photo limit keeps fuzzed uploads from filling the temp folder.
  r.photos = std::make_unique<server::PhotoService>(*r.storage, *r.blobs, 1 << 20);
  r.records = std::make_unique<server::RecordQueryService>(*r.storage);
  server::ApiLimits limits;
  limits.maxPushBytes = 1 << 20;
  limits.maxPhotoChunkBytes = 256 << 10;
  r.api = std::make_unique<server::SyncApi>(
      server::SyncServices{*r.auth, *r.push, *r.pull, *r.photos, *r.records}, r.metrics, limits);
  r.api->install(r.router);
  // The engine of `anju-server serve` (TCP_NODELAY included), on any free port.
  server::web::ServerOptions options;
  r.http = std::make_unique<server::web::HttpServer>(r.router, options);
  Result<int> port = r.http->listen();
  if (!port) die("listen", port.status());
  r.listener = std::thread([&r] { r.http->run(); });
  while (!r.http->isRunning()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  Result<server::LoginResult> login = r.auth->login("demo", "demo1234", "fuzz");
  if (!login) die("login", login.status());
  m_token = login->token;

  // One complete photo and one half-uploaded, so uploads and status queries meet both states.
  const std::string complete = kCompletePhotoBytes;
  m_completeSha = sha256Hex(complete);
  if (Result<server::PhotoUpload> u =
          r.photos->upload(m_completeSha, 0, static_cast<std::int64_t>(complete.size()), complete);
      !u)
    die("photo", u.status());
  const std::string partial = kPartialPhotoBytes;
  m_partialSha = sha256Hex(partial);
  if (Result<server::PhotoUpload> u = r.photos->upload(
          m_partialSha, 0, static_cast<std::int64_t>(partial.size()), partial.substr(0, 20));
      !u)
    die("photo", u.status());

  r.client = std::make_unique<httplib::Client>("127.0.0.1", *port);
  r.client->set_keep_alive(true);
  r.client->set_tcp_nodelay(true);
  r.client->set_read_timeout(std::chrono::seconds(20));
  m_client = r.client.get();
}

}  // namespace anju::fuzz
