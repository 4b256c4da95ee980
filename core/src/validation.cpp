#include "anju/validation.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <string>

#include "anju/enum_codes.h"
#include "anju/photo_library.h"

namespace anju {
namespace {

constexpr std::size_t kMaxPlatformNumberBytes = 64;

// Collects every problem so the user sees all of them at once.
class Errors {
 public:
  void add(const std::string& field, Message text) {
    m_fields.push_back(fieldError(field, std::move(text)));
  }
  /// A problem found by another validator, moved under `prefix`.
  void addNested(const std::string& prefix, const FieldError& inner) {
    FieldError moved = inner;
    moved.field = prefix + inner.field;
    m_fields.push_back(std::move(moved));
  }
  // The heading names the record; the details are in the field errors (describe() joins them).
  Status status(Message heading) const {
    if (m_fields.empty()) return Status::ok();
    return Status::invalidArgument(std::move(heading), m_fields);
  }

 private:
  std::vector<FieldError> m_fields;
};

bool isBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

void checkGeo(const std::optional<GeoPoint>& p, const std::string& field, Errors& errors) {
  if (!p) return;
  if (!std::isfinite(p->latitude) || p->latitude < -90 || p->latitude > 90)
    errors.add(field + ".latitude", msg("validation.latitude_must_within_90"));
  if (!std::isfinite(p->longitude) || p->longitude < -180 || p->longitude > 180)
    errors.add(field + ".longitude", msg("validation.longitude_must_within_180"));
  if (p->accuracyMeters && (!std::isfinite(*p->accuracyMeters) || *p->accuracyMeters < 0))
    errors.add(field + ".accuracy", msg("validation.gps_accuracy_cannot_negative"));
}

void checkId(const Uuid& id, const std::string& field, bool required, Errors& errors) {
  if (id.empty()) {
    if (required) errors.add(field, msg("validation.id_missing"));
    return;
  }
  if (!isValidUuid(id)) errors.add(field, msg("validation.id_not_uuid", {{"id", id}}));
}

int yearOf(TimestampMs ms) {
  using namespace std::chrono;
  const auto days = floor<std::chrono::days>(sys_time<milliseconds>(milliseconds(ms)));
  return static_cast<int>(year_month_day(days).year());
}

void checkSha(const std::string& hex, const std::string& field, Errors& errors) {
  if (!isValidSha256Hex(hex)) errors.add(field, msg("validation.hash_must_64_lowercase"));
}

// A notice either carries the owner's signature (PNG and strokes, hashed) or a refusal with the
// inspector's note, never both: the bureau must be able to tell which happened at the door.
void checkOwnerNotice(const OwnerNotice& n, Errors& errors) {
  if (isBlank(n.number)) errors.add("owner_notice.number", msg("validation.notice_number_missing"));
  if (n.issuedAt <= 0)
    errors.add("owner_notice.issued_at", msg("validation.notice_issue_time_missing"));
  checkId(n.pdfPhotoId, "owner_notice.pdf_photo_id", true, errors);
  checkSha(n.pdfSha256, "owner_notice.pdf_sha256", errors);
  if (n.signedAt <= 0)
    errors.add("owner_notice.signed_at", msg("validation.notice_signing_time_missing"));
  if (n.refused) {
    if (isBlank(n.refusalNote))
      errors.add("owner_notice.refusal_note", msg("validation.notice_refusal_note_missing"));
    if (!n.signaturePhotoId.empty() || !n.signatureStrokes.empty())
      errors.add("owner_notice.refused", msg("validation.notice_refused_has_signature"));
    return;
  }
  checkId(n.signaturePhotoId, "owner_notice.signature_photo_id", true, errors);
  checkSha(n.signatureSha256, "owner_notice.signature_sha256", errors);
  if (isBlank(n.signatureStrokes))
    errors.add("owner_notice.signature_strokes", msg("validation.notice_signature_empty"));
  else if (n.strokesSha256 != sha256Hex(n.signatureStrokes))
    errors.add("owner_notice.strokes_sha256", msg("validation.notice_strokes_hash_mismatch"));
}

// A code list field names each code at most once.
template <typename T, typename CodeOf>
void checkCodeList(const std::vector<T>& list, const char* field, CodeOf codeOf, Errors& errors) {
  for (std::size_t i = 0; i < list.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (codeOf(list[i]) == codeOf(list[j])) {
        errors.add(field,
                   msg("validation.code_listed_twice", {{"code", std::string(codeOf(list[i]))}}));
        break;
      }
}

// "无" is an answer of its own: it cannot sit beside a hazard.
template <typename E>
void checkNoneAlone(const std::vector<E>& list, E none, const char* field, Errors& errors) {
  if (list.size() > 1 && std::find(list.begin(), list.end(), none) != list.end())
    errors.add(field, msg("validation.hazard_none_with_others"));
}

}  // namespace

bool isValidUuid(std::string_view id) {
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!std::isxdigit(static_cast<unsigned char>(c)) ||
               std::isupper(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

bool isValidSha256Hex(std::string_view hex) {
  return hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool isValidIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(date[i]))) return false;
  const int y = std::stoi(std::string(date.substr(0, 4)));
  const unsigned m = static_cast<unsigned>(std::stoi(std::string(date.substr(5, 2))));
  const unsigned d = static_cast<unsigned>(std::stoi(std::string(date.substr(8, 2))));
  return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m),
                                     std::chrono::day(d))
      .ok();
}

