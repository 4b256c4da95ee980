// anju_sync_bench: the tablet's sync against a real anju-server (started by run_benchmarks.sh on
// 127.0.0.1, SQLite backend), through core's SyncClient, its outbox and the real libcurl
// transport — what a tablet does.
//   sync/push_records      ANJU_BENCH_RECORDS inspections of ~1 KB (default 10 000), saved one by
//                          one into a fresh tablet's outbox (untimed), then pushed (timed: the
//                          push step, acknowledgements included)
//   sync/upload_photos     ANJU_BENCH_PHOTOS photos (default 20) of ANJU_BENCH_PHOTO_BYTES
//                          (default 2 MiB) each: their records and their bytes
//   sync/pull_region       a fresh tablet pulls the ANJU_BENCH_PULL_HOUSES-house region
//                          (default 100 000) the server was given by import-buildings
//   sync/concurrent_tablets ANJU_BENCH_TABLETS tablets (default 500, the fleet) in
//   parallel, each its own
//                          user, store and connection, ANJU_BENCH_ROUNDS rounds of saving
//                          ANJU_BENCH_PER_ROUND inspections and syncing; push latency p50/p99,
//                          throughput, and a zero-loss check of every change on the server.
// Users (created by the script, password ANJU_BENCH_PASSWORD): bench_push (基准区/推送街道),
// bench_pull (基准区/拉取街道), tablet001… (基准区/并发街道/社区NNN).
#include <benchmark/benchmark.h>

#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "anju/uuid.h"
#include "anju/v1/sync.pb.h"
#include "bench_env.h"
#include "sync_bench_tablet.h"
#include "synthetic_data.h"

namespace {

using namespace anju;
using bench::BenchTablet;

struct Settings {
  std::string url;
  std::string password;
  int records = 10000;
  int photos = 20;
  int photoBytes = 2 << 20;
  int pullHouses = 100000;
  int tablets = 500;
  int rounds = 3;
  int perRound = 10;
  int reps = 3;
  std::filesystem::path dir;
};
Settings g;
std::atomic<int> g_tabletSerial{0};

std::string freshTabletPath(const std::string& name) {
  const std::filesystem::path dir = g.dir / (name + "-" + std::to_string(++g_tabletSerial));
  std::filesystem::create_directories(dir);
  return (dir / "tablet.db").string();
}

std::unique_ptr<BenchTablet> signedInTablet(const std::string& name, const std::string& user,
                                            const std::string& timedPrefix = "/v1/sync/push") {
  auto tablet = std::make_unique<BenchTablet>(freshTabletPath(name), g.url, name + "-" + newUuid(),
                                              timedPrefix);
  if (Status s = tablet->login(user, g.password); !s) {
    std::fprintf(stderr, "anju_sync_bench: login %s: %s\n", user.c_str(), s.toString().c_str());
    std::exit(1);
  }
  return tablet;
}

// Saves `houses` new buildings in `street` and `count` inspections spread over them, each
// through the store's user action (record + outbox row + audit row, durable).
Status fillOutbox(BenchTablet& t, const std::string& street, const std::string& community,
                  int houses, int count) {
  std::vector<Building> buildings;
  for (int i = 0; i < houses; ++i) {
    Building b = bench::syntheticBuilding(i, "基准区", street);
    if (!community.empty()) b.region.community = community;
    b.address += "-" + b.id.substr(0, 8);  // unique across repetitions
    if (auto saved = t.store().putBuilding(b, "bench"); !saved) return saved.status();
    buildings.push_back(std::move(b));
  }
  for (int i = 0; i < count; ++i) {
    const Inspection in = bench::syntheticInspection(
        i, buildings[static_cast<std::size_t>(i) % buildings.size()], "bench");
    if (auto saved = t.store().putInspection(in, "bench"); !saved) return saved.status();
  }
  return Status::ok();
}

bool reportFailure(benchmark::State& state, const std::string& what, const Status& s) {
  if (s) return false;
  state.SkipWithError((what + ": " + s.toString()).c_str());
  return true;
}

void BM_PushRecords(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto tablet = signedInTablet("push", "bench_push");
    const int houses = std::max(1, g.records / 100);
    if (reportFailure(state, "filling the outbox",
                      fillOutbox(*tablet, "推送街道", "", houses, g.records)))
      break;
    const auto payload = tablet->store().pendingOutbox(g.records + houses, std::int64_t{1} << 40);
    std::int64_t payloadBytes = 0;
    if (payload)
      for (const OutboxEntry& e : *payload)
        payloadBytes += static_cast<std::int64_t>(e.payload.size());
    state.ResumeTiming();
    double seconds = 0;
    Result<SyncReport> report = tablet->syncUntil(SyncPhase::kPush, &seconds);
    state.SetIterationTime(seconds);
    if (reportFailure(state, "push", report.status())) break;
    if (report->applied != g.records + houses) {
      state.SkipWithError(("applied " + std::to_string(report->applied) + " of " +
                           std::to_string(g.records + houses))
                              .c_str());
      break;
    }
    auto left = tablet->store().pendingOutboxCount();
    if (!left || *left != 0) state.SkipWithError("changes left in the outbox after the push");
    state.counters["records"] = report->applied;
    state.counters["payload_KiB"] = static_cast<double>(payloadBytes) / 1024.0;
    state.counters["wire_KiB"] = static_cast<double>(report->bytesPushed) / 1024.0;
    state.counters["records_per_s"] = report->applied / seconds;
    state.counters["retries"] = report->retries;
    const std::vector<double> lat = tablet->timing().latencies();
    state.counters["push_requests"] = static_cast<double>(lat.size());
    state.counters["request_p50_ms"] = 1000 * bench::quantile(lat, 0.5);
    state.counters["request_p99_ms"] = 1000 * bench::quantile(lat, 0.99);
  }
}

