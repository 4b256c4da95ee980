// Map geometry for the tablet's offline map of my houses: the Web Mercator projection, great-circle
// distance, "nearest house still to visit", a distance-sorted list, a spatial grid for tapping a
// point among 100 000, and convex hulls for region outlines. Plain values, no Qt, no I/O; all
// functions are pure and thread-safe.
//
// World coordinates are Web Mercator (EPSG:3857) normalised to the unit square: x = 0 at 180°W,
// 1 at 180°E; y = 0 at the top (85.05°N), 1 at the bottom. At zoom z the world is 256·2^z pixels
// wide, which is how the slippy-map tiles of an MBTiles basemap are addressed, so points and
// tiles share one transform.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "anju/model.h"

namespace anju::map {

/// A position in normalised Web Mercator world coordinates (see above).
struct WorldPoint {
  double x = 0;
  double y = 0;
  bool operator==(const WorldPoint&) const = default;
};

/// Latitudes beyond ±85.05112878° (the square's edge) are clamped to it.
WorldPoint project(double latitude, double longitude);
inline WorldPoint project(const GeoPoint& p) { return project(p.latitude, p.longitude); }
/// The inverse of project(); the accuracy field of the result is empty.
GeoPoint unproject(const WorldPoint& w);

/// Great-circle distance in metres (haversine on a sphere of radius 6 371 008.8 m; within 0.5 % of
/// the ellipsoid, plenty to rank doors a few hundred metres apart).
double distanceMeters(const GeoPoint& a, const GeoPoint& b);

/// Indices of `points` ordered by distance from `from`, nearest first; ties keep input order.
std::vector<std::size_t> sortByDistance(std::span<const GeoPoint> points, const GeoPoint& from);

/// The index of the point nearest to `from` among those `eligible(index)` accepts, or nullopt when
/// none is eligible.
std::optional<std::size_t> nearestWhere(std::span<const GeoPoint> points, const GeoPoint& from,
                                        const std::function<bool(std::size_t)>& eligible);

/// Andrew's monotone chain: the convex hull of `points`, counter-clockwise in world coordinates
/// (y down), without repeating the first point. Fewer than three distinct points give those
/// points (a dot or a segment), which a caller may skip drawing.
std::vector<WorldPoint> convexHull(std::vector<WorldPoint> points);

/// A uniform grid over world coordinates answering "which point is nearest to this tap, within
/// this radius?" by looking only at the cells the radius touches. Built once per set of points
/// (O(n)); a query at 100 000 points looks at a handful of cells. The grid keeps its own copy of
/// the points; answers are indices into the span it was built from.
class PointGrid {
 public:
  PointGrid() = default;
  /// `cellSize` in world units; choose about the tap radius at the zoom where taps matter most
  /// (a larger radius just visits more cells).
  PointGrid(std::span<const WorldPoint> points, double cellSize);

  /// The index of the point nearest to `at` with a distance ≤ `radius` (world units), or nullopt.
  /// Ties go to the lower index, so the answer does not depend on hash order.
  std::optional<std::size_t> nearest(const WorldPoint& at, double radius) const;

  std::size_t size() const { return m_points.size(); }

 private:
  static std::uint64_t key(std::int64_t cx, std::int64_t cy);
  std::int64_t cell(double v) const;

  std::vector<WorldPoint> m_points;
  double m_cellSize = 1;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> m_cells;
};

}  // namespace anju::map
