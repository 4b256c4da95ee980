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

// Newest first by time; ties (same time) broken by id so the choice is deterministic.
void keepLatest(const HouseFact*& latest, const HouseFact& candidate) {
  if (!latest || std::tie(candidate.at, candidate.id) > std::tie(latest->at, latest->id))
    latest = &candidate;
}

// How many of the approved inspection's hazards are closed, by the ledger's rule
// (hazard_ledger.h: hazardClosed) over the facts of the measures naming each one.
int closedHazards(const HouseFact& approved, const std::vector<HouseFact>& facts) {
  int closed = 0;
  for (const Uuid& finding : approved.findingIds) {
    int measures = 0;
    int measuresClosed = 0;
    for (const HouseFact& f : facts) {
      if (f.kind != RecordKind::kRectification || f.hazardInspection != approved.id ||
          f.hazardFinding != finding)
        continue;
      ++measures;
      if (f.closed) ++measuresClosed;
    }
    if (hazardClosed(measures, measuresClosed)) ++closed;
  }
  return closed;
}

}  // namespace

const Uuid& houseOf(const StoredRecord& record) {
  return record.kind == RecordKind::kBuilding ? record.id : record.buildingId;
}

// The register shows a result the inspector has handed in; a draft or a returned inspection is
// still being worked on and never replaces one (issue 10: an empty re-inspection draft erased the
// approved judgment).
bool isInspectionResult(const HouseFact& in) {
  const std::optional<ReviewState> review = parseReviewState(in.state);
  return review == ReviewState::kSubmitted || review == ReviewState::kApproved;
}

std::optional<HouseFact> houseFactOf(const AnyRecord& record) {
  HouseFact f;
  f.kind = recordKind(record);
  f.id = recordId(record);
  if (const auto* in = std::get_if<Inspection>(&record)) {
    f.at = inspectionTime(*in);
    f.state = std::string(toCode(in->review));
    f.inspector = in->inspector;
    if (auto judgment = in->effectiveJudgment()) f.judgment = std::string(toCode(*judgment));
    f.judgmentOverridden = in->override.has_value();
    if (in->appraisalGrade) f.appraisalGrade = std::string(toCode(*in->appraisalGrade));
    f.findingCount = static_cast<int>(in->findings.size());
    for (const Finding& finding : in->findings) f.findingIds.push_back(finding.id);
  } else if (const auto* r = std::get_if<Rectification>(&record)) {
    f.state = std::string(toCode(r->status));
    f.deadline = r->deadline;
    f.hazardInspection = r->inspectionId;
    f.hazardFinding = r->findingId;
    f.closed = r->stage() == RectificationStage::kClosed;
  } else if (const auto* v = std::get_if<Visit>(&record)) {
    f.at = v->visitedAt;
    f.state = std::string(toCode(v->outcome));
  } else if (!std::holds_alternative<PhotoRecord>(record)) {
    return std::nullopt;  // a building is read whole
  }
  return f;
}

std::optional<RegisterRow> buildRegisterRow(const std::vector<StoredRecord>& records) {
  std::optional<Building> building;
  std::vector<HouseFact> facts;
  for (const StoredRecord& stored : records) {
    Result<AnyRecord> decoded = decodeRecord(stored.payload);
    if (!decoded) continue;
    if (auto* b = std::get_if<Building>(&*decoded))
      building = std::move(*b);
    else if (std::optional<HouseFact> fact = houseFactOf(*decoded))
      facts.push_back(std::move(*fact));
  }
  return buildRegisterRow(building, facts);
}

std::optional<RegisterRow> buildRegisterRow(const std::optional<Building>& building,
                                            const std::vector<HouseFact>& facts) {
  if (!building) return std::nullopt;
  const HouseFact* result = nullptr;  // latest submitted or approved
  const HouseFact* open = nullptr;    // latest draft or returned
  std::optional<RectificationStatus> rectification;
  std::string deadline;
  const HouseFact* approved = nullptr;  // latest approved: its findings are the hazards
  int photos = 0;
  VisitTally visits;
  for (const HouseFact& f : facts) {
    switch (f.kind) {
      case RecordKind::kInspection:
        keepLatest(isInspectionResult(f) ? result : open, f);
        if (parseReviewState(f.state) == ReviewState::kApproved) keepLatest(approved, f);
        break;
      case RecordKind::kPhoto:
        ++photos;
        break;
      case RecordKind::kRectification: {
        const std::optional<RectificationStatus> status = parseRectificationStatus(f.state);
        if (!status) break;
        if (!rectification || rectificationRank(*status) < rectificationRank(*rectification))
          rectification = *status;
        if (*status != RectificationStatus::kDone && !f.deadline.empty() &&
            (deadline.empty() || f.deadline < deadline))
          deadline = f.deadline;
        break;
      }
      case RecordKind::kVisit:
        if (const std::optional<VisitOutcome> outcome = parseVisitOutcome(f.state))
          visits.add(*outcome, f.at, f.id);
        break;
      case RecordKind::kBuilding:
        break;
    }
  }

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
  const bool inProgress = open && (!result || open->at >= result->at);
  if (const HouseFact* latest = result ? result : open) {
    row.inspectionId = latest->id;
    row.inspectedAt = latest->at;
    row.inspector = latest->inspector;
    row.judgment = latest->judgment;
    row.judgmentOverridden = latest->judgmentOverridden;
    row.appraisalGrade = latest->appraisalGrade;
    row.review = latest->state;
    row.findingCount = latest->findingCount;
    row.inProgress = inProgress;
  }
  if (rectification) {
    row.rectification = std::string(toCode(*rectification));
    row.rectificationDeadline = deadline;
  }
  if (approved) {
    row.hazardCount = static_cast<int>(approved->findingIds.size());
    row.hazardsClosed = closedHazards(*approved, facts);
  }
  row.photoCount = photos;
  row.visitCount = visits.visits;
  row.nobodyHomeCount = visits.nobodyHome;
  row.refusedCount = visits.refused;
  row.lastVisitOutcome = visits.lastOutcome;
  row.lastVisitedAt = visits.lastVisitedAt;
  return row;
}

}  // namespace anju::server
