// HouseMapItem: the map of my houses, drawn by the scene graph — every house one square in one
// batched geometry node (not a QML delegate per house), community outlines as one line node,
// basemap tiles as image nodes. Pan and zoom are methods the page's gesture handlers call; a tap
// is answered by buildingAt(), which asks a spatial grid (map_geometry.h) instead of scanning.
//
// The hardware renderers (OpenGL, Vulkan, … through QRhi) get QSGGeometryNodes; Qt Quick's
// software renderer cannot draw custom geometry, so there the same frame is painted into one
// image node (house_map_nodes.cpp). Both draw the same MapScene (house_map_scene.h).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QPointer>
#include <QQuickItem>
#include <optional>

#include "anju/map_geometry.h"
#include "basemap_tiles.h"
#include "house_map_model.h"
#include "house_map_scene.h"

namespace anju::app {

class HouseMapItem : public QQuickItem {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(anju::app::HouseMapModel* model READ model WRITE setModel NOTIFY modelChanged)
  Q_PROPERTY(anju::app::BasemapTiles* basemap READ basemap WRITE setBasemap NOTIFY basemapChanged)
  Q_PROPERTY(double zoom READ zoom WRITE setZoom NOTIFY viewChanged)
  Q_PROPERTY(double centerLatitude READ centerLatitude NOTIFY viewChanged)
  Q_PROPERTY(double centerLongitude READ centerLongitude NOTIFY viewChanged)
  /// The house drawn with a ring ("" none).
  Q_PROPERTY(
      QString highlightedId READ highlightedId WRITE setHighlightedId NOTIFY highlightedIdChanged)
  /// Squares drawn in the last frame (houses, rings, my position): for tests and the benchmark.
  Q_PROPERTY(int drawnSquares READ drawnSquares NOTIFY frameBuilt)

 public:
  static constexpr double kMinZoom = 3;
  static constexpr double kMaxZoom = 20;
  /// How far from a point a finger may land and still pick it, in item pixels.
  static constexpr double kTapRadius = 22;

  explicit HouseMapItem(QQuickItem* parent = nullptr);

  HouseMapModel* model() const { return m_model; }
  void setModel(HouseMapModel* model);
  BasemapTiles* basemap() const { return m_basemap; }
  void setBasemap(BasemapTiles* basemap);
  double zoom() const { return m_view.zoom; }
  void setZoom(double zoom);
  double centerLatitude() const;
  double centerLongitude() const;
  QString highlightedId() const { return m_highlightedId; }
  void setHighlightedId(const QString& id);
  int drawnSquares() const { return m_drawnSquares; }

  /// Moves the map with the finger: content moves by (dx, dy) pixels.
  Q_INVOKABLE void panBy(double dx, double dy);
  /// Zooms by `steps` (1 = twice as large) keeping the world point under (x, y) in place.
  Q_INVOKABLE void zoomAt(double steps, double x, double y);
  Q_INVOKABLE void centerOnCoordinate(double latitude, double longitude);
  /// Centres on a house (no zoom change below street level); false for a house without GPS.
  Q_INVOKABLE bool centerOn(const QString& buildingId);
  /// Shows every house with GPS.
  Q_INVOKABLE void fitAll();
  /// The house whose point is nearest to (x, y) within kTapRadius, "" when none.
  Q_INVOKABLE QString buildingAt(double x, double y) const;
  /// Where a house is drawn, in item pixels (a null point for an unknown house or no GPS).
  Q_INVOKABLE QPointF pointOf(const QString& buildingId) const;

 signals:
  void modelChanged();
  void basemapChanged();
  void viewChanged();
  void highlightedIdChanged();
  void frameBuilt();

 protected:
  void updatePolish() override;
  QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData* data) override;
  void geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) override;

 private:
  void onPointsChanged();
  void requestFrame();

  QPointer<HouseMapModel> m_model;
  QPointer<BasemapTiles> m_basemap;
  MapView m_view;
  bool m_fitPending = true;  // fit all houses once the item has a size and the model has points
  QString m_highlightedId;
  map::PointGrid m_grid;
  std::vector<std::size_t> m_gridHouse;  // grid index -> house index
  MapScene m_scene;                      // built in updatePolish, consumed by updatePaintNode
  int m_drawnSquares = 0;
};

}  // namespace anju::app