void BM_UploadPhotos(benchmark::State& state) {
  std::random_device seeds;
  for (auto _ : state) {
    state.PauseTiming();
    auto tablet = signedInTablet("photos", "bench_push", "/v1/photos/");
    Building b = bench::syntheticBuilding(0, "基准区", "推送街道");
    b.address = "照片路" + b.id.substr(0, 8) + "号";
    if (auto saved = tablet->store().putBuilding(b, "bench"); !saved) {
      reportFailure(state, "building", saved.status());
      break;
    }
    const std::uint64_t seed =
        (std::uint64_t{seeds()} << 32) | seeds();  // bytes the server never saw
    bool ok = true;
    for (int i = 0; i < g.photos && ok; ++i) {
      PhotoRecord photo;
      photo.id = newUuid();
      photo.capturedAt = systemNowMs();
      photo.buildingId = b.id;
      photo.caption = "外墙 " + std::to_string(i + 1);
      auto saved = tablet->photos().importBytes(
          tablet->store(),
          bench::pseudoRandomBytes(seed + static_cast<std::uint64_t>(i),
                                   static_cast<std::size_t>(g.photoBytes)),
          photo, "bench");
      ok = !reportFailure(state, "photo import", saved.status());
    }
    if (!ok) break;
    state.ResumeTiming();
    double seconds = 0;
    Result<SyncReport> report = tablet->syncUntil(SyncPhase::kPhotos, &seconds);
    state.SetIterationTime(seconds);
    if (reportFailure(state, "photo sync", report.status())) break;
    if (report->photosUploaded != g.photos) {
      state.SkipWithError(("uploaded " + std::to_string(report->photosUploaded) + " photos of " +
                           std::to_string(g.photos))
                              .c_str());
      break;
    }
    const double mib = static_cast<double>(report->photoBytesSent) / (1 << 20);
    state.counters["photos"] = report->photosUploaded;
    state.counters["MiB"] = mib;
    state.counters["MiB_per_s"] = mib / seconds;
    state.counters["photo_requests"] = static_cast<double>(tablet->timing().latencies().size());
  }
}

void BM_PullRegion(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto tablet = signedInTablet("pull", "bench_pull", "/v1/sync/pull");
    state.ResumeTiming();
    double seconds = 0;
    Result<SyncReport> report = tablet->syncUntil(SyncPhase::kPull, &seconds);
    state.SetIterationTime(seconds);
    if (reportFailure(state, "pull", report.status())) break;
    auto count = tablet->store().countBuildings({});
    if (!count || *count != g.pullHouses) {
      state.SkipWithError(("the tablet holds " +
                           (count ? std::to_string(*count) : count.status().toString()) +
                           " houses, expected " + std::to_string(g.pullHouses))
                              .c_str());
      break;
    }
    state.counters["houses"] = static_cast<double>(*count);
    state.counters["records_per_s"] = report->pulledApplied / seconds;
    state.counters["wire_MiB"] = static_cast<double>(report->bytesPulled) / (1 << 20);
    state.counters["pages"] = static_cast<double>(tablet->timing().latencies().size());
  }
}