Status validateBuilding(const Building& b, TimestampMs nowMs) {
  Errors errors;
  checkId(b.id, "id", true, errors);
  if (isBlank(b.region.district)) errors.add("region.district", msg("validation.district_missing"));
  if (isBlank(b.region.street)) errors.add("region.street", msg("validation.street_missing"));
  if (isBlank(b.region.community))
    errors.add("region.community", msg("validation.community_missing"));
  if (isBlank(b.address)) errors.add("address", msg("validation.address_missing"));
  checkGeo(b.location, "location", errors);
  if (b.yearBuilt) {
    const int thisYear = yearOf(nowMs);
    if (*b.yearBuilt > thisYear)
      errors.add("year_built",
                 msg("validation.year_built_future", {{"year", std::to_string(thisYear)}}));
    else if (*b.yearBuilt < 1800)
      errors.add("year_built", msg("validation.year_built_cannot_before"));
  }
  if (b.storeysAbove < 1)
    errors.add("storeys_above", msg("validation.storeys_above_ground_must"));
  else if (b.storeysAbove > 200)
    errors.add("storeys_above", msg("validation.storeys_above_ground_cannot"));
  if (b.storeysBelow < 0)
    errors.add("storeys_below", msg("validation.storeys_below_ground_cannot"));
  else if (b.storeysBelow > 20)
    errors.add("storeys_below", msg("validation.storeys_below_ground_cannot_2"));
  if (b.floorAreaM2 && (!std::isfinite(*b.floorAreaM2) || *b.floorAreaM2 <= 0))
    errors.add("floor_area_m2", msg("validation.floor_area_must_greater"));
  for (std::size_t i = 0; i < b.alterations.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (b.alterations[i] == b.alterations[j])
        errors.add("alterations", msg("validation.alteration_twice",
                                      {{"alteration", std::string(toCode(b.alterations[i]))}}));
  checkCodeList(
      b.permits, "permits", [](const PermitStatus& p) { return toCode(p.permit); }, errors);
  checkCodeList(
      b.geoHazards, "geo_hazards", [](GeoHazard g) { return toCode(g); }, errors);
  checkCodeList(
      b.fireHazards, "fire_hazards", [](FireHazard f) { return toCode(f); }, errors);
  checkNoneAlone(b.geoHazards, GeoHazard::kNone, "geo_hazards", errors);
  checkNoneAlone(b.fireHazards, FireHazard::kNone, "fire_hazards", errors);
  // The platform's numbers are opaque: only their size is bounded, so an export cell stays sane.
  for (auto [field, number] : {std::pair{"platform_house_number", &b.platformHouseNumber},
                               std::pair{"census_house_number", &b.censusHouseNumber}})
    if (number->size() > kMaxPlatformNumberBytes)
      errors.add(field, msg("validation.platform_number_too_long",
                            {{"length", std::to_string(number->size())},
                             {"max", std::to_string(kMaxPlatformNumberBytes)}}));
  return errors.status(msg("validation.invalid_building"));
}

Status validateFinding(const Finding& f) {
  Errors errors;
  checkId(f.id, "id", true, errors);
  for (std::size_t i = 0; i < f.photoIds.size(); ++i)
    checkId(f.photoIds[i], "photo_ids[" + std::to_string(i) + "]", true, errors);
  for (std::size_t i = 0; i < f.measurements.size(); ++i) {
    const Measurement& m = f.measurements[i];
    const std::string field = "measurements[" + std::to_string(i) + "]";
    if (isBlank(m.name)) errors.add(field + ".name", msg("validation.measurement_no_name"));
    if (isBlank(m.unit)) errors.add(field + ".unit", msg("validation.measurement_no_unit"));
    if (!std::isfinite(m.value)) {
      errors.add(field + ".value", msg("validation.measurement_not_number"));
    } else if (m.value < 0) {
      // Widths, lengths, tilts and ratios are magnitudes; a negative one is a typing error.
      errors.add(field + ".value",
                 m.name == "width" ? msg("validation.crack_width_cannot_negative")
                                   : msg("validation.measurement_negative", {{"name", m.name}}));
    }
  }
  return errors.status(msg("validation.invalid_finding"));
}

Status validateInspection(const Inspection& in) {
  Errors errors;
  checkId(in.id, "id", true, errors);
  checkId(in.buildingId, "building_id", true, errors);
  if (isBlank(in.inspector)) errors.add("inspector", msg("validation.inspector_missing"));
  if (isBlank(in.templateId)) errors.add("template_id", msg("validation.template_id_missing"));
  if (in.templateVersion < 1)
    errors.add("template_version", msg("validation.template_version_must_least"));
  if (in.startedAt <= 0) errors.add("started_at", msg("validation.start_time_missing"));
  if (in.submittedAt != 0 && in.submittedAt < in.startedAt)
    errors.add("submitted_at", msg("validation.submitted_before_started"));
  if (in.review != ReviewState::kDraft && in.submittedAt == 0)
    errors.add("submitted_at", msg("validation.submitted_inspection_needs_time"));
  checkGeo(in.location, "location", errors);
  if (in.override && isBlank(in.override->reason))
    errors.add("override.reason", msg("validation.overriding_judgment_requires_written"));
  for (std::size_t i = 0; i < in.photoIds.size(); ++i)
    checkId(in.photoIds[i], "photo_ids[" + std::to_string(i) + "]", true, errors);
  if (in.ownerNotice) checkOwnerNotice(*in.ownerNotice, errors);
  if (!in.evidenceDigest.empty()) checkSha(in.evidenceDigest, "evidence_digest", errors);
  for (std::size_t i = 0; i < in.findings.size(); ++i) {
    const std::string prefix = "findings[" + std::to_string(i) + "].";
    for (std::size_t j = 0; j < i; ++j)
      if (in.findings[j].id == in.findings[i].id)
        errors.add(prefix + "id", msg("validation.finding_id_twice", {{"id", in.findings[i].id}}));
    const Status findingStatus = validateFinding(in.findings[i]);
    for (const FieldError& f : findingStatus.fieldErrors()) errors.addNested(prefix, f);
  }
  return errors.status(msg("validation.invalid_inspection"));
}

Status validatePhoto(const PhotoRecord& p) {
  Errors errors;
  checkId(p.id, "id", true, errors);
  checkId(p.buildingId, "building_id", true, errors);
  checkId(p.inspectionId, "inspection_id", false, errors);
  checkId(p.findingId, "finding_id", false, errors);
  checkId(p.rectificationId, "rectification_id", false, errors);
  checkId(p.annotatedFrom, "annotated_from", false, errors);
  if (!p.annotatedFrom.empty() && p.annotatedFrom == p.id)
    errors.add("annotated_from", msg("validation.photo_annotated_from_itself"));
  if (!isValidSha256Hex(p.sha256)) errors.add("sha256", msg("validation.sha256_must_64_lowercase"));
  if (p.byteSize <= 0) errors.add("byte_size", msg("validation.photo_size_must_positive"));
  if (isBlank(p.mimeType)) errors.add("mime_type", msg("validation.mime_type_missing"));
  if (p.capturedAt <= 0) errors.add("captured_at", msg("validation.capture_time_missing"));
  checkGeo(p.location, "location", errors);
  if (!p.document.empty() && p.document != kDocumentOwnerNotice &&
      p.document != kDocumentOwnerSignature)
    errors.add("document", msg("validation.unknown_document_kind", {{"document", p.document}}));
  return errors.status(msg("validation.invalid_photo_record"));
}

Status validateRectification(const Rectification& r) {
  Errors errors;
  checkId(r.id, "id", true, errors);
  checkId(r.buildingId, "building_id", true, errors);
  if (isBlank(r.measure)) errors.add("measure", msg("validation.measure_missing"));
  if (!r.deadline.empty() && !isValidIsoDate(r.deadline))
    errors.add("deadline", msg("validation.deadline_must_yyyy_mm"));
  // A hazard is named by its inspection and its finding together.
  checkId(r.inspectionId, "inspection_id", !r.findingId.empty(), errors);
  if (r.findingId.empty() && !r.inspectionId.empty())
    errors.add("finding_id", msg("validation.rectification_finding_missing"));
  // The steps to closure come in order: completion (with photo evidence) → acceptance → 销号.
  if (r.completedAt != 0) {
    if (r.completionPhotoIds.empty())
      errors.add("completion_photo_ids", msg("validation.completion_needs_photo"));
    for (std::size_t i = 0; i < r.completionPhotoIds.size(); ++i)
      checkId(r.completionPhotoIds[i], "completion_photo_ids[" + std::to_string(i) + "]", true,
              errors);
    if (isBlank(r.completedBy)) errors.add("completed_by", msg("validation.step_actor_missing"));
  }
  if (r.acceptedAt != 0) {
    if (r.completedAt == 0)
      errors.add("accepted_at", msg("validation.acceptance_before_completion"));
    if (isBlank(r.acceptedBy)) errors.add("accepted_by", msg("validation.step_actor_missing"));
  }
  if (r.closedAt != 0) {
    if (r.acceptedAt == 0) errors.add("closed_at", msg("validation.closure_before_acceptance"));
    if (isBlank(r.closedBy)) errors.add("closed_by", msg("validation.step_actor_missing"));
  }
  return errors.status(msg("validation.invalid_rectification"));
}

namespace {

// The states by code ({from}, {to}: English texts show codes) and by Chinese label.
template <typename State>
std::vector<MessageParam> transitionParams(State from, State to) {
  return {{"from", std::string(toCode(from))},
          {"to", std::string(toCode(to))},
          {"from_zh", std::string(label(from).zh)},
          {"to_zh", std::string(label(to).zh)}};
}

}  // namespace

Status validateVisit(const Visit& v, TimestampMs nowMs) {
  constexpr TimestampMs kDayMs = 24LL * 60 * 60 * 1000;
  Errors errors;
  checkId(v.id, "id", true, errors);
  checkId(v.buildingId, "building_id", true, errors);
  checkId(v.inspectionId, "inspection_id", false, errors);
  if (isBlank(v.inspector)) errors.add("inspector", msg("validation.visitor_missing"));
  if (v.visitedAt <= 0)
    errors.add("visited_at", msg("validation.visit_time_missing"));
  else if (v.visitedAt > nowMs + kDayMs)
    errors.add("visited_at", msg("validation.visit_time_future"));
  checkGeo(v.location, "location", errors);
  if (v.note.size() > 2000) errors.add("note", msg("validation.visit_note_too_long"));
  if (!v.inspectionId.empty() && v.outcome != VisitOutcome::kInspected)
    errors.add("inspection_id", msg("validation.visit_inspection_only_inspected"));
  return errors.status(msg("validation.invalid_visit"));
}

Status checkReviewTransition(ReviewState from, ReviewState to) {
  const bool allowed = (from == ReviewState::kDraft && to == ReviewState::kSubmitted) ||
                       (from == ReviewState::kSubmitted && to == ReviewState::kApproved) ||
                       (from == ReviewState::kSubmitted && to == ReviewState::kReturned) ||
                       (from == ReviewState::kReturned && to == ReviewState::kSubmitted);
  if (allowed) return Status::ok();
  return Status::conflict(msg("validation.review_transition", transitionParams(from, to)));
}

Status checkRectificationTransition(RectificationStatus from, RectificationStatus to) {
  if (static_cast<int>(to) > static_cast<int>(from)) return Status::ok();
  return Status::conflict(msg("validation.rectification_transition", transitionParams(from, to)));
}

}  // namespace anju
