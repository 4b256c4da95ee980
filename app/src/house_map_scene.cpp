#include "house_map_scene.h"

#include <QPainter>
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "basemap_tiles.h"
#include "house_map_model.h"

namespace anju::app {
namespace {

constexpr QRgb kWhite = 0xFFFFFFFF;
constexpr QRgb kHighlight = 0xFFFFC107;  // amber ring under the chosen house
constexpr QRgb kPosition = 0xFF1565C0;   // Theme.primary
constexpr QRgb kOutline = 0xFF5C6BC0;    // community outline

void addTiles(BasemapTiles& basemap, const MapView& view, MapScene& scene) {
  const int tileZoom =
      std::clamp(static_cast<int>(std::round(view.zoom)), basemap.minZoom(), basemap.maxZoom());
  const double tiles = std::ldexp(1.0, tileZoom);
  const double tilePixels = view.scale() / tiles;
  const map::WorldPoint topLeft = view.toWorld({0, 0});
  const map::WorldPoint bottomRight = view.toWorld({view.size.width(), view.size.height()});
  const int x0 = std::max(0, static_cast<int>(std::floor(topLeft.x * tiles)));
  const int y0 = std::max(0, static_cast<int>(std::floor(topLeft.y * tiles)));
  const int x1 = std::min(static_cast<int>(tiles) - 1, static_cast<int>(bottomRight.x * tiles));
  const int y1 = std::min(static_cast<int>(tiles) - 1, static_cast<int>(bottomRight.y * tiles));
  if ((x1 - x0 + 1) * (y1 - y0 + 1) > 400) return;  // far outside the bureau's zoom range
  for (int x = x0; x <= x1; ++x) {
    for (int y = y0; y <= y1; ++y) {
      QImage image = basemap.tile(tileZoom, x, y);
      if (image.isNull()) continue;
      const QPointF origin = view.toScreen({x / tiles, y / tiles});
      scene.tiles.push_back({QRectF(origin, QSizeF(tilePixels, tilePixels)), std::move(image),
                             (quint64(tileZoom) << 58) | (quint64(x) << 29) | quint64(y)});
    }
  }
}

// A house on screen; `point` null once hidden under another house of its cell.
struct OnScreen {
  const MapPoint* point;
  QPointF at;
};

// Far out, thousands of houses share a few screen pixels and each square covers its neighbours:
// only the house drawn last in each kDedupeCellPx cell can be seen there, so the others are
// dropped (drawing order kept).
constexpr double kDedupeCellPx = 4;

void keepTopmostPerCell(std::vector<OnScreen>& shown, const QRectF& area) {
  const auto columns = static_cast<std::size_t>(std::ceil(area.width() / kDedupeCellPx)) + 1;
  const auto rows = static_cast<std::size_t>(std::ceil(area.height() / kDedupeCellPx)) + 1;
  const auto cellOf = [&](const QPointF& at) {
    const auto x = static_cast<std::size_t>((at.x() - area.left()) / kDedupeCellPx);
    const auto y = static_cast<std::size_t>((at.y() - area.top()) / kDedupeCellPx);
    return std::min(y, rows - 1) * columns + std::min(x, columns - 1);
  };
  constexpr std::uint32_t kNone = 0xFFFFFFFF;
  std::vector<std::uint32_t> topmost(columns * rows, kNone);
  for (std::size_t i = 0; i < shown.size(); ++i)
    topmost[cellOf(shown[i].at)] = static_cast<std::uint32_t>(i);
  for (std::size_t i = 0; i < shown.size(); ++i)
    if (topmost[cellOf(shown[i].at)] != i) shown[i].point = nullptr;
}

}  // namespace

double MapView::scale() const { return 256.0 * std::exp2(zoom); }

QPointF MapView::toScreen(const map::WorldPoint& w) const {
  const double s = scale();
  return {(w.x - center.x) * s + size.width() / 2, (w.y - center.y) * s + size.height() / 2};
}

map::WorldPoint MapView::toWorld(const QPointF& p) const {
  const double s = scale();
  return {center.x + (p.x() - size.width() / 2) / s, center.y + (p.y() - size.height() / 2) / s};
}

MapScene buildMapScene(const HouseMapModel& model, BasemapTiles* basemap, const MapView& view,
                       long highlighted, const std::optional<map::WorldPoint>& position,
                       std::size_t dedupeFrom) {
  MapScene scene;
  if (basemap && basemap->isLoaded()) addTiles(*basemap, view, scene);
  const QRectF visible =
      QRectF(QPointF(0, 0), view.size)
          .adjusted(-kHighlightHalf, -kHighlightHalf, kHighlightHalf, kHighlightHalf);
  for (const auto& outline : model.outlines()) {
    for (std::size_t i = 0; i < outline.size(); ++i) {
      const QLineF line(view.toScreen(outline[i]),
                        view.toScreen(outline[(i + 1) % outline.size()]));
      if (visible.intersects(QRectF(line.p1(), line.p2()).normalized().adjusted(-1, -1, 1, 1)))
        scene.outlines.push_back(line);
    }
  }
  const std::vector<MapPoint>& points = model.points();
  std::vector<OnScreen> shown;
  shown.reserve(points.size());
  const MapPoint* chosen = nullptr;
  for (const MapPoint& p : points) {
    const QPointF at = view.toScreen(p.world);
    if (!visible.contains(at)) continue;
    if (static_cast<long>(p.house) == highlighted) chosen = &p;
    shown.push_back({&p, at});
  }
  if (shown.size() >= dedupeFrom) keepTopmostPerCell(shown, visible);
  scene.squares.reserve(shown.size() * 2 + 6);
  for (const OnScreen& s : shown) {
    if (!s.point) continue;
    scene.squares.push_back({s.at, kHousePointHalf, s.point->color.rgb()});
    if (s.point->toVisit) scene.squares.push_back({s.at, kToVisitHoleHalf, kWhite});
  }
  if (chosen) {  // drawn again on top, with a ring, so it is never hidden by its neighbours
    const QPointF at = view.toScreen(chosen->world);
    scene.squares.push_back({at, kHighlightHalf, kHighlight});
    scene.squares.push_back({at, kHousePointHalf + 1, chosen->color.rgb()});
    if (chosen->toVisit) scene.squares.push_back({at, kToVisitHoleHalf, kWhite});
  }
  if (position) {
    const QPointF at = view.toScreen(*position);
    // A target (white, blue, white centre): no house square looks like it.
    scene.squares.push_back({at, 9, kWhite});
    scene.squares.push_back({at, 7, kPosition});
    scene.squares.push_back({at, 2.5, kWhite});
  }
  return scene;
}

void paintMapScene(const MapScene& scene, QImage& image, bool withTiles) {
  QPainter painter(&image);
  if (withTiles)
    for (const MapTile& t : scene.tiles) painter.drawImage(t.rect, t.image);
  if (!scene.outlines.empty()) {
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(QColor::fromRgba(kOutline), 2, Qt::DashLine));
    painter.drawLines(scene.outlines.data(), static_cast<int>(scene.outlines.size()));
    painter.setRenderHint(QPainter::Antialiasing, false);
  }
  for (const MapSquare& s : scene.squares) {
    const double size = 2.0 * s.halfSize;
    painter.fillRect(QRectF(s.center.x() - s.halfSize, s.center.y() - s.halfSize, size, size),
                     QColor::fromRgba(s.color));
  }
}

}  // namespace anju::app
