#include "dossier_labels.h"

#include <chrono>
#include <cstdio>
#include <map>

namespace anju::dossier {

std::string measurementText(const Measurement& m) {
  static const std::map<std::string, std::string> kNames = {
      {"width", "宽度"}, {"length", "长度"},     {"depth", "深度"},   {"tilt", "倾斜率"},
      {"deflection", "挠度"}, {"settlement", "沉降"}, {"area", "面积"}, {"count", "数量"}};
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

std::string chinaTime(TimestampMs ms) {
  if (ms == 0) return "";
  using namespace std::chrono;
  const sys_time<milliseconds> t{milliseconds(ms + 8LL * 3600 * 1000)};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{floor<minutes>(t - day)};
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u %02lld:%02lld", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long long>(hms.hours().count()),
                static_cast<long long>(hms.minutes().count()));
  return out;
}

std::string gpsText(const std::optional<GeoPoint>& p) {
  if (!p) return "未记录";
  char out[64];
  std::snprintf(out, sizeof out, "%.6f, %.6f", p->latitude, p->longitude);
  return out;
}

}  // namespace anju::dossier
