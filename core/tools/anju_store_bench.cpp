// anju_store_bench: imports N synthetic houses into a fresh store and times the operations the
// tablet does at that size (bulk import, first/deep list pages, counts, address search).
//
// Usage: anju_store_bench <database path (created, must not exist)> [houses, default 100000]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "anju/store.h"
#include "anju/uuid.h"

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

const char* const kStreets[] = {"幸福街道", "东风街道", "和平街道", "光明街道", "建设街道"};
const char* const kRoads[] = {"幸福路", "人民路", "解放路", "中山路", "建设路",
                              "和平路", "友谊路", "长江路", "黄河路", "新华路"};

anju::Building syntheticBuilding(int i) {
  anju::Building b;
  b.id = anju::newUuid();
  b.region = {"城关区", kStreets[i % 5], "第" + std::to_string(i % 40) + "社区"};
  b.address = std::string(kRoads[(i / 7) % 10]) + std::to_string(i % 997) + "号";
  b.ownerName = "户主" + std::to_string(i);
  b.storeysAbove = 1 + i % 4;
  b.yearBuilt = 1980 + i % 40;
  b.structure = anju::StructureType::kBrickConcrete;
  return b;
}

template <typename F>
void timed(const char* what, F&& f) {
  const auto start = Clock::now();
  const std::string result = f();
  std::printf("%-44s %9.1f ms  %s\n", what, msSince(start), result.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <new database path> [houses]\n", argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  const int houses = argc > 2 ? std::stoi(argv[2]) : 100000;
  if (std::filesystem::exists(path)) {
    std::fprintf(stderr, "%s exists; give a new path\n", path.c_str());
    return 2;
  }
  anju::StoreOptions options;
  options.deviceId = "bench";
  auto opened = anju::Store::open(path, options);
  if (!opened) {
    std::fprintf(stderr, "%s\n", opened.status().toString().c_str());
    return 1;
  }
  anju::Store& store = **opened;

  std::vector<anju::Building> buildings;
  buildings.reserve(static_cast<std::size_t>(houses));
  for (int i = 0; i < houses; ++i) buildings.push_back(syntheticBuilding(i));

  bool ok = true;
  auto report = [&](const anju::Status& s) {
    if (!s.isOk()) {
      ok = false;
      return s.toString();
    }
    return std::string("ok");
  };
  timed("putBuildings (one transaction)",
        [&] { return report(store.putBuildings(buildings, "bench")); });

  anju::BuildingFilter community;
  community.district = "城关区";
  community.street = "幸福街道";
  community.community = "第10社区";
  std::optional<anju::BuildingSummary> last;
  timed("listBuildings first page of 50", [&] {
    auto page = store.listBuildings({}, 50);
    if (page && !page->empty()) last = page->back();
    return page ? std::to_string(page->size()) + " rows" : report(page.status());
  });
  timed("listBuildings 200 pages of 50 (keyset)", [&] {
    std::size_t rows = 0;
    for (int p = 0; p < 200; ++p) {
      auto page = store.listBuildings({}, 50, last);
      if (!page) return report(page.status());
      if (page->empty()) break;
      rows += page->size();
      last = page->back();
    }
    return std::to_string(rows) + " rows";
  });
  timed("listBuildings one community, first page", [&] {
    auto page = store.listBuildings(community, 50);
    return page ? std::to_string(page->size()) + " rows" : report(page.status());
  });
  timed("countBuildings all", [&] {
    auto n = store.countBuildings({});
    return n ? std::to_string(*n) : report(n.status());
  });
  timed("countBuildings one community", [&] {
    auto n = store.countBuildings(community);
    return n ? std::to_string(*n) : report(n.status());
  });
  anju::BuildingFilter uninspected;
  uninspected.inspected = false;
  timed("countBuildings not yet inspected", [&] {
    auto n = store.countBuildings(uninspected);
    return n ? std::to_string(*n) : report(n.status());
  });
  for (const char* query : {"幸福路12号", "幸福路", "人民路5", "幸福", "12", "幸福街道 人民路"}) {
    const std::string label = std::string("searchBuildings \"") + query + "\" limit 50";
    timed(label.c_str(), [&] {
      auto found = store.searchBuildings(query, 50);
      return found ? std::to_string(found->size()) + " rows" : report(found.status());
    });
  }
  std::printf("database size: %.1f MB\n",
              static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0));
  return ok ? 0 : 1;
}
