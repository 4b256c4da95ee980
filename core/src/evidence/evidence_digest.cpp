#include "anju/evidence_digest.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "anju/enum_codes.h"
#include "anju/message.h"
#include "anju/photo_library.h"
#include "anju/validation.h"

namespace anju {
namespace {

using nlohmann::json;

json geoJson(const std::optional<GeoPoint>& p) {
  if (!p) return nullptr;
  json out = {{"latitude", p->latitude}, {"longitude", p->longitude}};
  out["accuracy_meters"] = p->accuracyMeters ? json(*p->accuracyMeters) : json(nullptr);
  return out;
}

json answerJson(const AnswerValue& answer) {
  if (const bool* yes = std::get_if<bool>(&answer)) return {{"yes_no", *yes}};
  if (const std::string* text = std::get_if<std::string>(&answer)) return {{"text", *text}};
  return {{"number", std::get<double>(answer)}};
}

json findingJson(const Finding& f) {
  json measurements = json::array();
  for (const Measurement& m : f.measurements)
    measurements.push_back({{"name", m.name}, {"value", m.value}, {"unit", m.unit}});
  return {{"id", f.id},
          {"component", std::string(toCode(f.component))},
          {"hazard", std::string(toCode(f.hazard))},
          {"location", f.location},
          {"measurements", measurements},
          {"severity", std::string(toCode(f.severity))},
          {"note", f.note},
          {"photo_ids", f.photoIds}};
}

json noticeJson(const std::optional<OwnerNotice>& n) {
  if (!n) return nullptr;
  return {{"number", n->number},
          {"issued_at", n->issuedAt},
          {"pdf_photo_id", n->pdfPhotoId},
          {"pdf_sha256", n->pdfSha256},
          {"refused", n->refused},
          {"signature_photo_id", n->signaturePhotoId},
          {"signature_sha256", n->signatureSha256},
          {"signature_strokes", n->signatureStrokes},
          {"strokes_sha256", n->strokesSha256},
          {"signed_at", n->signedAt},
          {"refusal_note", n->refusalNote}};
}

json inspectionJson(const Inspection& in) {
  json answers = json::object();
  for (const auto& [item, answer] : in.answers) answers[item] = answerJson(answer);
  json findings = json::array();
  for (const Finding& f : in.findings) findings.push_back(findingJson(f));
  json override = nullptr;
  if (in.override)
    override = {{"judgment", std::string(toCode(in.override->judgment))},
                {"reason", in.override->reason}};
  return {{"id", in.id},
          {"building_id", in.buildingId},
          {"inspector", in.inspector},
          {"started_at", in.startedAt},
          {"submitted_at", in.submittedAt},
          {"location", geoJson(in.location)},
          {"template_id", in.templateId},
          {"template_version", in.templateVersion},
          {"answers", answers},
          {"findings", findings},
          {"photo_ids", in.photoIds},
          {"computed_judgment",
           in.computedJudgment ? std::string(toCode(*in.computedJudgment)) : std::string()},
          {"judgment_explanation", in.judgmentExplanation},
          {"override", override},
          {"owner_notice", noticeJson(in.ownerNotice)}};
}

json photoJson(const PhotoRecord& p) {
  return {{"id", p.id},
          {"sha256", p.sha256},
          {"byte_size", p.byteSize},
          {"mime_type", p.mimeType},
          {"captured_at", p.capturedAt},
          {"location", geoJson(p.location)},
          {"document", p.document}};
}

const PhotoRecord* findPhoto(const std::vector<PhotoRecord>& photos, const Uuid& id) {
  const auto it =
      std::find_if(photos.begin(), photos.end(), [&](const PhotoRecord& p) { return p.id == id; });
  return it == photos.end() ? nullptr : &*it;
}

Status checkNoticeFile(const std::vector<PhotoRecord>& photos, const Uuid& id,
                       const std::string& sha256, const char* what) {
  const PhotoRecord* p = findPhoto(photos, id);
  if (p && p->sha256 == sha256) return Status::ok();
  return Status::invalidArgument(
      msg("evidence.notice_file_mismatch", {messageRef("what", what), {"id", id}}));
}

}  // namespace

std::vector<Uuid> evidencePhotoIds(const Inspection& in) {
  std::vector<Uuid> ids;
  auto add = [&ids](const Uuid& id) {
    if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const Uuid& id : in.photoIds) add(id);
  // A photo item's answer is the photo's id (the only answers that are UUIDs).
  for (const auto& [item, answer] : in.answers)
    if (const std::string* text = std::get_if<std::string>(&answer); text && isValidUuid(*text))
      add(*text);
  for (const Finding& f : in.findings)
    for (const Uuid& id : f.photoIds) add(id);
  if (in.ownerNotice) {
    add(in.ownerNotice->pdfPhotoId);
    add(in.ownerNotice->signaturePhotoId);
  }
  return ids;
}

Result<std::string> evidenceCanonicalForm(const Inspection& in,
                                          const std::vector<PhotoRecord>& photos) {
  json bound = json::array();
  for (const Uuid& id : evidencePhotoIds(in)) {
    const PhotoRecord* p = findPhoto(photos, id);
    if (!p) return Status::notFound(msg("evidence.photo_record_missing", {{"id", id}}));
    bound.push_back(photoJson(*p));
  }
  if (in.ownerNotice) {
    const OwnerNotice& n = *in.ownerNotice;
    if (Status s = checkNoticeFile(photos, n.pdfPhotoId, n.pdfSha256, "evidence.part_pdf"); !s)
      return s;
    if (!n.refused)
      if (Status s = checkNoticeFile(photos, n.signaturePhotoId, n.signatureSha256,
                                     "evidence.part_signature");
          !s)
        return s;
  }
  const json form = {
      {"format", "anju-evidence-v1"}, {"inspection", inspectionJson(in)}, {"photos", bound}};
  return form.dump();
}

Result<std::string> computeEvidenceDigest(const Inspection& in,
                                          const std::vector<PhotoRecord>& photos) {
  Result<std::string> form = evidenceCanonicalForm(in, photos);
  if (!form) return form.status();
  return sha256Hex(*form);
}

Status sealEvidence(Store& store, Inspection& in) {
  std::vector<PhotoRecord> photos;
  for (const Uuid& id : evidencePhotoIds(in)) {
    Result<PhotoRecord> p = store.photo(id);
    if (!p) return p.status();
    photos.push_back(std::move(p).value());
  }
  Result<std::string> digest = computeEvidenceDigest(in, photos);
  if (!digest) return digest.status();
  in.evidenceDigest = std::move(digest).value();
  return Status::ok();
}

}  // namespace anju
