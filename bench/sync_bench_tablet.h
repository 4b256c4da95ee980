// A simulated tablet for anju_sync_bench: its own store file and photo folder, the real
// CurlTransport to the server, and core's SyncClient — exactly what the app runs — plus a
// transport wrapper that times every request, so the bench can report request latencies.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "anju/curl_transport.h"
#include "anju/photo_library.h"
#include "anju/store.h"
#include "anju/sync_client.h"

namespace anju::bench {

/// Times each request; keeps the latencies of the requests whose target starts with `prefix`.
class TimingTransport final : public HttpTransport {
 public:
  TimingTransport(HttpTransport& inner, std::string prefix)
      : m_inner(inner), m_prefix(std::move(prefix)) {}
  Result<HttpResponse> send(const HttpRequest& request, const std::atomic<bool>* cancel) override;
  /// Seconds per matching request, in order.
  std::vector<double> latencies() const;

 private:
  HttpTransport& m_inner;  // borrowed
  std::string m_prefix;
  mutable std::mutex m_mutex;
  std::vector<double> m_latencies;
};

class BenchTablet {
 public:
  /// Opens (creating) `dbPath` and its photo folder, talking to `baseUrl`. Exits the program
  /// with a message when the store or transport cannot be created (nothing to measure then).
  BenchTablet(const std::string& dbPath, const std::string& baseUrl, const std::string& deviceId,
              const std::string& timedPrefix = "/v1/sync/push");

  Store& store() { return *m_store; }
  PhotoLibrary& photos() { return *m_photos; }
  SyncClient& client() { return *m_client; }
  TimingTransport& timing() { return *m_timing; }
  HttpTransport& transport() { return *m_curl; }

  Status login(const std::string& user, const std::string& password);

  /// One sync, stopped (cancelled) as soon as `stopAfter` has finished its last step: kPush
  /// after the last push batch, kPhotos after the last photo, kPull runs the whole sync.
  /// Returns the report and the seconds it took.
  Result<SyncReport> syncUntil(SyncPhase stopAfter, double* seconds);

 private:
  std::unique_ptr<Store> m_store;
  std::unique_ptr<PhotoLibrary> m_photos;
  std::unique_ptr<CurlTransport> m_curl;
  std::unique_ptr<TimingTransport> m_timing;
  std::unique_ptr<SyncClient> m_client;
};

/// The q-quantile (0..1) of `values` (nearest rank); 0 for an empty list.
double quantile(std::vector<double> values, double q);

}  // namespace anju::bench
