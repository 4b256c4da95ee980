#include "dossier_labels.h"

#include <cstdio>
#include <map>

namespace anju::dossier {

std::string measurementText(const Measurement& m) {
  static const std::map<std::string, std::string> kNames = {
      {"width", "宽度"},      {"length", "长度"},     {"depth", "深度"}, {"tilt", "倾斜率"},
      {"deflection", "挠度"}, {"settlement", "沉降"}, {"area", "面积"},  {"count", "数量"}};
  static const std::map<std::string, std::string> kUnits = {
      {"permille", "‰"}, {"percent", "%"}, {"ratio", ""}};
  const auto name = kNames.find(m.name);
  const auto unit = kUnits.find(m.unit);
  char value[32];
  std::snprintf(value, sizeof value, "%g", m.value);
  std::string out = (name == kNames.end() ? m.name : name->second) + " " + value;
  const std::string u = unit == kUnits.end() ? m.unit : unit->second;
  if (!u.empty()) out += " " + u;
  return out;
}

std::string gpsText(const std::optional<GeoPoint>& p) {
  if (!p) return "未记录";
  char out[64];
  std::snprintf(out, sizeof out, "%.6f, %.6f", p->latitude, p->longitude);
  return out;
}

}  // namespace anju::dossier
