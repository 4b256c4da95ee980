// The console map's JSON (GET /console/api/map, docs/console.md "Map") and the tile URL setting
// (map_tiles): which tile server the page may load images from.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "register/house_map.h"

namespace anju::server {

/// {"extent", "houses_in_view", "without_location", "point_limit", "points", "clusters",
///  "outlines", "tiles"}; positions as [latitude, longitude] in degrees, judgments as codes
/// ("" for none).
nlohmann::json houseMapJson(const HouseMap& map, const std::string& tileUrl);

/// The Content-Security-Policy source a tile URL template loads from ("https://tiles.example.cn",
/// "https://*.tile.example.org" for a {s} subdomain), or nullopt when `url` is not a usable
/// template: http(s), a host of letters, digits, dots, dashes (and an optional port or a
/// leading "{s}."), and {z}, {x} and {y} in the path.
std::optional<std::string> tileSource(const std::string& url);

}  // namespace anju::server
