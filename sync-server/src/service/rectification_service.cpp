#include "service/rectification_service.h"

#include <nlohmann/json.hpp>

#include "anju/enum_codes.h"
#include "anju/uuid.h"
#include "anju/validation.h"
#include "register/hazard_ledger.h"
#include "service/record_edit.h"
#include "service/rectification_steps.h"

namespace anju::server {
namespace {

void fill(v1::Rectification& r, const RectificationInput& in) {
  r.set_family(in.family);
  r.set_measure(in.measure);
  r.set_status(in.status);
  r.set_deadline(in.deadline);
  r.set_responsible_party(in.responsibleParty);
  r.set_note(in.note);
}

std::string detailOf(const RectificationInput& in, const std::string& fromStatus) {
  nlohmann::json detail = {{"family", in.family},
                           {"measure", in.measure},
                           {"status", in.status},
                           {"deadline", in.deadline},
                           {"responsible_party", in.responsibleParty}};
  if (!in.note.empty()) detail["note"] = in.note;
  if (!in.findingId.empty()) detail["finding_id"] = in.findingId;
  if (!fromStatus.empty()) detail["from_status"] = fromStatus;
  return detail.dump();
}

// 一隐患一记录: a measure names a hazard of the house as it stands, a finding of its latest
// approved inspection (decided on the records read in the writing transaction).
Status checkHazard(SyncTransaction& tx, const Uuid& buildingId, const RectificationInput& in) {
  if (in.inspectionId.empty() && in.findingId.empty()) return Status::ok();
  Result<std::vector<StoredRecord>> records = tx.houseRecords(buildingId);
  if (!records) return records.status();
  if (hazardLedgerOf(*records).find(in.inspectionId, in.findingId)) return Status::ok();
  return Status::invalidArgument(
      msg("rectification.not_a_current_hazard"),
      {fieldError("finding_id", msg("rectification.hazard_not_found", {{"id", in.findingId}}))});
}

}  // namespace

RectificationService::RectificationService(ServerStorage& storage, HybridLogicalClock& hlc,
                                           PhotoService& photos, Clock clock)
    : m_storage(storage), m_hlc(hlc), m_photos(photos), m_clock(std::move(clock)) {
  if (!m_clock) m_clock = systemNowMs;
}

Result<RectificationResult> RectificationService::create(const Uuid& buildingId,
                                                         const RectificationInput& input,
                                                         const Reviewer& reviewer) {
  const TimestampMs now = m_clock();
  RecordCreation creation;
  creation.kind = RecordKind::kRectification;
  creation.id = newUuid();
  creation.buildingId = buildingId;
  creation.action = "rectification_create";
  creation.check = [&](SyncTransaction& tx) { return checkHazard(tx, buildingId, input); };
  creation.build = [&](v1::Record& message) -> Result<std::string> {
    v1::Rectification* r = message.mutable_rectification();
    r->set_id(creation.id);
    r->set_building_id(buildingId);
    fill(*r, input);
    r->set_inspection_id(input.inspectionId);
    r->set_finding_id(input.findingId);
    if (Status s = validateRectificationRecord(message, now); !s) return s;
    return detailOf(input, "");
  };
  Result<ReviewResult> written = applyRecordCreation(m_storage, m_hlc, now, reviewer, creation);
  if (!written) return written.status();
  return RectificationResult{creation.id, *written};
}

Result<RectificationResult> RectificationService::update(const Uuid& rectificationId,
                                                         const RectificationInput& input,
                                                         const Reviewer& reviewer) {
  const TimestampMs now = m_clock();
  RecordEdit edit;
  edit.kind = RecordKind::kRectification;
  edit.id = rectificationId;
  edit.action = "rectification_update";
  edit.change = [&](v1::Record& message) -> Result<std::string> {
    Result<Rectification> current = storedRectification(message);
    if (!current) return current.status();
    if (current->stage() == RectificationStage::kClosed)
      return Status::conflict(msg("rectification.already_closed"));
    const std::string fromCode = message.rectification().status();
    const std::optional<RectificationStatus> to = parseRectificationStatus(input.status);
    fill(*message.mutable_rectification(), input);
    if (Status s = validateRectificationRecord(message, now); !s)
      return s;  // also refuses an unknown status code
    if (to && current->status != *to) {
      if (Status s = checkRectificationTransition(current->status, *to); !s) return s;
    }
    return detailOf(input, fromCode);
  };
  Result<ReviewResult> written = applyRecordEdit(m_storage, m_hlc, now, reviewer, edit);
  if (!written) return written.status();
  return RectificationResult{rectificationId, *written};
}

}  // namespace anju::server
