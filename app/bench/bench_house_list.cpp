// anju_app_bench: "My houses" at district scale, measured through the app's own view model.
// A fresh database gets 100 000 houses (and some inspections in every review state), then:
//   - OpenMyHouses: construct HouseListModel, give it the session (count + first page, what QML
//     does when the page opens) and read every role of the first page's rows, as the delegates do;
//   - SearchChinese/<query>: set a Chinese search text on an open model (Store::searchBuildings
//     through HouseListModel::reload) and read the rows a screen shows;
//   - ReturnedOnTop: the returned-inspections strip at the top of My houses.
// Target: each under 50 ms on a release build (docs/app.md, "Benchmark"). The map page's
// benchmarks (open, pan, zoom, tap at 100 000 houses) are in bench_map.cpp.
//
// Usage: anju_app_bench [--houses=N] [Google Benchmark flags]
#include <benchmark/benchmark.h>

#include <QGuiApplication>
#include <QTemporaryDir>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "anju/hlc.h"
#include "anju/uuid.h"
#include "house_list_model.h"
#include "returned_inspection_model.h"
#include "session.h"
#include "synthetic_data.h"

using anju::app::HouseListModel;
using anju::app::ReturnedInspectionModel;
using anju::app::Session;

namespace {
Session* g_session = nullptr;  // borrowed from main()
}  // namespace

/// The benchmark database's session, for bench_map.cpp.
Session* benchSession() { return g_session; }

namespace {

// Inspections on every `stride`-th house, cycling through the review states, so the list's join
// with the latest inspection and the status filter have real rows to work on.
bool addInspections(Session& session, const std::vector<anju::Building>& houses, int stride) {
  const anju::ReviewState states[] = {anju::ReviewState::kDraft, anju::ReviewState::kSubmitted,
                                      anju::ReviewState::kReturned, anju::ReviewState::kApproved};
  const anju::PreliminaryJudgment judgments[] = {anju::PreliminaryJudgment::kSerious,
                                                 anju::PreliminaryJudgment::kSome,
                                                 anju::PreliminaryJudgment::kNoneFound};
  int n = 0;
  for (std::size_t i = 0; i < houses.size(); i += static_cast<std::size_t>(stride), ++n) {
    anju::Inspection in;
    in.id = anju::newUuid();
    in.buildingId = houses[i].id;
    in.inspector = "bench";
    in.startedAt = anju::systemNowMs() - 3600 * 1000;
    in.templateId = session.checklist().id;
    in.templateVersion = session.checklist().version;
    in.computedJudgment = judgments[n % 3];
    in.judgmentExplanation = "bench";
    const anju::ReviewState target = states[n % 4];
    if (target != anju::ReviewState::kDraft) {
      in.review = anju::ReviewState::kSubmitted;
      in.submittedAt = in.startedAt + 1000;
    }
    if (auto st = session.store()->putInspection(in, "bench"); !st) {
      std::fprintf(stderr, "inspection: %s\n", st.status().toString().c_str());
      return false;
    }
    if (target == anju::ReviewState::kReturned || target == anju::ReviewState::kApproved) {
      in.review = target;
      if (target == anju::ReviewState::kReturned) in.reviewComment = "请补拍裂缝近景照片";
      if (auto st = session.store()->putInspection(in, "reviewer"); !st) {
        std::fprintf(stderr, "review: %s\n", st.status().toString().c_str());
        return false;
      }
    }
  }
  return true;
}

// Reads what a delegate binds, so lazily computed roles are part of the figure.
void readRows(const HouseListModel& model, int rows, benchmark::State& state,
              bool mustFind = true) {
  const QList<int> roles = model.roleNames().keys();
  for (int r = 0; r < rows && r < model.rowCount(); ++r) {
    const QModelIndex idx = model.index(r);
    for (int role : roles) benchmark::DoNotOptimize(model.data(idx, role));
  }
  if (mustFind && model.rowCount() == 0) state.SkipWithError("the list is empty");
}

void OpenMyHouses(benchmark::State& state) {
  for (auto _ : state) {
    HouseListModel model;
    model.setSession(g_session);
    readRows(model, model.rowCount(), state);
    benchmark::DoNotOptimize(model.totalCount());
  }
}
BENCHMARK(OpenMyHouses)->Unit(benchmark::kMillisecond);

void SearchChinese(benchmark::State& state, const char* query) {
  // "no_match" legitimately finds nothing; readRows only flags an empty list for real queries.
  HouseListModel model;
  model.setSession(g_session);
  qint64 results = 0;
  for (auto _ : state) {
    model.setSearchText(QString::fromUtf8(query));
    readRows(model, 12, state, std::strcmp(query, "不存在的路") != 0);  // one screen of rows
    if (state.error_occurred()) break;  // e.g. a register too small to hold that address
    state.PauseTiming();
    results = model.totalCount();
    model.setSearchText(QString());
    state.ResumeTiming();
  }
  state.counters["results"] = static_cast<double>(results);
}
BENCHMARK_CAPTURE(SearchChinese, road, "幸福路")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(SearchChinese, address, "人民路99号")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(SearchChinese, community, "第7社区")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(SearchChinese, two_terms, "东风街道 长江路")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(SearchChinese, no_match, "不存在的路")->Unit(benchmark::kMillisecond);

void ReturnedOnTop(benchmark::State& state) {
  for (auto _ : state) {
    ReturnedInspectionModel model;
    model.setSession(g_session);
    benchmark::DoNotOptimize(model.rowCount());
  }
}
BENCHMARK(ReturnedOnTop)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  int houses = 100000;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--houses=", 9) == 0)
      houses = std::atoi(argv[i] + 9);
    else
      args.push_back(argv[i]);
  }
  int benchArgc = static_cast<int>(args.size());
  // The map benchmarks render a window: offscreen unless the caller chose a platform.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(benchArgc, args.data());
  QTemporaryDir dir;
  Session session(nullptr);
  if (!dir.isValid() || !session.open(dir.filePath(QStringLiteral("bench.db")))) {
    std::fprintf(stderr, "cannot open the database: %s\n", qPrintable(session.errorString()));
    return 1;
  }
  session.setUserName(QStringLiteral("bench"));
  std::vector<anju::Building> buildings;
  buildings.reserve(static_cast<std::size_t>(houses));
  for (int i = 0; i < houses; ++i) buildings.push_back(anju::bench::syntheticDistrictBuilding(i));
  if (auto st = session.store()->putBuildings(buildings, "bench"); !st) {
    std::fprintf(stderr, "import: %s\n", st.toString().c_str());
    return 1;
  }
  if (!addInspections(session, buildings, 97)) return 1;
  std::printf("database: %d houses, an inspection on every 97th\n", houses);
  g_session = &session;
  Session::setInstance(&session);  // the QML pages' `Session` singleton
  benchmark::Initialize(&benchArgc, args.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  Session::setInstance(nullptr);
  return 0;
}
