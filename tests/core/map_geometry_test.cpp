// The offline map's geometry (map_geometry.h): projection, distances, nearest still-to-visit,
// distance sort, hit testing on the grid, community outlines.
#include "anju/map_geometry.h"

#include <gtest/gtest.h>

#include <random>

namespace anju::map {
namespace {

GeoPoint at(double latitude, double longitude) { return {latitude, longitude, std::nullopt}; }

TEST(Projection, KnownPointsLandWhereSlippyTilesPutThem) {
  EXPECT_DOUBLE_EQ(project(0, 0).x, 0.5);
  EXPECT_NEAR(project(0, 0).y, 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(project(0, -180).x, 0.0);
  EXPECT_NEAR(project(85.05112878, 0).y, 0.0, 1e-9);
  // Wuhan (30.6°N, 114.3°E) is in tile 13/6696/3364 (the OpenStreetMap wiki formula).
  const WorldPoint w = project(30.6, 114.3);
  EXPECT_EQ(static_cast<int>(w.x * 8192), 6696);
  EXPECT_EQ(static_cast<int>(w.y * 8192), 3364);
}

TEST(Projection, UnprojectInvertsProject) {
  for (double lat : {-60.0, -1.5, 0.0, 30.6, 45.25, 80.0}) {
    for (double lon : {-170.0, 0.0, 114.3}) {
      const GeoPoint back = unproject(project(lat, lon));
      EXPECT_NEAR(back.latitude, lat, 1e-9);
      EXPECT_NEAR(back.longitude, lon, 1e-9);
    }
  }
}

TEST(Projection, PolarLatitudesAreClampedToTheSquare) {
  EXPECT_NEAR(project(90, 0).y, 0.0, 1e-9);
  EXPECT_NEAR(project(-90, 0).y, 1.0, 1e-9);
}

TEST(Distance, MatchesKnownDistances) {
  // One degree of latitude is about 111.2 km; one of longitude at 60°N half of that.
  EXPECT_NEAR(distanceMeters(at(30, 114), at(31, 114)), 111195, 50);
  EXPECT_NEAR(distanceMeters(at(60, 10), at(60, 11)), 55597, 50);
  EXPECT_DOUBLE_EQ(distanceMeters(at(30.6, 114.3), at(30.6, 114.3)), 0);
  // Wuhan to Beijing, about 1 050 km.
  EXPECT_NEAR(distanceMeters(at(30.593, 114.305), at(39.904, 116.407)) / 1000, 1052, 5);
}

TEST(DistanceSort, NearestFirstTiesKeepInputOrder) {
  const GeoPoint me = at(30.600, 114.300);
  const std::vector<GeoPoint> points = {
      at(30.610, 114.300),  // ~1.1 km
      at(30.601, 114.300),  // ~110 m
      at(30.600, 114.320),  // ~1.9 km
      at(30.601, 114.300),  // same as [1]
      at(30.600, 114.300),  // here
  };
  EXPECT_EQ(sortByDistance(points, me), (std::vector<std::size_t>{4, 1, 3, 0, 2}));
  EXPECT_TRUE(sortByDistance({}, me).empty());
}

TEST(NearestWhere, SkipsIneligiblePointsAndSaysWhenNoneIsLeft) {
  const GeoPoint me = at(30.600, 114.300);
  const std::vector<GeoPoint> points = {at(30.6001, 114.300), at(30.602, 114.300),
                                        at(30.61, 114.3)};
  const std::vector<bool> visited = {true, false, false};
  EXPECT_EQ(nearestWhere(points, me, [&](std::size_t i) { return !visited[i]; }), 1u);
  EXPECT_EQ(nearestWhere(points, me, [](std::size_t) { return true; }), 0u);
  EXPECT_EQ(nearestWhere(points, me, [](std::size_t) { return false; }), std::nullopt);
}

TEST(PointGrid, FindsTheNearestPointWithinTheRadiusOnly) {
  const std::vector<WorldPoint> points = {{0.10, 0.10}, {0.1003, 0.10}, {0.2, 0.2}};
  const PointGrid grid(points, 0.001);
  EXPECT_EQ(grid.nearest({0.1001, 0.1}, 0.0005), 0u);
  EXPECT_EQ(grid.nearest({0.1002, 0.1}, 0.0005), 1u);
  EXPECT_EQ(grid.nearest({0.15, 0.15}, 0.0005), std::nullopt);
  // A point in a neighbouring cell counts when the radius reaches it.
  EXPECT_EQ(grid.nearest({0.2, 0.2011}, 0.0015), 2u);
  EXPECT_EQ(PointGrid().nearest({0.1, 0.1}, 1), std::nullopt);
}

TEST(PointGrid, ExactlyOnTheRadiusIsAHitAndTiesGoToTheLowerIndex) {
  // Binary fractions, so the distances are exact.
  const std::vector<WorldPoint> points = {{0.75, 0.5}, {0.25, 0.5}};
  const PointGrid grid(points, 0.125);
  EXPECT_EQ(grid.nearest({0.5, 0.5}, 0.25), 0u);
  EXPECT_EQ(grid.nearest({0.5, 0.5}, 0.24), std::nullopt);
}

TEST(PointGrid, AgreesWithABruteForceScanAtOneHundredThousandPoints) {
  std::mt19937 random(7);
  std::uniform_real_distribution<double> around(0.8170, 0.8180);
  std::vector<WorldPoint> points(100000);
  for (WorldPoint& p : points) p = {around(random), around(random)};
  const PointGrid grid(points, 1e-6);
  for (int q = 0; q < 50; ++q) {
    const WorldPoint at{around(random), around(random)};
    for (double radius : {2e-7, 1e-6, 5e-6, 1e-4}) {  // zoomed in to zoomed far out (scan)
      std::optional<std::size_t> expected;
      double best = radius * radius;
      for (std::size_t i = 0; i < points.size(); ++i) {
        const double dx = points[i].x - at.x;
        const double dy = points[i].y - at.y;
        if (dx * dx + dy * dy <= best && (!expected || dx * dx + dy * dy < best)) {
          best = dx * dx + dy * dy;
          expected = i;
        }
      }
      ASSERT_EQ(grid.nearest(at, radius), expected) << "query " << q << " radius " << radius;
    }
  }
}

TEST(ConvexHull, KeepsTheCornersOnly) {
  const std::vector<WorldPoint> square = {{0, 0},     {1, 0},     {1, 1}, {0, 1},
                                          {0.5, 0.5}, {0.5, 0.0}, {0, 0}, {0.2, 0.7}};
  const std::vector<WorldPoint> hull = convexHull(square);
  ASSERT_EQ(hull.size(), 4u);
  for (const WorldPoint& corner :
       {WorldPoint{0, 0}, WorldPoint{1, 0}, WorldPoint{1, 1}, WorldPoint{0, 1}})
    EXPECT_NE(std::find(hull.begin(), hull.end(), corner), hull.end());
}

TEST(ConvexHull, DegenerateInputsGiveTheirDistinctPoints) {
  EXPECT_TRUE(convexHull({}).empty());
  EXPECT_EQ(convexHull({{1, 1}, {1, 1}}).size(), 1u);
  EXPECT_EQ(convexHull({{0, 0}, {1, 1}, {2, 2}}).size(), 2u);  // collinear: a segment
}

}  // namespace
}  // namespace anju::map
