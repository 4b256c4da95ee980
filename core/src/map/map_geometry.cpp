#include "anju/map_geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace anju::map {
namespace {

constexpr double kMaxLatitude = 85.05112878;
constexpr double kEarthRadiusMeters = 6371008.8;

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

double cross(const WorldPoint& o, const WorldPoint& a, const WorldPoint& b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

}  // namespace

WorldPoint project(double latitude, double longitude) {
  const double lat = std::clamp(latitude, -kMaxLatitude, kMaxLatitude);
  const double sinLat = std::sin(radians(lat));
  WorldPoint w;
  w.x = (longitude + 180.0) / 360.0;
  w.y = 0.5 - std::log((1 + sinLat) / (1 - sinLat)) / (4 * std::numbers::pi);
  return w;
}

GeoPoint unproject(const WorldPoint& w) {
  GeoPoint p;
  p.longitude = w.x * 360.0 - 180.0;
  const double n = std::numbers::pi * (1 - 2 * w.y);
  p.latitude = std::atan(std::sinh(n)) * 180.0 / std::numbers::pi;
  return p;
}

double distanceMeters(const GeoPoint& a, const GeoPoint& b) {
  const double dLat = radians(b.latitude - a.latitude);
  const double dLon = radians(b.longitude - a.longitude);
  const double h = std::sin(dLat / 2) * std::sin(dLat / 2) +
                   std::cos(radians(a.latitude)) * std::cos(radians(b.latitude)) *
                       std::sin(dLon / 2) * std::sin(dLon / 2);
  return 2 * kEarthRadiusMeters * std::asin(std::min(1.0, std::sqrt(h)));
}

std::vector<std::size_t> sortByDistance(std::span<const GeoPoint> points, const GeoPoint& from) {
  std::vector<double> distance(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) distance[i] = distanceMeters(from, points[i]);
  std::vector<std::size_t> order(points.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return distance[a] < distance[b]; });
  return order;
}

std::optional<std::size_t> nearestWhere(std::span<const GeoPoint> points, const GeoPoint& from,
                                        const std::function<bool(std::size_t)>& eligible) {
  std::optional<std::size_t> best;
  double bestDistance = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!eligible(i)) continue;
    const double d = distanceMeters(from, points[i]);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}

std::vector<WorldPoint> convexHull(std::vector<WorldPoint> points) {
  std::sort(points.begin(), points.end(), [](const WorldPoint& a, const WorldPoint& b) {
    return a.x < b.x || (a.x == b.x && a.y < b.y);
  });
  points.erase(std::unique(points.begin(), points.end()), points.end());
  if (points.size() < 3) return points;
  std::vector<WorldPoint> hull(2 * points.size());
  std::size_t k = 0;
  for (const WorldPoint& p : points) {  // lower chain
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) --k;
    hull[k++] = p;
  }
  const std::size_t lower = k + 1;
  for (std::size_t i = points.size() - 1; i-- > 0;) {  // upper chain
    while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
    hull[k++] = points[i];
  }
  hull.resize(k - 1);  // the last point repeats the first
  return hull;
}

PointGrid::PointGrid(std::span<const WorldPoint> points, double cellSize)
    : m_points(points.begin(), points.end()), m_cellSize(cellSize > 0 ? cellSize : 1) {
  m_cells.reserve(points.size() / 4 + 1);
  for (std::size_t i = 0; i < m_points.size(); ++i)
    m_cells[key(cell(m_points[i].x), cell(m_points[i].y))].push_back(static_cast<std::uint32_t>(i));
}

std::int64_t PointGrid::cell(double v) const {
  return static_cast<std::int64_t>(std::floor(v / m_cellSize));
}

std::uint64_t PointGrid::key(std::int64_t cx, std::int64_t cy) {
  return (static_cast<std::uint64_t>(cx) << 32) ^ (static_cast<std::uint64_t>(cy) & 0xffffffffu);
}

std::optional<std::size_t> PointGrid::nearest(const WorldPoint& at, double radius) const {
  if (m_points.empty() || !(radius >= 0)) return std::nullopt;
  const std::int64_t x0 = cell(at.x - radius);
  const std::int64_t x1 = cell(at.x + radius);
  const std::int64_t y0 = cell(at.y - radius);
  const std::int64_t y1 = cell(at.y + radius);
  // A radius far larger than the cells (a tap zoomed far out) would visit millions of empty
  // cells; scanning the points is cheaper then.
  const bool scanAll = (x1 - x0 + 1) * (y1 - y0 + 1) > static_cast<std::int64_t>(m_points.size());
  std::optional<std::size_t> best;
  double bestSquared = radius * radius;
  auto consider = [&](std::size_t i) {
    const double dx = m_points[i].x - at.x;
    const double dy = m_points[i].y - at.y;
    const double d = dx * dx + dy * dy;
    if (d < bestSquared || (d == bestSquared && (!best || i < *best))) {
      bestSquared = d;
      best = i;
    }
  };
  if (scanAll) {
    for (std::size_t i = 0; i < m_points.size(); ++i) consider(i);
    return best;
  }
  for (std::int64_t cx = x0; cx <= x1; ++cx) {
    for (std::int64_t cy = y0; cy <= y1; ++cy) {
      const auto found = m_cells.find(key(cx, cy));
      if (found == m_cells.end()) continue;
      for (std::uint32_t i : found->second) consider(i);
    }
  }
  return best;
}

}  // namespace anju::map
