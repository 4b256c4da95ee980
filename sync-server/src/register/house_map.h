// The console's map of houses (docs/console.md, "Map"): the houses matching a RegisterFilter
// inside a view (bounding box and zoom), as single points when few enough, else counted on a
// grid of about kMapCellPixels screen pixels per cell so a district of 100 000 houses costs a
// few hundred clusters; and the outline of each community in and around the view.
//
// There is no region geometry on the server: an outline is the convex hull of the community's
// houses within one view's width and height around the view (as the tablet draws its outlines),
// traced through the corners of the grid cells they fall in, so it encloses every such house.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "register/register_query.h"

namespace anju::server {

/// Points are sent when at most this many houses are in the view; clusters otherwise.
inline constexpr int kMapPointLimit = 2000;
/// A cluster cell's side in screen pixels at the view's zoom.
inline constexpr int kMapCellPixels = 60;
inline constexpr int kMapMaxZoom = 22;

/// A bounding box in WGS-84 degrees × 10^7 (the register's latitude_e7 / longitude_e7).
struct MapBox {
  std::int64_t south = 0;
  std::int64_t west = 0;
  std::int64_t north = 0;
  std::int64_t east = 0;
};

/// What the map asks for: with a box, the houses in it at `zoom` (Web Mercator, as Leaflet's);
/// without one, only the extent of the filtered houses (where to look first).
struct MapView {
  std::optional<MapBox> box;
  int zoom = 0;
  int maxPoints = kMapPointLimit;  // more houses than this in the box: clusters
  // Without a box: the map's size in pixels, when known. The answer then also holds the view
  // that fits the extent (fitView) and its houses, so a page paints after one request.
  int width = 0;
  int height = 0;
};

/// Where a map of `width` × `height` pixels looks to show all of `extent` with kMapFitPadding
/// pixels to spare on each side (as Leaflet's fitBounds with that padding, zoom at most
/// kMapFitMaxZoom): the center, the zoom and the box it then shows.
struct FittedView {
  GeoPoint center;
  int zoom = 0;
  MapBox box;
};
inline constexpr int kMapFitPadding = 24;
inline constexpr int kMapFitMaxZoom = 17;
FittedView fitView(const MapBox& extent, int width, int height);

/// `bbox` = "west,south,east,north" in degrees (Leaflet's toBBoxString) and `zoom` 0..22; both
/// absent: the extent only, and with `size` = "WxH" (pixels, 1..10000 each) also the fitted
/// view's houses. `max_points` 0..kMapPointLimit lowers the point limit (0: always clusters).
/// invalidArgument naming the field for anything else (too few numbers, not numbers, out of range,
/// south above north or west east of east, a box without a zoom, a bad max_points).
Result<MapView> parseMapView(const std::map<std::string, std::string>& params);

struct MapPoint {
  Uuid buildingId;
  GeoPoint location;
  std::string judgment;  // empty: no judgment yet
  std::string address;
};

struct MapCluster {
  GeoPoint center;  // the mean position of its houses
  std::int64_t houses = 0;
  std::map<std::string, std::int64_t> byJudgment;  // "" counts houses without a judgment
};

struct MapOutline {
  RegionPath community;
  std::vector<GeoPoint> ring;  // counter-clockwise on screen, first point not repeated
};

struct HouseMap {
  std::optional<MapBox> extent;      // the filtered houses' extent; set when no box was asked
  std::optional<FittedView> fitted;  // the view fitted to it, when the map's size was given
  std::int64_t housesInView = 0;     // located houses in the box (in the extent without a box)
  std::int64_t withoutLocation = 0;  // houses matching the filter that have no position
  int pointLimit = kMapPointLimit;   // the view's maxPoints
  std::vector<MapPoint> points;      // when housesInView <= pointLimit
  std::vector<MapCluster> clusters;  // otherwise; houses sum to housesInView
  std::vector<MapOutline> outlines;  // communities with at least three distinct cell corners
};

/// One grid cell's houses of one community, folded into outlines by addOutlineCorners.
struct MapCellBounds {
  RegionPath community;
  MapBox bounds;
};
/// The outlines of the communities in `cells` (grouped in any order).
std::vector<MapOutline> outlinesOf(const std::vector<MapCellBounds>& cells);

/// The grid of a view: cell sizes in degrees × 10^7 (the latitude side shrunk by the cosine of
/// the view's middle latitude so cells are about square on screen) and the box around the view
/// whose houses shape the outlines.
struct MapGrid {
  std::int64_t lonCell = 1;
  std::int64_t latCell = 1;
  MapBox outlineBox;
};
MapGrid mapGrid(const MapBox& box, int zoom);

class HouseMapIndex {
 public:
  virtual ~HouseMapIndex() = default;
  /// The map of the houses matching `filter` (its scope always applies) for `view`, from one
  /// read session.
  virtual Result<HouseMap> mapHouses(const RegisterFilter& filter, const MapView& view) = 0;
};

}  // namespace anju::server
