#include "register/house_map.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <tuple>

#include "anju/map_geometry.h"
#include "anju/message.h"

namespace anju::server {
namespace {

constexpr double kE7 = 1e7;

std::optional<double> parseDegrees(std::string_view text) {
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

std::optional<MapBox> parseBox(const std::string& text) {
  std::vector<double> numbers;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::optional<double> v =
        parseDegrees(std::string_view(text).substr(start, comma - start));
    if (!v) return std::nullopt;
    numbers.push_back(*v);
    start = comma + 1;
  }
  if (numbers.size() != 4) return std::nullopt;
  const double west = numbers[0], south = numbers[1], east = numbers[2], north = numbers[3];
  if (south < -90 || north > 90 || west < -180 || east > 180 || south > north || west > east)
    return std::nullopt;
  return MapBox{std::llround(south * kE7), std::llround(west * kE7), std::llround(north * kE7),
                std::llround(east * kE7)};
}

std::optional<std::int64_t> parseWhole(std::string_view text) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

GeoPoint degrees(std::int64_t latitudeE7, std::int64_t longitudeE7) {
  return {static_cast<double>(latitudeE7) / kE7, static_cast<double>(longitudeE7) / kE7, {}};
}

}  // namespace

Result<MapView> parseMapView(const std::map<std::string, std::string>& params) {
  const auto bbox = params.find("bbox");
  const auto zoom = params.find("zoom");
  MapView view;
  std::vector<FieldError> errors;
  if (const auto max = params.find("max_points"); max != params.end()) {
    const std::optional<std::int64_t> n = parseWhole(max->second);
    if (!n || *n < 0 || *n > kMapPointLimit)
      errors.push_back(fieldError("max_points", msg("console.map_max_points_invalid",
                                                    {{"max", std::to_string(kMapPointLimit)}})));
    else
      view.maxPoints = static_cast<int>(*n);
  }
  if (const auto size = params.find("size"); size != params.end()) {
    const std::size_t x = size->second.find('x');
    const std::optional<std::int64_t> w =
        x == std::string::npos ? std::nullopt : parseWhole(size->second.substr(0, x));
    const std::optional<std::int64_t> h =
        x == std::string::npos ? std::nullopt : parseWhole(size->second.substr(x + 1));
    if (!w || !h || *w < 1 || *h < 1 || *w > 10000 || *h > 10000 || bbox != params.end())
      errors.push_back(fieldError("size", msg("console.map_size_invalid")));
    else
      view.width = static_cast<int>(*w), view.height = static_cast<int>(*h);
  }
  if (bbox == params.end() && zoom == params.end()) {
    if (!errors.empty())
      return Status::invalidArgument(msg("query.invalid_filter"), std::move(errors));
    return view;
  }
  if (bbox == params.end() || !(view.box = parseBox(bbox->second)))
    errors.push_back(fieldError("bbox", msg("console.map_bbox_invalid")));
  const std::int64_t z =
      zoom == params.end() ? -1 : parseWhole(zoom->second).value_or(std::int64_t{-1});
  if (z < 0 || z > kMapMaxZoom)
    errors.push_back(fieldError(
        "zoom", msg("console.map_zoom_invalid", {{"max", std::to_string(kMapMaxZoom)}})));
  if (!errors.empty())
    return Status::invalidArgument(msg("query.invalid_filter"), std::move(errors));
  view.zoom = static_cast<int>(z);
  return view;
}

MapGrid mapGrid(const MapBox& box, int zoom) {
  // Leaflet's world is 256 · 2^zoom pixels wide for 360°.
  const double degreesPerPixel = 360.0 / (256.0 * std::ldexp(1.0, zoom));
  MapGrid grid;
  grid.lonCell = std::max<std::int64_t>(1, std::llround(kMapCellPixels * degreesPerPixel * kE7));
  const double middle = static_cast<double>(box.south + box.north) / 2 / kE7;
  grid.latCell = std::max<std::int64_t>(1, std::llround(static_cast<double>(grid.lonCell) *
                                                        std::cos(middle * std::numbers::pi / 180)));
  const std::int64_t height = box.north - box.south, width = box.east - box.west;
  grid.outlineBox = {std::max<std::int64_t>(box.south - height, -900000000),
                     std::max<std::int64_t>(box.west - width, -1800000000),
                     std::min<std::int64_t>(box.north + height, 900000000),
                     std::min<std::int64_t>(box.east + width, 1800000000)};
  return grid;
}

FittedView fitView(const MapBox& extent, int width, int height) {
  const map::WorldPoint sw = map::project(degrees(extent.south, extent.west));
  const map::WorldPoint ne = map::project(degrees(extent.north, extent.east));
  const double spanX = std::max(ne.x - sw.x, 1e-12), spanY = std::max(sw.y - ne.y, 1e-12);
  const double roomX = std::max(width - 2 * kMapFitPadding, 1);
  const double roomY = std::max(height - 2 * kMapFitPadding, 1);
  // At zoom z the world is 256 · 2^z pixels: the largest whole z at which the extent fits.
  const double fits = std::log2(std::min(roomX / (spanX * 256), roomY / (spanY * 256)));
  FittedView view;
  view.zoom = std::clamp(static_cast<int>(std::floor(fits)), 0, kMapFitMaxZoom);
  const map::WorldPoint mid{(sw.x + ne.x) / 2, (sw.y + ne.y) / 2};
  view.center = map::unproject(mid);
  const double halfX = width / 2.0 / (256 * std::ldexp(1.0, view.zoom));
  const double halfY = height / 2.0 / (256 * std::ldexp(1.0, view.zoom));
  const GeoPoint southWest =
      map::unproject({std::max(mid.x - halfX, 0.0), std::min(mid.y + halfY, 1.0)});
  const GeoPoint northEast =
      map::unproject({std::min(mid.x + halfX, 1.0), std::max(mid.y - halfY, 0.0)});
  view.box = {std::llround(southWest.latitude * kE7), std::llround(southWest.longitude * kE7),
              std::llround(northEast.latitude * kE7), std::llround(northEast.longitude * kE7)};
  return view;
}

std::vector<MapOutline> outlinesOf(const std::vector<MapCellBounds>& cells) {
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<map::WorldPoint>> corners;
  for (const MapCellBounds& c : cells) {
    std::vector<map::WorldPoint>& points =
        corners[{c.community.district, c.community.street, c.community.community}];
    for (std::int64_t lat : {c.bounds.south, c.bounds.north})
      for (std::int64_t lon : {c.bounds.west, c.bounds.east})
        points.push_back(map::project(degrees(lat, lon)));
  }
  std::vector<MapOutline> out;
  for (auto& [key, points] : corners) {
    std::vector<map::WorldPoint> hull = map::convexHull(std::move(points));
    if (hull.size() < 3) continue;
    MapOutline outline;
    outline.community = {std::get<0>(key), std::get<1>(key), std::get<2>(key)};
    for (const map::WorldPoint& w : hull) outline.ring.push_back(map::unproject(w));
    out.push_back(std::move(outline));
  }
  return out;
}

}  // namespace anju::server
