#include "anju/china_time.h"

#include <chrono>
#include <cstdio>

namespace anju {

std::string formatChinaTime(TimestampMs ms) {
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

}  // namespace anju
