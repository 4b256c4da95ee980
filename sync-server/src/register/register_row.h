// RegisterRow: one house of the district register (登记造册) as the review console and the
// exports see it — the building's basic facts denormalised together with its latest inspection,
// review state, rectification status and counts. The storages keep one such row per building in
// an index table, refreshed in the same transaction as every record write (see
// docs/exports.md), so listing, counting and exporting never decode record payloads.
//
// buildRegisterRow (register_builder.h) is the single definition of how a row follows from the
// stored records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "anju/model.h"

namespace anju::server {

struct RegisterRow {
  Uuid buildingId;
  RegionPath region;
  std::string address;
  std::optional<GeoPoint> location;  // WGS-84; accuracy is not kept
  std::string ownerName;
  std::string ownerContact;  // 联系电话 as the tablet recorded it
  std::optional<int> yearBuilt;
  int storeysAbove = 0;
  int storeysBelow = 0;
  std::string structure;  // StructureType code
  std::string use;        // BuildingUse code
  std::string buildingCode;

  // The house's result: its latest submitted or approved inspection (by submitted time, else
  // started time). A draft or returned inspection is shown only while the house has no such
  // result; it never replaces one (a re-inspection in progress is `inProgress`). All empty/0
  // when the house was never visited.
  Uuid inspectionId;
  TimestampMs inspectedAt = 0;
  std::string inspector;
  std::string judgment;  // effective PreliminaryJudgment code (the override when there is one)
  bool judgmentOverridden = false;
  std::string appraisalGrade;  // "A".."D" or empty
  std::string review;          // ReviewState code of the inspection shown
  int findingCount = 0;        // findings of the inspection shown
  // An inspection is open on the inspector's side (draft or returned) and newer than the result
  // shown: the house is being (re-)inspected.
  bool inProgress = false;

  // Rectification over all of the house's measures: the least advanced status (pending before
  // in_progress before done), empty when there is none; the earliest deadline among the
  // measures not yet done.
  std::string rectification;
  std::string rectificationDeadline;
  // Hazards (findings of the latest approved inspection, hazard_ledger.h) and how many of them
  // are closed (销号); the house is closed (已销号) when it has hazards and all are.
  int hazardCount = 0;
  int hazardsClosed = 0;

  int photoCount = 0;  // photo records of the house, all inspections

  // Every door knocked (visit records, all outcomes): "visited 3 times, never home".
  int visitCount = 0;
  int nobodyHomeCount = 0;
  int refusedCount = 0;
  std::string lastVisitOutcome;  // VisitOutcome code of the latest visit; empty: none
  TimestampMs lastVisitedAt = 0;

  bool visited() const { return !inspectionId.empty(); }
  /// "" no hazard to rectify, "open" some hazard not yet closed, "closed" every hazard closed.
  std::string closure() const {
    if (hazardCount == 0) return {};
    return hazardsClosed == hazardCount ? "closed" : "open";
  }
  bool operator==(const RegisterRow&) const = default;
};

}  // namespace anju::server