// Every change one tablet made is on the server, at the version the tablet was told.
int missingOnServer(BenchTablet& t, const std::vector<std::pair<RecordKind, Uuid>>& made) {
  Result<std::string> token = t.store().syncState(kSyncAuthToken);
  if (!token) return static_cast<int>(made.size());
  int missing = 0;
  for (const auto& [kind, id] : made) {
    HttpRequest request{"GET",
                        "/v1/records/" + std::string(recordKindCode(kind)) + "/" + id,
                        {{"Authorization", "Bearer " + *token}},
                        ""};
    Result<HttpResponse> response = t.transport().send(request, nullptr);
    v1::PulledChange change;
    auto local = t.store().versionsOf(kind, id);
    if (!response || response->status != 200 || !change.ParseFromString(response->body) || !local ||
        local->serverVersion == 0 || change.version() != local->serverVersion)
      ++missing;
  }
  return missing;
}

void BM_ConcurrentTablets(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<std::unique_ptr<BenchTablet>> tablets(static_cast<std::size_t>(g.tablets));
    {  // sign in (Argon2id on the server: setup, not measured), a few at a time
      std::vector<std::thread> threads;
      std::atomic<int> next{0};
      for (int w = 0; w < 8; ++w)
        threads.emplace_back([&] {
          for (int i; (i = next++) < g.tablets;) {
            char user[32];
            std::snprintf(user, sizeof user, "tablet%03d", i + 1);
            tablets[static_cast<std::size_t>(i)] = signedInTablet(user, user);
          }
        });
      for (auto& t : threads) t.join();
    }
    std::vector<std::vector<std::pair<RecordKind, Uuid>>> made(tablets.size());
    std::vector<std::vector<double>> syncSeconds(tablets.size());
    std::atomic<int> failures{0};
    std::atomic<int> retries{0};
    std::barrier start(g.tablets + 1);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < tablets.size(); ++i)
      threads.emplace_back([&, i] {
        BenchTablet& t = *tablets[i];
        char community[32];
        std::snprintf(community, sizeof community, "社区%03zu", i + 1);
        Building b = bench::syntheticBuilding(static_cast<int>(i), "基准区", "并发街道");
        b.region.community = community;
        b.address += "-" + b.id.substr(0, 8);
        start.arrive_and_wait();
        if (!t.store().putBuilding(b, "bench")) ++failures;
        made[i].emplace_back(RecordKind::kBuilding, b.id);
        for (int r = 0; r < g.rounds; ++r) {
          for (int k = 0; k < g.perRound; ++k) {
            const Inspection in = bench::syntheticInspection(r * g.perRound + k, b, "bench");
            if (!t.store().putInspection(in, "bench")) ++failures;
            made[i].emplace_back(RecordKind::kInspection, in.id);
          }
          double seconds = 0;
          Result<SyncReport> report = t.syncUntil(SyncPhase::kPull, &seconds);
          if (!report || report->rejected > 0 || report->conflicts > 0) ++failures;
          if (report) retries += report->retries;
          syncSeconds[i].push_back(seconds);
        }
      });
    state.ResumeTiming();
    const auto began = std::chrono::steady_clock::now();
    start.arrive_and_wait();
    for (auto& t : threads) t.join();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    state.SetIterationTime(wall);
    state.PauseTiming();

    std::vector<double> pushLatency, syncLatency;
    std::int64_t pending = 0;
    std::size_t changes = 0;
    for (std::size_t i = 0; i < tablets.size(); ++i) {
      for (double s : tablets[i]->timing().latencies()) pushLatency.push_back(s);
      for (double s : syncSeconds[i]) syncLatency.push_back(s);
      auto left = tablets[i]->store().pendingOutboxCount();
      pending += left ? *left : 1;
      changes += made[i].size();
    }
    std::atomic<int> missing{0};
    {
      std::vector<std::thread> checkers;
      std::atomic<std::size_t> next{0};
      for (int w = 0; w < 8; ++w)
        checkers.emplace_back([&] {
          for (std::size_t i; (i = next++) < tablets.size();)
            missing += missingOnServer(*tablets[i], made[i]);
        });
      for (auto& t : checkers) t.join();
    }
    state.ResumeTiming();
    state.counters["tablets"] = g.tablets;
    state.counters["changes"] = static_cast<double>(changes);
    state.counters["changes_per_s"] = static_cast<double>(changes) / wall;
    state.counters["push_requests"] = static_cast<double>(pushLatency.size());
    state.counters["push_p50_ms"] = 1000 * bench::quantile(pushLatency, 0.5);
    state.counters["push_p99_ms"] = 1000 * bench::quantile(pushLatency, 0.99);
    state.counters["sync_p50_ms"] = 1000 * bench::quantile(syncLatency, 0.5);
    state.counters["sync_p99_ms"] = 1000 * bench::quantile(syncLatency, 0.99);
    state.counters["failed_syncs"] = failures.load();
    state.counters["retries"] = retries.load();  // network errors / 5xx retried by SyncClient
    state.counters["left_in_outboxes"] = static_cast<double>(pending);
    state.counters["missing_on_server"] = missing.load();
    if (failures > 0 || pending > 0 || missing > 0) {
      state.SkipWithError(("loss check failed: " + std::to_string(failures.load()) +
                           " failed syncs, " + std::to_string(pending) +
                           " changes still in outboxes, " + std::to_string(missing.load()) +
                           " changes missing on the server")
                              .c_str());
      break;
    }
  }
}

