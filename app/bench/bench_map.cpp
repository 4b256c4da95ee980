// anju_app_bench, the map page at district scale (the database of bench_house_list.cpp: 100 000
// houses with GPS in 200 communities). The real MapPage.qml is loaded into an offscreen window;
// a "frame" is what the window does to show a change: polish (HouseMapItem builds the frame from
// the model), sync (scene-graph nodes) and render, timed through QQuickWindow::grabWindow().
//   - MapOpen: create the page (HouseMapModel reads every house, the spatial grid is built,
//     all houses fitted on screen) and render its first frame;
//   - MapPanFrame/<zoom>: one pan step and its frame, with every house on screen (fit) and at
//     street level;
//   - MapZoomFrame: one zoom step about the centre and its frame;
//   - MapTap: HouseMapItem::buildingAt at street level (the spatial grid).
// Target: each frame under 50 ms (issue #10; docs/app.md, "Benchmark").
#include <QtQml/qqmlextensionplugin.h>
#include <benchmark/benchmark.h>

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <memory>
#include <random>

#include "house_map_item.h"
#include "house_map_model.h"
#include "session.h"

Q_IMPORT_QML_PLUGIN(AnjuPlugin)

anju::app::Session* benchSession();  // bench_house_list.cpp

namespace {

using anju::app::HouseMapItem;
using anju::app::HouseMapModel;

// One offscreen window holding a MapPage, like the app shows it (tool bar aside).
struct MapWindow {
  QQmlEngine engine;
  QQuickWindow window;
  std::unique_ptr<QQuickItem> page;
  HouseMapItem* map = nullptr;
  HouseMapModel* houses = nullptr;

  bool open(benchmark::State& state) {
    static const bool styled = [] {  // once, before the first page: Qt allows no later change
      QQuickStyle::setStyle(QStringLiteral("Material"));
      return true;
    }();
    (void)styled;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    window.resize(1280, 744);
    QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/qt/qml/Anju/MapPage.qml")));
    page.reset(qobject_cast<QQuickItem*>(component.create()));
    if (!page) {
      state.SkipWithError(qPrintable(component.errorString()));
      return false;
    }
    page->setParentItem(window.contentItem());
    page->setSize(QSizeF(1280, 744));
    window.show();
    map = page->findChild<HouseMapItem*>(QStringLiteral("houseMap"));
    houses = map ? map->model() : nullptr;
    if (!map || !houses || houses->locatedCount() == 0) {
      state.SkipWithError("the map page has no houses");
      return false;
    }
    return true;
  }
  void frame() { benchmark::DoNotOptimize(window.grabWindow()); }
};

void MapOpen(benchmark::State& state) {
  int drawn = 0;
  for (auto _ : state) {
    MapWindow w;
    if (!w.open(state)) return;
    w.frame();
    drawn = w.map->drawnSquares();
    state.PauseTiming();
    w.page.reset();
    state.ResumeTiming();
  }
  state.counters["squares"] = drawn;
}
BENCHMARK(MapOpen)->Unit(benchmark::kMillisecond)->Iterations(5);

void MapPanFrame(benchmark::State& state, bool streetLevel) {
  MapWindow w;
  if (!w.open(state)) return;
  w.map->fitAll();
  if (streetLevel) w.map->setZoom(16);
  w.frame();
  int step = 0;
  for (auto _ : state) {
    const double d = (step++ % 2 == 0) ? 24 : -24;  // back and forth: the same houses in view
    w.map->panBy(d, d / 2);
    w.frame();
  }
  state.counters["squares"] = w.map->drawnSquares();
  // ANJU_MAP_BENCH_SHOT=<png>: the last frame of the whole-district view, to look at.
  if (const QString shot = qEnvironmentVariable("ANJU_MAP_BENCH_SHOT");
      !shot.isEmpty() && !streetLevel)
    w.window.grabWindow().save(shot);
}
BENCHMARK_CAPTURE(MapPanFrame, fit_all, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(MapPanFrame, street, true)->Unit(benchmark::kMillisecond);

void MapZoomFrame(benchmark::State& state) {
  MapWindow w;
  if (!w.open(state)) return;
  w.map->fitAll();
  w.map->zoomAt(2, 640, 372);
  w.frame();
  int step = 0;
  for (auto _ : state) {
    w.map->zoomAt((step++ % 2 == 0) ? 0.5 : -0.5, 640, 372);
    w.frame();
  }
  state.counters["squares"] = w.map->drawnSquares();
}
BENCHMARK(MapZoomFrame)->Unit(benchmark::kMillisecond);

void MapTap(benchmark::State& state) {
  MapWindow w;
  if (!w.open(state)) return;
  w.map->fitAll();
  w.map->setZoom(16);
  std::mt19937 random(3);
  std::uniform_real_distribution<double> x(0, 1280);
  std::uniform_real_distribution<double> y(0, 744);
  int hits = 0;
  for (auto _ : state) {
    if (!w.map->buildingAt(x(random), y(random)).isEmpty()) ++hits;
  }
  state.counters["hit_ratio"] = static_cast<double>(hits) / static_cast<double>(state.iterations());
}
BENCHMARK(MapTap)->Unit(benchmark::kMicrosecond);

}  // namespace
