// VisitTally: what the register keeps about a house's visits (走访) — how many doors were
// knocked, how many found nobody home or were refused, and the latest outcome with its time —
// so the bureau reads "visited 3 times, never home" from one row. Built from the house's
// stored visit records by buildRegisterRow; the console's visit history lists the records.
#pragma once

#include <string>

#include "anju/model.h"

namespace anju::server {

struct VisitTally {
  int visits = 0;
  int nobodyHome = 0;
  int refused = 0;
  std::string lastOutcome;  // VisitOutcome code of the latest visit; empty: never visited
  TimestampMs lastVisitedAt = 0;
  Uuid lastVisitId;  // tie-break for visits at the same millisecond
  bool operator==(const VisitTally&) const = default;

  /// Counts one visit; the latest (by time, then id) becomes the last outcome.
  void add(const Visit& visit);
  /// The same, from what the register keeps of a visit (register_builder.h, HouseFact).
  void add(VisitOutcome outcome, TimestampMs visitedAt, const Uuid& visitId);
};

}  // namespace anju::server
