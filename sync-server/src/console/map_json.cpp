#include "console/map_json.h"

#include <cctype>

#include "console/dossier_json.h"

namespace anju::server {
namespace {

using nlohmann::json;

json position(const GeoPoint& p) { return json::array({p.latitude, p.longitude}); }

json boxJson(const MapBox& b) {
  return json::array({static_cast<double>(b.south) / 1e7, static_cast<double>(b.west) / 1e7,
                      static_cast<double>(b.north) / 1e7, static_cast<double>(b.east) / 1e7});
}

}  // namespace

json houseMapJson(const HouseMap& map, const std::string& tileUrl) {
  json points = json::array();
  for (const MapPoint& p : map.points)
    points.push_back({{"id", p.buildingId},
                      {"at", position(p.location)},
                      {"judgment", p.judgment},
                      {"address", p.address}});
  json clusters = json::array();
  for (const MapCluster& c : map.clusters)
    clusters.push_back(
        {{"at", position(c.center)}, {"houses", c.houses}, {"judgment", c.byJudgment}});
  json outlines = json::array();
  for (const MapOutline& o : map.outlines) {
    json ring = json::array();
    for (const GeoPoint& p : o.ring) ring.push_back(position(p));
    outlines.push_back({{"community", regionJson(o.community)}, {"ring", ring}});
  }
  json fitted;
  if (map.fitted)
    fitted = {{"center", position(map.fitted->center)},
              {"zoom", map.fitted->zoom},
              {"box", boxJson(map.fitted->box)}};
  return {{"extent", map.extent ? boxJson(*map.extent) : json()},
          {"view", fitted},
          {"houses_in_view", map.housesInView},
          {"without_location", map.withoutLocation},
          {"point_limit", map.pointLimit},
          {"points", points},
          {"clusters", clusters},
          {"outlines", outlines},
          {"tiles", tileUrl}};
}

std::optional<std::string> tileSource(const std::string& url) {
  std::string scheme;
  for (const char* s : {"https://", "http://"})
    if (url.rfind(s, 0) == 0) scheme = s;
  if (scheme.empty()) return std::nullopt;
  const std::size_t hostEnd = url.find('/', scheme.size());
  if (hostEnd == std::string::npos) return std::nullopt;
  std::string host = url.substr(scheme.size(), hostEnd - scheme.size());
  if (host.rfind("{s}.", 0) == 0) host = "*." + host.substr(4);
  const std::size_t start = host.rfind("*.", 0) == 0 ? 2 : 0;
  if (host.size() <= start) return std::nullopt;
  for (std::size_t i = start; i < host.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(host[i]);
    if (!std::isalnum(c) && c != '.' && c != '-' && c != ':') return std::nullopt;
  }
  const std::string path = url.substr(hostEnd);
  for (const char* p : {"{z}", "{x}", "{y}"})
    if (path.find(p) == std::string::npos) return std::nullopt;
  // The path goes into the page's script only as data; quotes or spaces have no place in it.
  for (char c : path)
    if (c == '"' || c == '\'' || c == ' ' || c == '<' || c == '>' || c == '\\') return std::nullopt;
  return scheme + host;
}

}  // namespace anju::server
