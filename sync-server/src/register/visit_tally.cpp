#include "register/visit_tally.h"

#include <tuple>

#include "anju/enum_codes.h"

namespace anju::server {

void VisitTally::add(const Visit& v) { add(v.outcome, v.visitedAt, v.id); }

void VisitTally::add(VisitOutcome outcome, TimestampMs visitedAt, const Uuid& visitId) {
  ++visits;
  if (outcome == VisitOutcome::kNobodyHome) ++nobodyHome;
  if (outcome == VisitOutcome::kRefusedEntry) ++refused;
  if (lastOutcome.empty() ||
      std::tuple(visitedAt, visitId) > std::tuple(lastVisitedAt, lastVisitId)) {
    lastOutcome = std::string(toCode(outcome));
    lastVisitedAt = visitedAt;
    lastVisitId = visitId;
  }
}

}  // namespace anju::server
