// Test support: a tablet for integration tests — a store file, its photo folder and a
// SyncClient over the real CurlTransport, pointed at the server (or at a FaultProxy in front of
// it). Retries wait only a few milliseconds so fault tests stay fast.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "anju/curl_transport.h"
#include "anju/photo_library.h"
#include "anju/store.h"
#include "anju/sync_client.h"

namespace anju::server::testing {

/// Wraps a transport; `before` may answer instead of it (a fault), `after` may replace its
/// answer (a lost response). Records every request target.
class ScriptedTransport : public HttpTransport {
 public:
  explicit ScriptedTransport(HttpTransport& inner) : m_inner(inner) {}
  std::function<Result<HttpResponse>(const HttpRequest&)> before;  // status 0: go on
  std::function<Result<HttpResponse>(const HttpRequest&, Result<HttpResponse>)> after;
  std::vector<std::string> targets;

  Result<HttpResponse> send(const HttpRequest& request, const std::atomic<bool>* cancel) override {
    targets.push_back(request.method + " " + request.target);
    if (before)
      if (Result<HttpResponse> r = before(request); !r || r->status != 0) return r;
    Result<HttpResponse> response = m_inner.send(request, cancel);
    return after ? after(request, std::move(response)) : response;
  }

 private:
  HttpTransport& m_inner;  // borrowed
};

class TestTablet {
 public:
  /// Opens (creating) `dir`/`name`.db and talks to 127.0.0.1:`port`.
  TestTablet(const std::string& dir, const std::string& name, int port);

  Store& store() { return *m_store; }
  PhotoLibrary& photos() { return *m_photos; }
  SyncClient& client() { return *m_client; }
  ScriptedTransport& transport() { return *m_scripted; }
  /// Talks to another port from now on (e.g. a FaultProxy), keeping the store.
  void connectTo(int port);

  /// login("demo", "demo1234") and a first sync; asserts both succeed.
  void signInAndSync();
  /// sync(), asserting success.
  SyncReport syncOk();

  SyncOptions options;  // applied by connectTo

 private:
  std::string m_name;
  std::unique_ptr<Store> m_store;
  std::unique_ptr<PhotoLibrary> m_photos;
  std::unique_ptr<CurlTransport> m_curl;
  std::unique_ptr<ScriptedTransport> m_scripted;
  std::unique_ptr<SyncClient> m_client;
};

}  // namespace anju::server::testing
