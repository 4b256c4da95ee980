#include "service/rectification_service.h"

#include <nlohmann/json.hpp>

#include "anju/enum_codes.h"
#include "anju/uuid.h"
#include "anju/validation.h"
#include "service/record_edit.h"
#include "service/record_facts.h"

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

// The core codec and validation decide what is acceptable, as they do for a pushed record.
Status validate(const v1::Record& record, TimestampMs now) {
  Result<RecordFacts> facts = examineRecord(record, now);
  return facts ? Status::ok() : facts.status();
}

std::string detailOf(const RectificationInput& in, const std::string& fromStatus) {
  nlohmann::json detail = {{"family", in.family},
                           {"measure", in.measure},
                           {"status", in.status},
                           {"deadline", in.deadline},
                           {"responsible_party", in.responsibleParty}};
  if (!in.note.empty()) detail["note"] = in.note;
  if (!fromStatus.empty()) detail["from_status"] = fromStatus;
  return detail.dump();
}

}  // namespace

RectificationService::RectificationService(ServerStorage& storage, HybridLogicalClock& hlc,
                                           Clock clock)
    : m_storage(storage), m_hlc(hlc), m_clock(std::move(clock)) {
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
  creation.build = [&](v1::Record& message) -> Result<std::string> {
    v1::Rectification* r = message.mutable_rectification();
    r->set_id(creation.id);
    r->set_building_id(buildingId);
    fill(*r, input);
    if (Status s = validate(message, now); !s) return s;
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
    if (!message.has_rectification())
      return Status::corruption(msg("rectification.stored_rectification_damaged"));
    const std::string fromCode = message.rectification().status();
    const std::optional<RectificationStatus> from = parseRectificationStatus(fromCode);
    const std::optional<RectificationStatus> to = parseRectificationStatus(input.status);
    fill(*message.mutable_rectification(), input);
    if (Status s = validate(message, now); !s) return s;  // also refuses an unknown status code
    if (from && to && *from != *to) {
      if (Status s = checkRectificationTransition(*from, *to); !s) return s;
    }
    return detailOf(input, fromCode);
  };
  Result<ReviewResult> written = applyRecordEdit(m_storage, m_hlc, now, reviewer, edit);
  if (!written) return written.status();
  return RectificationResult{rectificationId, *written};
}

}  // namespace anju::server
