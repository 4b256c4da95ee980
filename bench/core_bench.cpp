// anju_core_bench: the tablet's core at district scale, in Google Benchmark.
//   - inserting the register: ANJU_BENCH_HOUSES houses (default 100 000) in one bulk import, and
//     inspections with three findings each saved one by one as the inspector does (each its own
//     durable transaction: record, outbox row, audit row);
//   - opening the store and paging the house list (first page, deep keyset page, one community);
//   - Chinese address search;
//   - grading ANJU_BENCH_GRADE inspections (default 100 000) with the shipped rules.
// Every timed unit is one repetition (ANJU_BENCH_REPS, default 3) unless Google Benchmark picks
// the iteration count itself (the fast reads). Databases go to ANJU_BENCH_DIR.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "anju/data_dir.h"
#include "anju/grading.h"
#include "anju/store.h"
#include "bench_env.h"
#include "synthetic_data.h"

namespace {

using namespace anju;
using Clock = std::chrono::steady_clock;

struct Settings {
  int houses = 100000;
  int inspections = 1000;  // saved one by one into the big store
  int graded = 100000;
  int reps = 3;
  std::filesystem::path dir;
};
Settings g;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<Building> makeRegister(int n) {
  std::vector<Building> buildings;
  buildings.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i)
    buildings.push_back(bench::syntheticBuilding(i, "城关区", "幸福街道"));
  return buildings;
}

std::unique_ptr<Store> openOrDie(const std::string& path) {
  StoreOptions options;
  options.deviceId = "bench";
  auto opened = Store::open(path, options);
  if (!opened) {
    std::fprintf(stderr, "open %s: %s\n", path.c_str(), opened.status().toString().c_str());
    std::exit(1);
  }
  return std::move(*opened);
}

// The shared district store the reads run against: built once, before the benchmarks.
std::string g_bigPath;
std::vector<Building> g_bigRegister;
std::unique_ptr<Store> g_big;

void BM_InsertHouses(benchmark::State& state) {
  const std::vector<Building> buildings = makeRegister(g.houses);
  int round = 0;
  for (auto _ : state) {
    const std::string path = (g.dir / ("insert-" + std::to_string(round++) + ".db")).string();
    std::unique_ptr<Store> store = openOrDie(path);
    const auto start = Clock::now();
    const Status s = store->putBuildings(buildings, "bench");
    state.SetIterationTime(secondsSince(start));
    if (!s) state.SkipWithError(s.toString().c_str());
    store.reset();
    state.counters["db_MiB"] = static_cast<double>(std::filesystem::file_size(path)) / (1 << 20);
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
  }
  state.SetItemsProcessed(state.iterations() * g.houses);
}

void BM_SaveInspections(benchmark::State& state) {
  int next = 0;
  for (auto _ : state) {
    std::vector<Inspection> batch;
    for (int i = 0; i < g.inspections; ++i, ++next) {
      const Building& b = g_bigRegister[static_cast<std::size_t>(next * 97) % g_bigRegister.size()];
      batch.push_back(bench::syntheticInspection(next, b, "bench"));
    }
    const auto start = Clock::now();
    for (const Inspection& in : batch)
      if (auto saved = g_big->putInspection(in, "bench"); !saved) {
        state.SkipWithError(saved.status().toString().c_str());
        break;
      }
    state.SetIterationTime(secondsSince(start));
  }
  state.SetItemsProcessed(state.iterations() * g.inspections);
}

void BM_OpenStoreAndFirstPage(benchmark::State& state) {
  for (auto _ : state) {
    std::unique_ptr<Store> store = openOrDie(g_bigPath);
    auto page = store->listBuildings({}, 50);
    if (!page || page->size() != 50) state.SkipWithError("first page is not 50 rows");
    benchmark::DoNotOptimize(page);
  }
}

void BM_ListFirstPage(benchmark::State& state) {
  for (auto _ : state) {
    auto page = g_big->listBuildings({}, 50);
    if (!page || page->size() != 50) state.SkipWithError("first page is not 50 rows");
  }
}

// A page in the middle of the list (keyset after row `state.range(0)`).
void BM_ListDeepPage(benchmark::State& state) {
  std::optional<BuildingSummary> after;
  for (int fetched = 0; fetched < state.range(0);) {
    auto page = g_big->listBuildings({}, 500, after);
    if (!page || page->empty()) break;
    fetched += static_cast<int>(page->size());
    after = page->back();
  }
  for (auto _ : state) {
    auto page = g_big->listBuildings({}, 50, after);
    if (!page || page->empty()) state.SkipWithError("deep page is empty");
  }
}

void BM_PageThrough10k(benchmark::State& state) {
  for (auto _ : state) {
    std::optional<BuildingSummary> after;
    int rows = 0;
    for (int p = 0; p < 200; ++p) {
      auto page = g_big->listBuildings({}, 50, after);
      if (!page || page->empty()) break;
      rows += static_cast<int>(page->size());
      after = page->back();
    }
    benchmark::DoNotOptimize(rows);
  }
}

