#include "register/visit_tally.h"

#include <tuple>

#include "anju/enum_codes.h"

namespace anju::server {

void VisitTally::add(const Visit& v) {
  ++visits;
  if (v.outcome == VisitOutcome::kNobodyHome) ++nobodyHome;
  if (v.outcome == VisitOutcome::kRefusedEntry) ++refused;
  if (lastOutcome.empty() ||
      std::tuple(v.visitedAt, v.id) > std::tuple(lastVisitedAt, lastVisitId)) {
    lastOutcome = std::string(toCode(v.outcome));
    lastVisitedAt = v.visitedAt;
    lastVisitId = v.id;
  }
}

}  // namespace anju::server
