// Shared fixtures of the sync client unit tests: an in-memory server behind a fake transport
// (scriptable per endpoint, recording every request), a fake clock that records the backoff
// waits instead of sleeping, and a tablet (store + photo library) in a temporary directory.
#pragma once

#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "anju/photo_library.h"
#include "anju/record_codec.h"
#include "anju/store.h"
#include "anju/sync_client.h"
#include "anju/v1/sync.pb.h"
#include "store_test_support.h"
#include "sync/gzip.h"

namespace anju::testing {

inline HttpResponse protoResponse(int status, const google::protobuf::Message& message) {
  return {status, message.SerializeAsString(), "application/x-protobuf"};
}

inline HttpResponse errorResponse(int status, const std::string& code, const std::string& text) {
  v1::Error error;
  error.set_code(code);
  error.set_message(text);
  return protoResponse(status, error);
}

/// The push request inside a (gzip'd) request body.
inline v1::PushRequest decodePush(const HttpRequest& request) {
  v1::PushRequest push;
  Result<std::string> raw = sync::gzipDecompress(request.body);
  EXPECT_TRUE(raw.isOk()) << raw.status().toString();
  if (raw) {
    EXPECT_TRUE(push.ParseFromString(*raw));
  }
  return push;
}

/// What the fake server does; every hook may be replaced by a test.
class FakeServer : public HttpTransport {
 public:
  using Hook = std::function<Result<HttpResponse>(const HttpRequest&)>;

  /// Runs before routing: a test's fault (network error, 5xx) for this request, if any.
  Hook fault;
  /// Default push: every change APPLIED at its own version.
  std::function<v1::ChangeResult(const v1::Change&)> decide = [](const v1::Change& c) {
    v1::ChangeResult r;
    r.set_change_id(c.change_id());
    r.set_outcome(v1::ChangeResult::APPLIED);
    r.set_server_version(c.version());
    return r;
  };
  /// Pull pages, handed out in order; the last one is repeated.
  std::deque<v1::PullResponse> pages;
  /// Photo bytes received per SHA-256.
  std::map<std::string, std::string> photos;
  std::vector<std::string> completePhotos;

  std::vector<HttpRequest> requests;
  std::vector<v1::PushRequest> pushes;

  Result<HttpResponse> send(const HttpRequest& request, const std::atomic<bool>*) override {
    requests.push_back(request);
    if (fault)
      if (Result<HttpResponse> r = fault(request); !r || r->status != 0) return r;
    if (request.target == "/v1/auth/login") return login(request);
    if (request.target == "/v1/sync/push") return push(request);
    if (request.target == "/v1/sync/pull") return pull();
    if (request.target.rfind("/v1/photos/", 0) == 0) return photo(request);
    return errorResponse(404, "not_found", "no route");
  }

  int count(const std::string& prefix) const {
    int n = 0;
    for (const HttpRequest& r : requests) n += r.target.rfind(prefix, 0) == 0;
    return n;
  }

 private:
  Result<HttpResponse> login(const HttpRequest& request) {
    v1::LoginRequest in;
    in.ParseFromString(request.body);
    if (in.password() != "demo1234") return errorResponse(401, "unauthenticated", "密码错误");
    v1::LoginResponse out;
    out.set_token(std::string(64, 'f'));
    out.set_expires_at(kTestNow + 30LL * 24 * 3600 * 1000);
    out.set_role("inspector");
    out.set_display_name("演示");
    v1::RegionPath* region = out.add_regions();
    region->set_district("临江区");
    region->set_street("城南街道");
    out.set_server_epoch("epoch-1");
    return protoResponse(200, out);
  }

  Result<HttpResponse> push(const HttpRequest& request) {
    v1::PushRequest in = decodePush(request);
    pushes.push_back(in);
    v1::PushResponse out;
    for (const v1::Change& c : in.changes()) *out.add_results() = decide(c);
    return protoResponse(200, out);
  }

  Result<HttpResponse> pull() {
    if (pages.empty()) {
      v1::PullResponse empty;
      empty.set_epoch("epoch-1");
      empty.set_next_cursor("c-end");
      return protoResponse(200, empty);
    }
    v1::PullResponse page = pages.front();
    if (pages.size() > 1) pages.pop_front();
    return protoResponse(200, page);
  }

