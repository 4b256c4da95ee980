#include "register/register_builder.h"

#include <tuple>
#include <variant>

#include "anju/enum_codes.h"
#include "anju/record_codec.h"
#include "register/hazard_ledger.h"
#include "register/visit_tally.h"

namespace anju::server {
namespace {

TimestampMs inspectionTime(const Inspection& in) {
  return in.submittedAt != 0 ? in.submittedAt : in.startedAt;
}

int rectificationRank(RectificationStatus s) {
  switch (s) {
    case RectificationStatus::kPending:
      return 0;
    case RectificationStatus::kInProgress:
      return 1;
    case RectificationStatus::kDone:
      return 2;
  }
  return 2;
}

// The register shows a result the inspector has handed in; a draft or a returned inspection is
// still being worked on and never replaces one (issue 10: an empty re-inspection draft erased the
// approved judgment).
bool isResult(const Inspection& in) {
  return in.review == ReviewState::kSubmitted || in.review == ReviewState::kApproved;
}

// Newest first by time; ties (same time) broken by id so the choice is deterministic.
void keepLatest(std::optional<Inspection>& latest, Inspection&& candidate) {
  if (!latest || std::tuple(inspectionTime(candidate), candidate.id) >
                     std::tuple(inspectionTime(*latest), latest->id))
    latest = std::move(candidate);
}

}  // namespace

const Uuid& houseOf(const StoredRecord& record) {
  return record.kind == RecordKind::kBuilding ? record.id : record.buildingId;
}

std::optional<RegisterRow> buildRegisterRow(const std::vector<StoredRecord>& records) {
  std::optional<Building> building;
  std::optional<Inspection> result;  // latest submitted or approved
  std::optional<Inspection> open;    // latest draft or returned
  std::optional<RectificationStatus> rectification;
  std::string deadline;
  std::vector<Inspection> inspections;  // all of them, for the hazard ledger
  std::vector<Rectification> measures;
  int photos = 0;
  VisitTally visits;
  for (const StoredRecord& stored : records) {
    Result<AnyRecord> decoded = decodeRecord(stored.payload);
    if (!decoded) continue;
    if (auto* b = std::get_if<Building>(&*decoded)) {
      building = std::move(*b);
    } else if (auto* in = std::get_if<Inspection>(&*decoded)) {
      inspections.push_back(*in);
      keepLatest(isResult(*in) ? result : open, std::move(*in));
    } else if (std::holds_alternative<PhotoRecord>(*decoded)) {
      ++photos;
    } else if (auto* r = std::get_if<Rectification>(&*decoded)) {
      if (!rectification || rectificationRank(r->status) < rectificationRank(*rectification))
        rectification = r->status;
      if (r->status != RectificationStatus::kDone && !r->deadline.empty() &&
          (deadline.empty() || r->deadline < deadline))
        deadline = r->deadline;
      measures.push_back(std::move(*r));
    } else if (auto* v = std::get_if<Visit>(&*decoded)) {
      visits.add(*v);
    }
  }
  if (!building) return std::nullopt;

  RegisterRow row;
  row.buildingId = building->id;
  row.region = building->region;
  row.address = building->address;
  if (building->location)
    row.location = GeoPoint{building->location->latitude, building->location->longitude, {}};
  row.ownerName = building->ownerName;
  row.ownerContact = building->ownerContact;
  row.yearBuilt = building->yearBuilt;
  row.storeysAbove = building->storeysAbove;
  row.storeysBelow = building->storeysBelow;
  row.structure = std::string(toCode(building->structure));
  row.use = std::string(toCode(building->use));
  row.buildingCode = building->buildingCode;
  const bool inProgress = open && (!result || inspectionTime(*open) >= inspectionTime(*result));
  const std::optional<Inspection>& latest = result ? result : open;
  if (latest) {
    row.inspectionId = latest->id;
    row.inspectedAt = inspectionTime(*latest);
    row.inspector = latest->inspector;
    if (auto judgment = latest->effectiveJudgment()) row.judgment = std::string(toCode(*judgment));
    row.judgmentOverridden = latest->override.has_value();
    if (latest->appraisalGrade) row.appraisalGrade = std::string(toCode(*latest->appraisalGrade));
    row.review = std::string(toCode(latest->review));
    row.findingCount = static_cast<int>(latest->findings.size());
    row.inProgress = inProgress;
  }
  if (rectification) {
    row.rectification = std::string(toCode(*rectification));
    row.rectificationDeadline = deadline;
  }
  const HazardLedger ledger = hazardLedger(inspections, measures);
  row.hazardCount = static_cast<int>(ledger.hazards.size());
  row.hazardsClosed = ledger.closedCount();
  row.photoCount = photos;
  row.visitCount = visits.visits;
  row.nobodyHomeCount = visits.nobodyHome;
  row.refusedCount = visits.refused;
  row.lastVisitOutcome = visits.lastOutcome;
  row.lastVisitedAt = visits.lastVisitedAt;
  return row;
}

}  // namespace anju::server
