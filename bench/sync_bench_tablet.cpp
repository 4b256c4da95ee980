#include "sync_bench_tablet.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace anju::bench {

Result<HttpResponse> TimingTransport::send(const HttpRequest& request,
                                           const std::atomic<bool>* cancel) {
  const auto start = std::chrono::steady_clock::now();
  Result<HttpResponse> response = m_inner.send(request, cancel);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (request.target.rfind(m_prefix, 0) == 0) {
    std::lock_guard lock(m_mutex);
    m_latencies.push_back(seconds);
  }
  return response;
}

std::vector<double> TimingTransport::latencies() const {
  std::lock_guard lock(m_mutex);
  return m_latencies;
}

namespace {
[[noreturn]] void die(const std::string& what, const Status& s) {
  std::fprintf(stderr, "anju_sync_bench: %s: %s\n", what.c_str(), s.toString().c_str());
  std::exit(1);
}
}  // namespace

BenchTablet::BenchTablet(const std::string& dbPath, const std::string& baseUrl,
                         const std::string& deviceId, const std::string& timedPrefix) {
  StoreOptions storeOptions;
  storeOptions.deviceId = deviceId;
  auto store = Store::open(dbPath, storeOptions);
  if (!store) die("open " + dbPath, store.status());
  m_store = std::move(*store);
  auto photos = PhotoLibrary::open(PhotoLibrary::folderForDatabase(dbPath));
  if (!photos) die("photo folder", photos.status());
  m_photos = std::make_unique<PhotoLibrary>(std::move(*photos));
  CurlOptions curl;
  curl.baseUrl = baseUrl;
  auto transport = CurlTransport::create(curl);
  if (!transport) die("transport", transport.status());
  m_curl = std::move(*transport);
  m_timing = std::make_unique<TimingTransport>(*m_curl, timedPrefix);
  SyncOptions options;  // the app's defaults: 100 changes / 1 MiB per push, 512 KiB photo chunks
  options.deviceId = deviceId;
  m_client = std::make_unique<SyncClient>(*m_store, *m_photos, *m_timing, options);
}

Status BenchTablet::login(const std::string& user, const std::string& password) {
  Result<Session> session = m_client->login(user, password);
  return session ? Status::ok() : session.status();
}

Result<SyncReport> BenchTablet::syncUntil(SyncPhase stopAfter, double* seconds) {
  std::atomic<bool> cancel{false};
  const auto progress = [&](SyncPhase phase, const SyncReport& soFar) {
    if (stopAfter == SyncPhase::kPush && phase == SyncPhase::kPush &&
        soFar.changesPushed() >= soFar.changesToPush)
      cancel = true;
    if (stopAfter == SyncPhase::kPhotos && phase == SyncPhase::kPhotos &&
        soFar.photosUploaded + static_cast<int>(soFar.photoProblems.size()) >= soFar.photosToUpload)
      cancel = true;
  };
  const auto start = std::chrono::steady_clock::now();
  Result<SyncReport> report = m_client->sync(progress, &cancel);
  *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

}  // namespace anju::bench