void BM_ListOneCommunity(benchmark::State& state) {
  BuildingFilter community;
  community.district = "城关区";
  community.street = "幸福街道";
  community.community = "第10社区";
  for (auto _ : state) {
    auto page = g_big->listBuildings(community, 50);
    auto count = g_big->countBuildings(community);
    if (!page || !count) state.SkipWithError("community list failed");
  }
}

void BM_Search(benchmark::State& state, const char* query) {
  std::size_t found = 0;
  for (auto _ : state) {
    auto rows = g_big->searchBuildings(query, 50);
    if (!rows) {
      state.SkipWithError(rows.status().toString().c_str());
      break;
    }
    found = rows->size();
  }
  state.counters["rows"] = static_cast<double>(found);
}

void BM_Grade(benchmark::State& state) {
  auto rules = loadPreliminaryRules(anju::shippedDataDir() + "/rules/preliminary_judgment.v1.yaml");
  if (!rules) {
    state.SkipWithError(rules.status().toString().c_str());
    return;
  }
  std::vector<Building> buildings = makeRegister(std::min(g.graded, 1000));
  std::vector<Inspection> inspections;
  inspections.reserve(static_cast<std::size_t>(g.graded));
  for (int i = 0; i < g.graded; ++i)
    inspections.push_back(bench::syntheticInspection(
        i, buildings[static_cast<std::size_t>(i) % buildings.size()], "bench", 0));
  std::array<int, 3> tiers{};
  for (auto _ : state) {
    tiers = {};
    const auto start = Clock::now();
    for (std::size_t i = 0; i < inspections.size(); ++i) {
      const PreliminaryAssessment a =
          gradeInspection(inspections[i], buildings[i % buildings.size()], *rules);
      ++tiers[static_cast<std::size_t>(a.judgment)];
    }
    state.SetIterationTime(secondsSince(start));
  }
  state.SetItemsProcessed(state.iterations() * g.graded);
  state.counters["none_found"] = tiers[0];
  state.counters["some"] = tiers[1];
  state.counters["serious"] = tiers[2];
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  g.houses = bench::envInt("ANJU_BENCH_HOUSES", g.houses);
  g.inspections = bench::envInt("ANJU_BENCH_INSPECTIONS", g.inspections);
  g.graded = bench::envInt("ANJU_BENCH_GRADE", g.graded);
  g.reps = bench::envInt("ANJU_BENCH_REPS", g.reps);
  g.dir = bench::workDir("anju_core_bench");

  // The district store the reads use: one bulk import (timed on its own by BM_InsertHouses).
  g_bigPath = (g.dir / "district.db").string();
  g_bigRegister = makeRegister(g.houses);
  g_big = openOrDie(g_bigPath);
  if (Status s = g_big->putBuildings(g_bigRegister, "bench"); !s) {
    std::fprintf(stderr, "building the district store: %s\n", s.toString().c_str());
    return 1;
  }

  const auto oneShot = [](benchmark::internal::Benchmark* b) {
    b->Iterations(1)
        ->Repetitions(g.reps)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond)
        ->ReportAggregatesOnly(false)
        ->DisplayAggregatesOnly(true);
  };
  const auto repeated = [](benchmark::internal::Benchmark* b) {
    b->Repetitions(g.reps)->Unit(benchmark::kMillisecond)->DisplayAggregatesOnly(true);
  };
  oneShot(benchmark::RegisterBenchmark("core/insert_houses_bulk", BM_InsertHouses)->Arg(g.houses));
  oneShot(benchmark::RegisterBenchmark("core/save_inspections_one_by_one", BM_SaveInspections)
              ->Arg(g.inspections));
  repeated(benchmark::RegisterBenchmark("core/open_store_and_first_page", BM_OpenStoreAndFirstPage)
               ->Arg(g.houses));
  repeated(
      benchmark::RegisterBenchmark("core/list_first_page_50", BM_ListFirstPage)->Arg(g.houses));
  repeated(benchmark::RegisterBenchmark("core/list_page_50_after_row", BM_ListDeepPage)
               ->Arg(g.houses / 2));
  repeated(
      benchmark::RegisterBenchmark("core/page_through_10k_rows", BM_PageThrough10k)->Arg(g.houses));
  repeated(benchmark::RegisterBenchmark("core/list_and_count_one_community", BM_ListOneCommunity)
               ->Arg(g.houses));
  for (const char* query : {"幸福路12号", "幸福路", "幸福", "第7社区", "人民路 12"})
    repeated(benchmark::RegisterBenchmark((std::string("core/search/") + query).c_str(), BM_Search,
                                          query)
                 ->Arg(g.houses));
  oneShot(benchmark::RegisterBenchmark("core/grade_inspections", BM_Grade)->Arg(g.graded));

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  g_big.reset();
  std::filesystem::remove_all(g.dir);
  return 0;
}
