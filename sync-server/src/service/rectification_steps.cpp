// RectificationService's steps to closure: a completion photo, 整改完成, 验收, 销号.
#include "service/rectification_steps.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "anju/record_codec.h"
#include "anju/sha256.h"
#include "anju/uuid.h"
#include "service/record_edit.h"
#include "service/record_facts.h"
#include "service/rectification_service.h"
#include "service/region_check.h"
#include "util/utf8_text.h"

namespace anju::server {
namespace {

// What a browser may upload as evidence, told by its first bytes (never by the header alone).
std::string imageType(const std::string& bytes) {
  if (bytes.size() > 3 && bytes.compare(0, 3, "\xFF\xD8\xFF") == 0) return "image/jpeg";
  if (bytes.size() > 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1A\n") == 0) return "image/png";
  return {};
}

// One step on a stored rectification: `step` checks the order and sets the step's fields on the
// record (unknown fields kept), returning the audit detail; the core validation runs last.
using Step = std::function<Result<nlohmann::json>(v1::Rectification&, const Rectification&)>;

Result<ReviewResult> applyStep(ServerStorage& storage, HybridLogicalClock& hlc, TimestampMs now,
                               const Reviewer& reviewer, const Uuid& id, const char* action,
                               const Step& step) {
  RecordEdit edit;
  edit.kind = RecordKind::kRectification;
  edit.id = id;
  edit.action = action;
  edit.change = [&](v1::Record& message) -> Result<std::string> {
    Result<Rectification> current = storedRectification(message);
    if (!current) return current.status();
    if (current->stage() == RectificationStage::kClosed)
      return Status::conflict(msg("rectification.already_closed"));
    Result<nlohmann::json> detail = step(*message.mutable_rectification(), *current);
    if (!detail) return detail.status();
    if (Status s = validateRectificationRecord(message, now); !s) return s;
    return detail->dump();
  };
  return applyRecordEdit(storage, hlc, now, reviewer, edit);
}

}  // namespace

Status validateRectificationRecord(const v1::Record& record, TimestampMs now) {
  Result<RecordFacts> facts = examineRecord(record, now);
  return facts ? Status::ok() : facts.status();
}

Result<Rectification> storedRectification(const v1::Record& record) {
  if (!record.has_rectification())
    return Status::corruption(msg("rectification.stored_rectification_damaged"));
  Result<Rectification> decoded = fromProto(record.rectification());
  if (!decoded) return Status::corruption(msg("rectification.stored_rectification_damaged"));
  return decoded;
}

Result<RectificationResult> RectificationService::addPhoto(const Uuid& rectificationId,
                                                           const RectificationPhoto& photo,
                                                           const Reviewer& reviewer) {
  const TimestampMs now = m_clock();
  const std::string mime = imageType(photo.bytes);
  if (mime.empty())
    return Status::invalidArgument(msg("rectification.photo_not_image"),
                                   {fieldError("photo", msg("rectification.photo_jpeg_png"))});
  if (!isCleanUtf8Text(photo.caption) || photo.caption.size() > 500)
    return Status::invalidArgument(msg("rectification.bad_caption"),
                                   {fieldError("caption", msg("query.text_not_clean"))});
  if (static_cast<std::int64_t>(photo.bytes.size()) > m_photos.maxPhotoBytes())
    return Status::invalidArgument(
        msg("rectification.photo_too_large",
            {{"limit_mb", std::to_string(m_photos.maxPhotoBytes() >> 20)}}));
  // Scope first, so nobody stores bytes under a house they may not see.
  Result<std::optional<StoredRecord>> target =
      m_storage.findRecord(RecordKind::kRectification, rectificationId);
  if (!target) return target.status();
  if (!target->has_value())
    return Status::notFound(
        msg("access.no_such_record",
            {recordKindParam(RecordKind::kRectification), {"id", rectificationId}}));
  if (!reviewer.scope.allows((*target)->region)) return outsideScope((*target)->region);

  // The bytes as a tablet's upload would store them; an upload of the same bytes under way
  // (same hash) is finished from where it stands.
  const std::string sha256 = sha256Hex(photo.bytes);
  const auto total = static_cast<std::int64_t>(photo.bytes.size());
  Result<PhotoUpload> stored = m_photos.upload(sha256, 0, total, photo.bytes);
  if (stored && stored->outcome == PhotoUploadOutcome::kOffsetMismatch &&
      stored->state.totalBytes == total)
    stored = m_photos.upload(sha256, stored->state.receivedBytes, total,
                             std::string_view(photo.bytes)
                                 .substr(static_cast<std::size_t>(stored->state.receivedBytes)));
  if (!stored) return stored.status();
  if (stored->outcome != PhotoUploadOutcome::kAccepted || !stored->state.complete)
    return Status::unavailable(msg("rectification.photo_not_stored"));

  RecordCreation creation;
  creation.kind = RecordKind::kPhoto;
  creation.id = newUuid();
  creation.buildingId = (*target)->buildingId;
  creation.sha256 = sha256;
  creation.action = "rectification_photo";
  creation.check = [&](SyncTransaction& tx) -> Status {
    Result<std::optional<StoredRecord>> r =
        tx.findRecord(RecordKind::kRectification, rectificationId);
    if (!r) return r.status();
    v1::Record message;
    if (!r->has_value() || !message.ParseFromString((*r)->payload))
      return Status::corruption(msg("rectification.stored_rectification_damaged"));
    Result<Rectification> current = storedRectification(message);
    if (!current) return current.status();
    if (current->stage() == RectificationStage::kClosed)
      return Status::conflict(msg("rectification.already_closed"));
    return Status::ok();
  };
  creation.build = [&](v1::Record& message) -> Result<std::string> {
    v1::PhotoRecord* p = message.mutable_photo();
    p->set_id(creation.id);
    p->set_sha256(sha256);
    p->set_byte_size(total);
    p->set_mime_type(mime);
    p->set_captured_at(now);
    p->set_building_id(creation.buildingId);
    p->set_caption(photo.caption);
    p->set_rectification_id(rectificationId);
    if (Status s = validateRectificationRecord(message, now); !s) return s;
    nlohmann::json detail = {
        {"rectification_id", rectificationId}, {"sha256", sha256}, {"byte_size", total}};
    if (!photo.caption.empty()) detail["caption"] = photo.caption;
    return detail.dump();
  };
  Result<ReviewResult> written = applyRecordCreation(m_storage, m_hlc, now, reviewer, creation);
  if (!written) return written.status();
  return RectificationResult{creation.id, *written};
}

Result<RectificationResult> RectificationService::complete(const Uuid& rectificationId,
                                                           const std::string& note,
                                                           const Reviewer& reviewer) {
  const TimestampMs now = m_clock();
  // The evidence: this rectification's photos whose bytes have all arrived. Read before the
  // writing transaction; photo records never change and arrived bytes never go, so what is seen
  // here still holds when it commits.
  std::vector<Uuid> evidence;
  Result<std::optional<StoredRecord>> target =
      m_storage.findRecord(RecordKind::kRectification, rectificationId);
  if (!target) return target.status();
  if (target->has_value() && reviewer.scope.allows((*target)->region)) {
    Result<std::vector<StoredRecord>> house = m_storage.houseRecords((*target)->buildingId);
    if (!house) return house.status();
    std::vector<std::pair<TimestampMs, Uuid>> found;
    for (const StoredRecord& r : *house) {
      v1::Record message;
      if (r.kind != RecordKind::kPhoto || !message.ParseFromString(r.payload) ||
          message.photo().rectification_id() != rectificationId)
        continue;
      Result<std::optional<PhotoBlobState>> blob = m_storage.findPhotoBlob(r.sha256);
      if (!blob) return blob.status();
      if (blob->has_value() && (*blob)->complete)
        found.emplace_back(message.photo().captured_at(), r.id);
    }
    std::sort(found.begin(), found.end());
    for (const auto& [at, id] : found) evidence.push_back(id);
  }
  Result<ReviewResult> written =
      applyStep(m_storage, m_hlc, now, reviewer, rectificationId, "rectification_complete",
                [&](v1::Rectification& r, const Rectification& current) -> Result<nlohmann::json> {
                  if (current.stage() != RectificationStage::kOpen)
                    return Status::conflict(msg("rectification.already_completed"));
                  if (evidence.empty())
                    return Status::conflict(msg("rectification.completion_needs_photo"));
                  r.set_completed_at(now);
                  r.set_completed_by(reviewer.name);
                  r.clear_completion_photo_ids();
                  for (const Uuid& id : evidence) r.add_completion_photo_ids(id);
                  r.set_completion_note(note);
                  r.set_status("done");
                  nlohmann::json detail = {{"step", "completed"}, {"photos", evidence.size()}};
                  if (!note.empty()) detail["note"] = note;
                  return detail;
                });
  if (!written) return written.status();
  return RectificationResult{rectificationId, *written};
}

Result<RectificationResult> RectificationService::accept(const Uuid& rectificationId,
                                                         const std::string& note,
                                                         const Reviewer& reviewer) {
  const TimestampMs now = m_clock();
  Result<ReviewResult> written =
      applyStep(m_storage, m_hlc, now, reviewer, rectificationId, "rectification_accept",
                [&](v1::Rectification& r, const Rectification& current) -> Result<nlohmann::json> {
                  if (current.stage() == RectificationStage::kOpen)
                    return Status::conflict(msg("rectification.accept_needs_completion"));
                  if (current.stage() != RectificationStage::kCompleted)
                    return Status::conflict(msg("rectification.already_accepted"));
                  r.set_accepted_at(now);
                  r.set_accepted_by(reviewer.name);
                  r.set_acceptance_note(note);
                  nlohmann::json detail = {{"step", "accepted"}};
                  if (!note.empty()) detail["note"] = note;
                  return detail;
                });
  if (!written) return written.status();
  return RectificationResult{rectificationId, *written};
}

Result<RectificationResult> RectificationService::close(const Uuid& rectificationId,
                                                        const Reviewer& reviewer) {
  const TimestampMs now = m_clock();
  Result<ReviewResult> written =
      applyStep(m_storage, m_hlc, now, reviewer, rectificationId, "rectification_close",
                [&](v1::Rectification& r, const Rectification& current) -> Result<nlohmann::json> {
                  if (current.stage() != RectificationStage::kAccepted)
                    return Status::conflict(msg("rectification.close_needs_acceptance"));
                  r.set_closed_at(now);
                  r.set_closed_by(reviewer.name);
                  return nlohmann::json{{"step", "closed"}};
                });
  if (!written) return written.status();
  return RectificationResult{rectificationId, *written};
}

}  // namespace anju::server
