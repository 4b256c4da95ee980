#include "anju/visits.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace anju {
namespace {

constexpr TimestampMs kChinaOffsetMs = 8LL * 3600 * 1000;  // UTC+8, no daylight saving

std::chrono::sys_days chinaDay(TimestampMs ms) {
  using namespace std::chrono;
  return floor<days>(sys_time<milliseconds>(milliseconds(ms + kChinaOffsetMs)));
}

std::string formatDay(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

bool isWorkingDay(std::chrono::sys_days day) {
  const std::chrono::weekday w{day};
  return w != std::chrono::Saturday && w != std::chrono::Sunday;
}

}  // namespace

bool needsRevisit(VisitOutcome outcome) {
  return outcome == VisitOutcome::kNobodyHome || outcome == VisitOutcome::kRefusedEntry;
}

std::string revisitDueDate(TimestampMs visitedAt, const RevisitRule& rule) {
  const int interval = std::clamp(rule.intervalDays, 0, 60);
  std::chrono::sys_days day = chinaDay(visitedAt) + std::chrono::days(interval + 1);
  while (!isWorkingDay(day)) day += std::chrono::days(1);
  return formatDay(day);
}

std::string chinaDate(TimestampMs ms) { return formatDay(chinaDay(ms)); }

Visit visitForSubmission(const Inspection& submitted, Uuid id) {
  Visit v;
  v.id = std::move(id);
  v.buildingId = submitted.buildingId;
  v.inspector = submitted.inspector;
  v.visitedAt = submitted.submittedAt != 0 ? submitted.submittedAt : submitted.startedAt;
  v.location = submitted.location;
  v.outcome = VisitOutcome::kInspected;
  v.inspectionId = submitted.id;
  return v;
}

}  // namespace anju
