// What the map page draws in one frame, in item (screen) pixels: coloured squares for houses, my
// position and the highlighted house; line segments for community outlines; basemap tiles. Built
// on the GUI thread from the model and the view (HouseMapItem::updatePolish), then turned into
// scene-graph nodes by house_map_nodes.cpp. Plain data so it can be tested and benchmarked alone.
#pragma once

#include <QColor>
#include <QImage>
#include <QLineF>
#include <QRectF>
#include <QSizeF>
#include <cstddef>
#include <optional>
#include <vector>

#include "anju/map_geometry.h"

namespace anju::app {

class HouseMapModel;
class BasemapTiles;

/// The view: which world point is at the item's centre, and the zoom (the world is 256·2^zoom
/// pixels wide, as for slippy-map tiles).
struct MapView {
  map::WorldPoint center{0.5, 0.5};
  double zoom = 2;
  QSizeF size;

  double scale() const;  // pixels per world unit
  QPointF toScreen(const map::WorldPoint& w) const;
  map::WorldPoint toWorld(const QPointF& p) const;
};

struct MapSquare {
  QPointF center;
  float halfSize = 0;
  QRgb color = 0;  // premultiplied-ready: always opaque
};

struct MapTile {
  QRectF rect;  // in item pixels
  QImage image;
  quint64 key = 0;
};

struct MapScene {
  std::vector<MapTile> tiles;      // drawn first
  std::vector<QLineF> outlines;    // then the community outlines
  std::vector<MapSquare> squares;  // then houses, highlight, my position — in drawing order
};

/// Point sizes in item pixels.
inline constexpr float kHousePointHalf = 5;
inline constexpr float kToVisitHoleHalf = 2.5;
inline constexpr float kHighlightHalf = 11;

/// From this many houses on screen, houses sharing a 4 px screen cell (a house square is 10 px)
/// are drawn once, the one on top: far out, 100 000 houses cover some 45 000 cells (docs/app.md,
/// "Map page benchmark").
inline constexpr std::size_t kDedupeFrom = 4096;

/// Builds the frame. `highlighted` is an index into model.houses() (or -1); `position` is my
/// position when known. Only what intersects the view (plus a point's size) is emitted, and only
/// the topmost house of a cell once `dedupeFrom` houses are on screen.
MapScene buildMapScene(const HouseMapModel& model, BasemapTiles* basemap, const MapView& view,
                       long highlighted, const std::optional<map::WorldPoint>& position,
                       std::size_t dedupeFrom = kDedupeFrom);

/// Draws a scene into `image` with QPainter: the software renderer's path (it cannot draw custom
/// geometry nodes), also used for tests.
void paintMapScene(const MapScene& scene, QImage& image, bool withTiles);

}  // namespace anju::app
