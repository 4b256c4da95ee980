// buildRegisterRow: how a house's register row follows from its stored records. Used by both
// storages when they refresh or rebuild the register index.
#pragma once

#include <optional>
#include <vector>

#include "anju/record_codec.h"
#include "register/register_row.h"
#include "storage/server_storage.h"

namespace anju::server {

/// What the register needs of one non-building record (an inspection, photo, rectification or
/// visit), taken from it once when it is written and kept in register_facts, so refreshing a
/// house reads these small rows and never decodes the house's records again (issue 12: a house
/// with 100 inspections decoded all 100 on every push that touched it).
struct HouseFact {
  RecordKind kind = RecordKind::kInspection;
  Uuid id;
  TimestampMs at = 0;    // inspection: submitted, else started; visit: visited
  std::string state;     // ReviewState / RectificationStatus / VisitOutcome code
  std::string deadline;  // rectification
  // The inspection's details the row shows when it is the house's latest.
  std::string inspector;
  std::string judgment;  // effective PreliminaryJudgment code
  bool judgmentOverridden = false;
  std::string appraisalGrade;
  int findingCount = 0;
  // The hazards (一隐患一记录) when this inspection is the house's latest approved one: its
  // findings' ids, in their order.
  std::vector<Uuid> findingIds;
  // A rectification measure for one hazard: the inspection and finding it names (both empty for
  // a building-level measure), and whether it has reached 销号.
  Uuid hazardInspection;
  Uuid hazardFinding;
  bool closed = false;
  bool operator==(const HouseFact&) const = default;
};

/// An inspection the inspector handed in (submitted or approved): the register shows the latest
/// of these before any draft or returned one.
bool isInspectionResult(const HouseFact& inspection);

/// The fact of a decoded non-building record; nullopt for a building.
std::optional<HouseFact> houseFactOf(const AnyRecord& record);

/// The row for one house from its building (nullopt when the building record is missing) and
/// the facts of its other records (any order). The single definition of a row.
std::optional<RegisterRow> buildRegisterRow(const std::optional<Building>& building,
                                            const std::vector<HouseFact>& facts);

/// The row for one building from all its current records (the building itself, its
/// inspections, photos, rectifications and visits; any order). nullopt when the building record is
/// missing (its other records may arrive first). Payloads that cannot be decoded are skipped:
/// push validated them when they were stored.
std::optional<RegisterRow> buildRegisterRow(const std::vector<StoredRecord>& records);

/// The building a stored record belongs to (its own id for a building).
const Uuid& houseOf(const StoredRecord& record);

}  // namespace anju::server