  Result<HttpResponse> photo(const HttpRequest& request) {
    const std::string rest = request.target.substr(11);
    const std::string sha = rest.substr(0, 64);
    std::string& held = photos[sha];
    v1::PhotoStatus status;
    status.set_sha256(sha);
    const bool complete =
        std::find(completePhotos.begin(), completePhotos.end(), sha) != completePhotos.end();
    if (request.method == "PUT" && !complete) {
      const std::size_t o = rest.find("offset=") + 7;
      const std::size_t t = rest.find("&total=") + 7;
      const auto offset = std::stoull(rest.substr(o, t - 7 - o));
      const auto total = std::stoull(rest.substr(t));
      if (offset != held.size()) {
        status.set_received_bytes(static_cast<std::int64_t>(held.size()));
        status.set_total_bytes(static_cast<std::int64_t>(total));
        return protoResponse(409, status);
      }
      held += request.body;
      if (held.size() == total) {
        if (sha256Hex(held) != sha) {
          held.clear();
          return errorResponse(422, "hash_mismatch", "hash");
        }
        completePhotos.push_back(sha);
      }
      status.set_total_bytes(static_cast<std::int64_t>(total));
    }
    status.set_received_bytes(static_cast<std::int64_t>(held.size()));
    status.set_complete(std::find(completePhotos.begin(), completePhotos.end(), sha) !=
                        completePhotos.end());
    return protoResponse(200, status);
  }
};

/// Records the waits; never sleeps. Cancellation is honoured like the real clock.
class RecordingClock : public SyncClock {
 public:
  TimestampMs now() override { return kTestNow; }
  bool sleepFor(std::chrono::milliseconds delay, const std::atomic<bool>* cancel) override {
    waits.push_back(delay.count());
    return !(cancel && cancel->load());
  }
  std::vector<std::int64_t> waits;
};

/// A signed-in tablet with an in-memory server.
class SyncClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_store = openStore(m_dir.file("tablet.db"));
    ASSERT_TRUE(m_store);
    Result<PhotoLibrary> photos = PhotoLibrary::open(m_dir.file("tablet.db.photos"));
    ASSERT_TRUE(photos.isOk());
    m_photos = std::make_unique<PhotoLibrary>(std::move(*photos));
    m_client = makeClient();
    ASSERT_TRUE(m_client->login("demo", "demo1234").isOk());
    m_server.requests.clear();
  }

  std::unique_ptr<SyncClient> makeClient() {
    SyncOptions options;
    options.deviceId = "tablet-07";
    options.maxBatchChanges = m_maxBatchChanges;
    options.maxBatchBytes = m_maxBatchBytes;
    options.photoChunkBytes = 1000;
    options.maxAttempts = 4;
    options.initialBackoff = std::chrono::milliseconds(1000);
    options.maxBackoff = std::chrono::milliseconds(5000);
    options.random = [] { return 0.5; };
    return std::make_unique<SyncClient>(*m_store, *m_photos, m_server, options, &m_clock);
  }

  /// Saves `n` buildings (n outbox changes); returns them.
  std::vector<Building> saveBuildings(int n, const std::string& ownerName = "张三") {
    std::vector<Building> out;
    for (int i = 0; i < n; ++i) {
      Building b = makeBuilding("幸福路" + std::to_string(i + 1) + "号");
      b.ownerName = ownerName;
      EXPECT_TRUE(m_store->putBuilding(b, "demo").isOk());
      out.push_back(b);
    }
    return out;
  }

  std::int64_t pending() { return *m_store->pendingOutboxCount(); }
  std::string syncState(std::string_view key) { return *m_store->syncState(key); }

  int m_maxBatchChanges = 100;
  std::int64_t m_maxBatchBytes = 1 << 20;
  TempDir m_dir;
  std::unique_ptr<Store> m_store;
  std::unique_ptr<PhotoLibrary> m_photos;
  FakeServer m_server;
  RecordingClock m_clock;
  std::unique_ptr<SyncClient> m_client;
};

}  // namespace anju::testing
