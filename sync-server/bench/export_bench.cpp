// anju_export_bench: how long a register export takes and how much memory it needs, and that
// the memory does not grow with the number of houses.
//
//   anju_export_bench [--houses 10000,100000] [--dir DIR]
//
// For each size it generates a district in DIR/<size>/anju.db (SQLite, the default backend;
// half the houses inspected, a tenth with a rectification), then runs every export in a fresh
// child process (re-executing itself) so that getrusage's ru_maxrss is that export's own peak.
// Prints one line per export, the console queries' latencies, and a table at the end.
//
// The console's queries alone, on SQLite or PostgreSQL (ANJU_BENCH_POSTGRES=conninfo of an
// empty database):  anju_export_bench --populate DIR 100000 && anju_export_bench --query DIR

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "anju/hlc.h"
#include "anju/record_codec.h"
#include "bench_support.h"
#include "export/register_csv.h"
#include "export/register_xlsx.h"
#include "export/statistics_xlsx.h"
#include "service/indexed_storage.h"

namespace {

using namespace anju;
using namespace anju::server;
using Clock = std::chrono::steady_clock;
using anju::bench::maxRssKb;
using anju::bench::runChild;

std::string uuidFor(const char* kind, long n) {
  char out[40];
  std::snprintf(out, sizeof out, "%08lx-0000-4000-8000-%012lx", n, static_cast<long>(kind[0]));
  return out;
}

/// SQLite in `dir`, or the PostgreSQL database named by ANJU_BENCH_POSTGRES (a libpq conninfo
/// of an empty database: populate once, then --query) when that is set.
Result<std::unique_ptr<IndexedStorage>> openBenchStorage(const std::string& dir) {
  if (const char* conninfo = std::getenv("ANJU_BENCH_POSTGRES"); conninfo && *conninfo)
    return openStorage(StorageBackend::kPostgres, dir, PostgresOptions{conninfo});
  return openStorage(StorageBackend::kSqlite, dir, {});
}

int populate(const std::string& dir, long houses) {
  std::filesystem::create_directories(dir);
  auto storage = openBenchStorage(dir);
  if (!storage) {
    std::fprintf(stderr, "%s\n", storage.status().toString().c_str());
    return 1;
  }
  HybridLogicalClock hlc;
  const auto start = Clock::now();
  const char* streets[] = {"城南街道", "城北街道", "江东街道", "江西街道", "新华街道",
                           "解放街道", "人民街道", "和平街道", "建设街道", "朝阳街道"};
  const char* roads[] = {"幸福路", "建设巷", "人民路", "解放大道", "和平里"};
  const long perTx = 5000;
  for (long first = 0; first < houses; first += perTx) {
    auto tx = (*storage)->beginTransaction();
    if (!tx) return 1;
    for (long n = first; n < std::min(houses, first + perTx); ++n) {
      Building b;
      b.id = uuidFor("b", n);
      b.region = {"临江区", streets[n % 10], "第" + std::to_string((n / 10) % 10 + 1) + "社区"};
      b.address = std::string(roads[n % 5]) + std::to_string(n / 5 + 1) + "号";
      b.location = GeoPoint{30.5 + (n % 1000) * 1e-4, 114.2 + (n / 1000) * 1e-4, {}};
      // One owner in a hundred has the two-character surname 欧阳 (a short search term that
      // trigrams cannot answer); phones and house codes are unique, as in a real register.
      b.ownerName = (n % 100 == 7 ? "欧阳" : "产权人") + std::to_string(n);
      b.ownerContact = std::to_string(13900000000L + n * 7919 % 100000000);
      char code[32];
      std::snprintf(code, sizeof code, "LJ%02ld-%07ld", n % 10, n);
      b.buildingCode = code;
      b.yearBuilt = 1980 + static_cast<int>(n % 40);
      b.storeysAbove = 1 + static_cast<int>(n % 6);
      b.structure = n % 3 ? StructureType::kBrickConcrete : StructureType::kBrickTimber;
      std::vector<AnyRecord> records = {b};
      if (n % 2 == 0) {
        Inspection in;
        in.id = uuidFor("i", n);
        in.buildingId = b.id;
        in.inspector = "inspector" + std::to_string(n % 30);
        in.startedAt = 1780272000000 + n * 1000;
        in.submittedAt = in.startedAt + 600000;
        in.templateId = "self_built_house";
        in.templateVersion = 1;
        in.findings.push_back({uuidFor("f", n),
                               Component::kLoadBearingWall,
                               HazardKind::kWallCrack,
                               "一层北侧承重墙",
                               {{"width", 1.2, "mm"}},
                               Severity::kSerious,
                               "",
                               {}});
        in.computedJudgment = static_cast<PreliminaryJudgment>(n % 3);
        in.review = ReviewState::kSubmitted;
        records.push_back(in);
      }
      if (n % 10 == 0) {
        Rectification r;
        r.id = uuidFor("r", n);
        r.buildingId = b.id;
        r.family = MeasureFamily::kEngineering;
        r.measure = "repair_strengthen";
        r.deadline = "2026-12-31";
        r.responsibleParty = "产权人";
        records.push_back(r);
      }
      for (const AnyRecord& record : records) {
        const RecordWrite w = anju::bench::benchWrite(record, b.region, b.id, hlc);
        if (auto seq = (*tx)->putRecord(w); !seq) {
          std::fprintf(stderr, "%s\n", seq.status().toString().c_str());
          return 1;
        }
      }
    }
    if (Status s = (*tx)->commit(); !s) {
      std::fprintf(stderr, "%s\n", s.toString().c_str());
      return 1;
    }
  }
  std::printf("populated %ld houses in %.1f s\n", houses,
              std::chrono::duration<double>(Clock::now() - start).count());
  return 0;
}

/// Child mode: one export, then "rows seconds maxrss_kb bytes" on stdout.
int exportOnce(const std::string& dir, const std::string& format) {
  auto storage = openBenchStorage(dir);
  if (!storage) return 1;
  const long before = maxRssKb();
  const std::string out = dir + "/register." + format;
  const auto start = Clock::now();
  std::int64_t rows = 0;
  StoredRegisterDetails details(**storage);
  if (format == "statistics") {
    auto r = writeStatisticsXlsx(**storage, RegionCodeBook(), {}, out, dir);
    if (!r) {
      std::fprintf(stderr, "%s\n", r.status().toString().c_str());
      return 1;
    }
    rows = *r;
  } else if (format == "xlsx") {
    auto r = writeRegisterXlsx(**storage, details, {}, out, dir);
    if (!r) {
      std::fprintf(stderr, "%s\n", r.status().toString().c_str());
      return 1;
    }
    rows = r->rows;
  } else {
    std::FILE* f = std::fopen(out.c_str(), "wb");
    auto r = writeRegisterCsv(**storage, details, {}, [f](std::string_view b) {
      return std::fwrite(b.data(), 1, b.size(), f) == b.size();
    });
    std::fclose(f);
    if (!r) return 1;
    rows = *r;
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("%lld %.3f %ld %ld %lld\n", static_cast<long long>(rows), seconds, before, maxRssKb(),
              static_cast<long long>(std::filesystem::file_size(out)));
  return 0;
}

/// Child mode: query latencies of the console's calls on the generated register, printed as
/// "name milliseconds" lines (median of 20 runs each).
int queryTimes(const std::string& dir) {
  auto storage = openBenchStorage(dir);
  if (!storage) return 1;
  IndexedStorage& s = **storage;
  // A key in the middle of the register, to show a deep page costs what the first one does.
  std::optional<RegisterKey> middle;
  long seen = 0;
  (void)forEachRegisterRow(s, {}, [&](const RegisterRow& row) {
    if (++seen == 50000 || !middle) middle = keyOf(row);
    return Status::ok();
  });
  RegisterFilter serious;
  serious.judgment = "serious";
  RegisterFilter community;
  community.district = "临江区";
  community.street = "城南街道";
  community.community = "第3社区";
  auto time = [](const char* name, const std::function<bool()>& call) {
    std::vector<double> ms;
    for (int i = 0; i < 20; ++i) {
      const auto start = Clock::now();
      if (!call()) return false;
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%s %.2f\n", name, ms[ms.size() / 2]);
    return true;
  };
  bool ok =
      time("first_page_50", [&] { return s.queryRegister({}, std::nullopt, 50).isOk(); }) &&
      time("deep_page_50", [&] { return s.queryRegister({}, middle, 50).isOk(); }) &&
      time("serious_page_50", [&] { return s.queryRegister(serious, std::nullopt, 50).isOk(); }) &&
      time("community_page_50",
           [&] { return s.queryRegister(community, std::nullopt, 50).isOk(); }) &&
      time("count_all", [&] { return s.countRegister({}).isOk(); }) &&
      time("count_community", [&] { return s.countRegister(community).isOk(); });
  // The 待审核 inbox (half the houses are submitted): its first page, oldest first, and its
  // count, for the whole district and for a reviewer of one street.
  RegisterFilter inbox;
  inbox.review = "submitted";
  RegisterFilter streetInbox = inbox;
  streetInbox.scope = RegionFilter::only({{"临江区", "新华街道", ""}});
  ok = ok &&
       time("inbox_first_page_50",
            [&] { return s.queryByInspectionTime(inbox, std::nullopt, 50).isOk(); }) &&
       time("inbox_first_page_50_one_street",
            [&] { return s.queryByInspectionTime(streetInbox, std::nullopt, 50).isOk(); }) &&
       time("inbox_count", [&] { return s.countRows(inbox).isOk(); }) &&
       time("inbox_count_one_street", [&] { return s.countRows(streetInbox).isOk(); });
  // The search box: each field, a term that matches nothing, a two-character term, and one
  // that matches every house; each the first page of 50 in register order.
  const std::pair<const char*, const char*> searches[] = {
      {"search_phone_full", "13995957919"},      // house 50001's phone
      {"search_phone_last4", "7919"},            // its last four digits
      {"search_house_code", "lj01-0050001"},     // house 50001's code, lower case
      {"search_owner_full", "产权人50001"},      // a whole name
      {"search_address_full", "幸福路10001号"},  // one address (and 幸福路100010号 ...)
      {"search_no_match", "不存在的路"},         // nothing matches
      {"search_two_chars_rare", "欧阳"},         // 1 house in 100, read without trigrams
      {"search_two_chars_every", "产权"},        // 99 in 100
  };
  for (const auto& [name, text] : searches) {
    RegisterFilter search;
    search.searchTerms = searchTerms(text);
    ok = ok && time(name, [&] { return s.queryRegister(search, std::nullopt, 50).isOk(); });
  }
  RegisterFilter streetSearch;
  streetSearch.scope = streetInbox.scope;
  streetSearch.searchTerms = searchTerms("13995957919");
  ok = ok && time("search_phone_full_one_street",
                  [&] { return s.queryRegister(streetSearch, std::nullopt, 50).isOk(); });
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 4 && std::strcmp(argv[1], "--populate") == 0)
    return populate(argv[2], std::atol(argv[3]));
  if (argc >= 4 && std::strcmp(argv[1], "--export") == 0) return exportOnce(argv[2], argv[3]);
  if (argc >= 3 && std::strcmp(argv[1], "--query") == 0) return queryTimes(argv[2]);
  std::string sizes = "10000,100000";
  std::string dir = (std::filesystem::temp_directory_path() / "anju-export-bench").string();
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--houses") == 0)
      sizes = argv[i + 1];
    else if (std::strcmp(argv[i], "--dir") == 0)
      dir = argv[i + 1];
  }
  struct Line {
    long houses;
    std::string format;
    long long rows;
    double seconds;
    long baseKb, peakKb;
    long long bytes;
  };
  std::vector<Line> lines;
  std::stringstream list(sizes);
  std::string size;
  while (std::getline(list, size, ',')) {
    const long houses = std::atol(size.c_str());
    const std::string sub = dir + "/" + size;
    std::filesystem::remove_all(sub);
    std::fputs(runChild({"anju_export_bench", "--populate", sub, size}).c_str(), stdout);
    for (const char* format : {"xlsx", "csv", "statistics"}) {
      const std::string out = runChild({"anju_export_bench", "--export", sub, format});
      Line l{houses, format, 0, 0, 0, 0, 0};
      if (std::sscanf(out.c_str(), "%lld %lf %ld %ld %lld", &l.rows, &l.seconds, &l.baseKb,
                      &l.peakKb, &l.bytes) != 5) {
        std::fprintf(stderr, "export %s of %ld houses failed\n", format, houses);
        return 1;
      }
      std::printf(
          "export %-4s houses=%ld rows=%lld time=%.2fs peak_rss=%.1fMiB "
          "(after opening the database %.1fMiB) file=%.1fMiB\n",
          format, houses, l.rows, l.seconds, l.peakKb / 1024.0, l.baseKb / 1024.0,
          l.bytes / 1048576.0);
      std::fflush(stdout);
      lines.push_back(l);
    }
    std::printf("query latencies at %ld houses (median of 20, ms):\n%s", houses,
                runChild({"anju_export_bench", "--query", sub}).c_str());
    std::filesystem::remove_all(sub);
  }
  std::printf(
      "\n| houses | format | time (s) | rows/s | peak RSS (MiB) | file (MiB) |\n"
      "| ---: | --- | ---: | ---: | ---: | ---: |\n");
  for (const Line& l : lines)
    std::printf("| %ld | %s | %.2f | %.0f | %.1f | %.1f |\n", l.houses, l.format.c_str(), l.seconds,
                l.rows / l.seconds, l.peakKb / 1024.0, l.bytes / 1048576.0);
  return 0;
}
