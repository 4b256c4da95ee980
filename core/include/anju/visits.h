// Visits (走访) and revisits: which outcomes leave a house to be visited again, when the revisit
// is due, and the visit that goes with submitting an inspection.
//
// The revisit rule: a house whose latest visit did not reach it (nobody home, entry refused) is
// due again on the first working day (Monday to Friday, China time) after the visit's date plus
// `RevisitRule::intervalDays` calendar days. With the default 0 that is the next working day.
// Public holidays and adjusted working weekends (调休) are not known to this rule; the app lets the
// bureau set the interval (docs/app.md, setting visits/revisitIntervalDays).
#pragma once

#include <optional>
#include <string>

#include "anju/model.h"

namespace anju {

struct RevisitRule {
  int intervalDays = 0;  // extra calendar days before the next working day; 0..60
};

/// True for the outcomes that did not reach the house: nobody home, entry refused. A house gone
/// or not found is not revisited (the bureau decides what to do with it); an inspected one is
/// done until the next patrol.
bool needsRevisit(VisitOutcome outcome);

/// The day the revisit is due, "YYYY-MM-DD" (China time), for a visit at `visitedAt`.
std::string revisitDueDate(TimestampMs visitedAt, const RevisitRule& rule);

/// Today's date in China time, "YYYY-MM-DD", for comparing with revisitDueDate (string order is
/// date order).
std::string chinaDate(TimestampMs ms);

/// The "inspected" visit recorded together with submitting `submitted` (same inspector, building,
/// time and position); `id` is the new visit's id.
Visit visitForSubmission(const Inspection& submitted, Uuid id);

}  // namespace anju