// One small sync of each kind before anything is measured: the server's caches, the page cache
// and the connection paths are warm, and a broken setup fails here with a clear message.
void warmUp() {
  auto tablet = signedInTablet("warmup", "bench_push");
  if (Status s = fillOutbox(*tablet, "推送街道", "", 1, 100); !s) {
    std::fprintf(stderr, "anju_sync_bench: warm-up: %s\n", s.toString().c_str());
    std::exit(1);
  }
  double seconds = 0;
  if (auto r = tablet->syncUntil(SyncPhase::kPush, &seconds); !r || r->applied != 101) {
    std::fprintf(stderr, "anju_sync_bench: warm-up push failed: %s\n",
                 r ? "not every change applied" : r.status().toString().c_str());
    std::exit(1);
  }
  std::fprintf(stderr, "warm-up: pushed 101 changes in %.2f s\n", seconds);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  g.url = bench::envString("ANJU_BENCH_URL");
  g.password = bench::envString("ANJU_BENCH_PASSWORD");
  if (g.url.empty() || g.password.empty()) {
    std::fprintf(stderr,
                 "anju_sync_bench: set ANJU_BENCH_URL and ANJU_BENCH_PASSWORD (see "
                 "bench/run_benchmarks.sh)\n");
    return 2;
  }
  g.records = bench::envInt("ANJU_BENCH_RECORDS", g.records);
  g.photos = bench::envInt("ANJU_BENCH_PHOTOS", g.photos);
  g.photoBytes = bench::envInt("ANJU_BENCH_PHOTO_BYTES", g.photoBytes);
  g.pullHouses = bench::envInt("ANJU_BENCH_PULL_HOUSES", g.pullHouses);
  g.tablets = bench::envInt("ANJU_BENCH_TABLETS", g.tablets);
  g.rounds = bench::envInt("ANJU_BENCH_ROUNDS", g.rounds);
  g.perRound = bench::envInt("ANJU_BENCH_PER_ROUND", g.perRound);
  g.reps = bench::envInt("ANJU_BENCH_REPS", g.reps);
  g.dir = bench::workDir("anju_sync_bench");
  warmUp();

  const auto oneShot = [](benchmark::internal::Benchmark* b) {
    b->Iterations(1)
        ->Repetitions(g.reps)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond)
        ->DisplayAggregatesOnly(true);
  };
  oneShot(benchmark::RegisterBenchmark("sync/push_records", BM_PushRecords)->Arg(g.records));
  oneShot(benchmark::RegisterBenchmark("sync/upload_photos", BM_UploadPhotos)->Arg(g.photos));
  oneShot(benchmark::RegisterBenchmark("sync/pull_region", BM_PullRegion)->Arg(g.pullHouses));
  oneShot(benchmark::RegisterBenchmark("sync/concurrent_tablets", BM_ConcurrentTablets)
              ->Arg(g.tablets));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::filesystem::remove_all(g.dir);
  return 0;
}
