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

/// Builds the frame. `highlighted` is an index into model.houses() (or -1); `position` is my
/// position when known. Only what intersects the view (plus a point's size) is emitted.
MapScene buildMapScene(const HouseMapModel& model, BasemapTiles* basemap, const MapView& view,
                       long highlighted, const std::optional<map::WorldPoint>& position);

/// Draws a scene into `image` with QPainter: the software renderer's path (it cannot draw custom
/// geometry nodes), also used for tests.
void paintMapScene(const MapScene& scene, QImage& image, bool withTiles);

}  // namespace anju::app
