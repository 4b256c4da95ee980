// HazardLedger: a house's hazards and how far each is on the way to 销号 (一户一档、一隐患一记录).
//
// A hazard is a finding of the house's latest approved inspection. Its rectification records are
// those naming that inspection and that finding (Rectification::inspectionId / findingId); older
// building-level records name neither and belong to no hazard. A hazard is closed when it has at
// least one measure and every one of its measures is closed (销号); a house is closed when it has
// hazards and every one is closed. Pure functions over decoded records; thread-safe.
//
// One definition for the register row (register_builder.cpp), the console's house page and the
// rectification service's rules.
#pragma once

#include <optional>
#include <vector>

#include "anju/model.h"
#include "storage/server_storage.h"

namespace anju::server {

/// The rule of 销号 for one hazard: it has at least one measure and every one is closed. The
/// register index applies it to its facts (register_builder.cpp), the ledger to records.
constexpr bool hazardClosed(int measures, int measuresClosed) {
  return measures > 0 && measuresClosed == measures;
}

struct HazardEntry {
  Finding finding;
  std::vector<Rectification> measures;  // in the order given
  bool closed() const;
};

struct HazardLedger {
  std::optional<Inspection> approved;  // the latest approved inspection; nullopt: none
  std::vector<HazardEntry> hazards;    // its findings, in their order

  int closedCount() const;
  bool houseClosed() const;  // has hazards, every one closed
  /// The hazard with this inspection and finding id; nullptr when it is not one of them.
  const HazardEntry* find(const Uuid& inspectionId, const Uuid& findingId) const;
};

/// The latest approved inspection among `inspections` (by submitted time, else started time,
/// ties by id); nullopt when none is approved.
std::optional<Inspection> latestApproved(const std::vector<Inspection>& inspections);

/// The ledger of a house from its inspections and rectifications (any order).
HazardLedger hazardLedger(const std::vector<Inspection>& inspections,
                          const std::vector<Rectification>& rectifications);
/// The same from a house's stored records (ServerStorage::houseRecords); payloads that do not
/// decode are skipped (push validated them when they were stored).
HazardLedger hazardLedgerOf(const std::vector<StoredRecord>& records);

}  // namespace anju::server
