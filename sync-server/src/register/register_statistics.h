// The statistics register per division (统计台账): for every community of a filter, how many
// houses, how far the campaign got with them (inspected, not reached, not visited), the
// judgments, appraisals, rectification states and closures (已销号); then the subtotals per
// street and per district and a grand total. Counted by one grouped query over the register
// index (its existing columns; see docs/exports.md).
//
// Thread-safety: as RegisterIndex.
#pragma once

#include <cstdint>
#include <vector>

#include "register/register_query.h"
#include "storage/sql_driver.h"

namespace anju::server {

struct DivisionCounts {
  RegionPath region;  // a community; a subtotal leaves the lower levels empty
  std::int64_t houses = 0;
  std::int64_t inspected = 0;   // a handed-in result (submitted or approved)
  std::int64_t notReached = 0;  // visited (knocked) but no handed-in result: 未入户
  std::int64_t notVisited = 0;  // no visit and no inspection at all: 未走访
  std::int64_t serious = 0;     // the inspected houses by judgment
  std::int64_t some = 0;
  std::int64_t noneFound = 0;
  std::int64_t appraised = 0;  // with an appraisal grade
  std::int64_t pending = 0;  // rectification 待整治 / 整治中 / 已整治 (the house's least advanced)
  std::int64_t inProgress = 0;
  std::int64_t done = 0;
  std::int64_t closed = 0;  // every hazard closed: 已销号
  bool operator==(const DivisionCounts&) const = default;
  void add(const DivisionCounts& other);
};

/// One line of the statistics register.
struct StatisticsLine {
  enum class Kind { kCommunity, kStreet, kDistrict, kTotal };
  Kind kind = Kind::kCommunity;
  DivisionCounts counts;  // region: the community, street or district it sums
};

/// The lines in print order from communities in region order: each street's communities then
/// its subtotal, each district's streets then its subtotal, and the grand total last.
std::vector<StatisticsLine> statisticsLines(const std::vector<DivisionCounts>& communities);

class RegisterStatistics {
 public:
  virtual ~RegisterStatistics() = default;
  /// The counts of every community with houses matching `filter`, in region order.
  virtual Result<std::vector<DivisionCounts>> divisionCounts(const RegisterFilter& filter) = 0;
};

class SqlRegisterStatistics final : public RegisterStatistics {
 public:
  /// `driver` is borrowed and outlives this.
  explicit SqlRegisterStatistics(SqlDriver& driver) : m_driver(driver) {}
  Result<std::vector<DivisionCounts>> divisionCounts(const RegisterFilter& filter) override;

 private:
  SqlDriver& m_driver;
};

}  // namespace anju::server
