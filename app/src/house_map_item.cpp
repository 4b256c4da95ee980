#include "house_map_item.h"

#include <algorithm>
#include <cmath>

#include "basemap_tiles.h"
#include "house_map_model.h"
#include "localized.h"

namespace anju::app {
namespace {

// Grid cells about a tap radius wide at street level (zoom 16); coarser zooms visit more cells,
// and the grid falls back to a scan when that would be more work.
constexpr double kGridCell = HouseMapItem::kTapRadius / (256.0 * 65536.0);

}  // namespace

HouseMapItem::HouseMapItem(QQuickItem* parent) : QQuickItem(parent) {
  setFlag(ItemHasContents, true);
  setClip(true);
}

void HouseMapItem::setModel(HouseMapModel* model) {
  if (model == m_model) return;
  if (m_model) disconnect(m_model, nullptr, this, nullptr);
  m_model = model;
  if (m_model) {
    connect(m_model, &HouseMapModel::pointsChanged, this, &HouseMapItem::onPointsChanged);
    connect(m_model, &HouseMapModel::positionChanged, this, &HouseMapItem::requestFrame);
  }
  m_fitPending = true;
  onPointsChanged();
  emit modelChanged();
}

void HouseMapItem::setBasemap(BasemapTiles* basemap) {
  if (basemap == m_basemap) return;
  if (m_basemap) disconnect(m_basemap, nullptr, this, nullptr);
  m_basemap = basemap;
  if (m_basemap) connect(m_basemap, &BasemapTiles::pathChanged, this, &HouseMapItem::requestFrame);
  requestFrame();
  emit basemapChanged();
}

void HouseMapItem::onPointsChanged() {
  std::vector<map::WorldPoint> world;
  m_gridHouse.clear();
  if (m_model) {
    world.reserve(m_model->points().size());
    m_gridHouse.reserve(m_model->points().size());
    for (const MapPoint& p : m_model->points()) {
      world.push_back(p.world);
      m_gridHouse.push_back(p.house);
    }
  }
  m_grid = map::PointGrid(world, kGridCell);
  if (m_fitPending) fitAll();
  requestFrame();
}

void HouseMapItem::requestFrame() {
  polish();
  update();
}

void HouseMapItem::setZoom(double zoom) {
  const double clamped = std::clamp(zoom, kMinZoom, kMaxZoom);
  if (!std::isfinite(zoom) || clamped == m_view.zoom) return;
  m_view.zoom = clamped;
  m_fitPending = false;
  emit viewChanged();
  requestFrame();
}

double HouseMapItem::centerLatitude() const { return map::unproject(m_view.center).latitude; }
double HouseMapItem::centerLongitude() const { return map::unproject(m_view.center).longitude; }

void HouseMapItem::setHighlightedId(const QString& id) {
  if (id == m_highlightedId) return;
  m_highlightedId = id;
  emit highlightedIdChanged();
  requestFrame();
}

void HouseMapItem::panBy(double dx, double dy) {
  if (!std::isfinite(dx) || !std::isfinite(dy)) return;
  const double s = m_view.scale();
  m_view.center.x = std::clamp(m_view.center.x - dx / s, 0.0, 1.0);
  m_view.center.y = std::clamp(m_view.center.y - dy / s, 0.0, 1.0);
  m_fitPending = false;
  emit viewChanged();
  requestFrame();
}

void HouseMapItem::zoomAt(double steps, double x, double y) {
  if (!std::isfinite(steps) || steps == 0) return;
  const map::WorldPoint anchor = m_view.toWorld({x, y});
  const double zoom = std::clamp(m_view.zoom + steps, kMinZoom, kMaxZoom);
  if (zoom == m_view.zoom) return;
  m_view.zoom = zoom;
  // Keep `anchor` under (x, y): move the centre by what the anchor moved on screen.
  const QPointF moved = m_view.toScreen(anchor);
  const double s = m_view.scale();
  m_view.center.x += (moved.x() - x) / s;
  m_view.center.y += (moved.y() - y) / s;
  m_fitPending = false;
  emit viewChanged();
  requestFrame();
}

void HouseMapItem::centerOnCoordinate(double latitude, double longitude) {
  if (!std::isfinite(latitude) || !std::isfinite(longitude)) return;
  m_view.center = map::project(latitude, longitude);
  m_fitPending = false;
  emit viewChanged();
  requestFrame();
}

bool HouseMapItem::centerOn(const QString& buildingId) {
  if (!m_model) return false;
  const auto house = m_model->houseIndex(buildingId);
  if (!house || !m_model->houses()[*house].location) return false;
  m_view.center = map::project(*m_model->houses()[*house].location);
  m_view.zoom = std::max(m_view.zoom, 16.0);
  m_fitPending = false;
  emit viewChanged();
  requestFrame();
  return true;
}

void HouseMapItem::fitAll() {
  if (!m_model || m_model->points().empty() || width() <= 0 || height() <= 0) return;
  double minX = 1;
  double minY = 1;
  double maxX = 0;
  double maxY = 0;
  for (const MapPoint& p : m_model->points()) {
    minX = std::min(minX, p.world.x);
    maxX = std::max(maxX, p.world.x);
    minY = std::min(minY, p.world.y);
    maxY = std::max(maxY, p.world.y);
  }
  m_view.center = {(minX + maxX) / 2, (minY + maxY) / 2};
  // The zoom at which the box fills the item less a margin of two points on every side.
  const double spanX = std::max(maxX - minX, 1e-9);
  const double spanY = std::max(maxY - minY, 1e-9);
  const double usableW = std::max(1.0, width() - 8 * kHousePointHalf);
  const double usableH = std::max(1.0, height() - 8 * kHousePointHalf);
  const double zoom = std::log2(std::min(usableW / spanX, usableH / spanY) / 256.0);
  m_view.zoom = std::clamp(zoom, kMinZoom, 18.0);
  m_fitPending = false;
  emit viewChanged();
  requestFrame();
}

QString HouseMapItem::buildingAt(double x, double y) const {
  if (!m_model) return {};
  const map::WorldPoint at = m_view.toWorld({x, y});
  const auto found = m_grid.nearest(at, kTapRadius / m_view.scale());
  if (!found) return {};
  return toQString(m_model->houses()[m_gridHouse[*found]].summary.id);
}

QPointF HouseMapItem::pointOf(const QString& buildingId) const {
  if (!m_model) return {};
  const auto house = m_model->houseIndex(buildingId);
  if (!house || !m_model->houses()[*house].location) return {};
  return m_view.toScreen(map::project(*m_model->houses()[*house].location));
}

void HouseMapItem::geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) {
  QQuickItem::geometryChange(newGeometry, oldGeometry);
  m_view.size = newGeometry.size();
  if (m_fitPending) fitAll();
  requestFrame();
}

void HouseMapItem::updatePolish() {
  m_view.size = size();
  long highlighted = -1;
  std::optional<map::WorldPoint> position;
  if (m_model) {
    if (const auto h = m_model->houseIndex(m_highlightedId)) highlighted = static_cast<long>(*h);
    if (m_model->hasPosition()) position = map::project(m_model->latitude(), m_model->longitude());
    m_scene = buildMapScene(*m_model, m_basemap, m_view, highlighted, position);
  } else {
    m_scene = {};
  }
  const int squares = static_cast<int>(m_scene.squares.size());
  if (squares != m_drawnSquares) m_drawnSquares = squares;
  emit frameBuilt();
}

}  // namespace anju::app
