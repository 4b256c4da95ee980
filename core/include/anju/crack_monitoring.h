// Crack monitoring across re-inspections (常态化巡查): a crack found again at the same place is the
// same crack, so its width can be followed from inspection to inspection and its growth flagged.
//
// The same crack: a finding of the same component and hazard whose location text matches (after
// trimming); when either side has no location, the house's only such finding of that inspection.
// Widths come from the finding's "width" measurement in millimetres (other length units
// converted). Growth is flagged when this time's width exceeds the last reading by the rule's
// threshold, or by anything at all when the last reading was already serious.
#pragma once

#include <optional>
#include <vector>

#include "anju/model.h"

namespace anju {

struct CrackReading {
  TimestampMs at = 0;  // when the inspection was handed in (else started)
  double widthMm = 0;
  Severity severity = Severity::kSome;
  bool operator==(const CrackReading&) const = default;
};

struct CrackGrowthRule {
  double thresholdMm = 0.2;  // growth at or above this is flagged (configurable per deployment)
};

struct CrackTrend {
  std::vector<CrackReading> earlier;  // the same crack at earlier inspections, oldest first
  std::optional<double> widthMm;      // this time's width, when measured
  std::optional<double> growthMm;     // this time's width minus the last earlier reading
  bool flagged = false;               // grew by the threshold, or at all after a serious reading
};

/// Whether `finding` is a crack whose width is followed (a crack hazard with a width).
bool isMonitoredCrack(const Finding& finding);

/// The trend of `finding` (of an inspection made at `at`) over `history`: the house's other
/// inspections; only those handed in (submitted or approved) before `at` count.
CrackTrend crackTrend(const Finding& finding, TimestampMs at,
                      const std::vector<Inspection>& history, const CrackGrowthRule& rule);

}  // namespace anju
