// Campaign progress (issue 11 §4): per community and per inspector, how many houses are
// assigned, visited, inspected, not reached (无人在家 / 拒绝入户), submitted, approved and
// returned — totals, and per Beijing day (UTC+8) — read from the register index
// (house_register, with its visit tallies) and the assignments table in two grouped queries,
// whatever the number of houses: no query per house.
//
// Per-day figures count each house once, on the Beijing day of its latest such event: the day
// it was assigned (assigned), of its latest visit (visited, or of its inspection when it has no
// visit; not reached when that visit found nobody home or was refused), of its shown inspection
// (inspected; and submitted, approved or returned by that inspection's current review state). The
// "inspector" of a house is the one it is assigned to, else the one who made its shown inspection,
// else none ("").
//
// Thread-safe (the driver is).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "register/register_query.h"
#include "storage/sql_driver.h"

namespace anju::server {

struct ProgressCounts {
  std::int64_t houses = 0;  // totals only: houses in the group (0 in per-day rows)
  std::int64_t assigned = 0;
  std::int64_t visited = 0;
  std::int64_t inspected = 0;
  std::int64_t nobodyHome = 0;
  std::int64_t refused = 0;
  std::int64_t submitted = 0;
  std::int64_t approved = 0;
  std::int64_t returned = 0;
  std::int64_t notReached() const { return nobodyHome + refused; }
  void add(const ProgressCounts& other);
  bool operator==(const ProgressCounts&) const = default;
};

/// Days are numbered from 1970-01-01 in Beijing time (UTC+8).
using BeijingDay = std::int64_t;

struct ProgressGroup {
  RegionPath community;   // for community groups
  std::string inspector;  // for inspector groups
  ProgressCounts total;
  std::map<BeijingDay, ProgressCounts> byDay;
};

struct ProgressReport {
  std::vector<ProgressGroup> communities;  // in region order
  std::vector<ProgressGroup> inspectors;   // by name; "" (nobody) first
  ProgressGroup total;
};

/// The day `ms` falls on in Beijing time.
BeijingDay beijingDay(TimestampMs ms);
/// The Monday starting the week of `day` (weeks run Monday to Sunday).
BeijingDay weekStart(BeijingDay day);
/// "YYYY-MM-DD" of `day`.
std::string beijingDate(BeijingDay day);
/// The day of "YYYY-MM-DD"; nullopt when malformed.
std::optional<BeijingDay> parseBeijingDate(std::string_view text);
/// Sums `byDay` per week (key: the week's Monday).
std::map<BeijingDay, ProgressCounts> perWeek(const std::map<BeijingDay, ProgressCounts>& byDay);

class ProgressQuery {
 public:
  /// `driver` is borrowed and outlives the query.
  explicit ProgressQuery(SqlDriver& driver) : m_driver(driver) {}

  /// The houses of the register under `filter` (its scope and region filters; the other facets
  /// apply too) grouped by community and by inspector.
  Result<ProgressReport> progress(const RegisterFilter& filter);

 private:
  SqlDriver& m_driver;
};

}  // namespace anju::server
