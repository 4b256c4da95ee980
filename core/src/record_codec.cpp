#include "anju/record_codec.h"

#include "anju/enum_codes.h"

namespace anju {
namespace {

// Decodes one enum code; on failure records which field held what, so the caller's error names
// the exact problem ("unknown structure 'yurt'").
template <typename E, typename Parse>
bool decodeEnum(const std::string& code, Parse parse, const char* field, E& out,
                std::vector<FieldError>& errors) {
  if (auto value = parse(code)) {
    out = *value;
    return true;
  }
  errors.push_back(fieldError(field, msg("record.unknown_code", {{"code", code}})));
  return false;
}

// Decodes a repeated enum field, every code or an error naming it.
template <typename E, typename Parse>
void decodeList(const google::protobuf::RepeatedPtrField<std::string>& codes, Parse parse,
                const char* field, std::vector<E>& out, std::vector<FieldError>& errors) {
  for (const std::string& code : codes) {
    E value{};
    if (decodeEnum(code, parse, field, value, errors)) out.push_back(value);
  }
}

// `heading` names the record kind ("record.cannot_decode_building"); the fields say what is wrong.
Status decodeErrors(const char* heading, std::vector<FieldError> errors) {
  return Status::invalidArgument(msg(heading), std::move(errors));
}

void geoToProto(const std::optional<GeoPoint>& point, v1::GeoPoint* out) {
  out->set_latitude(point->latitude);
  out->set_longitude(point->longitude);
  if (point->accuracyMeters) out->set_accuracy_meters(*point->accuracyMeters);
}

GeoPoint geoFromProto(const v1::GeoPoint& m) {
  GeoPoint p{m.latitude(), m.longitude(), std::nullopt};
  if (m.has_accuracy_meters()) p.accuracyMeters = m.accuracy_meters();
  return p;
}

}  // namespace

v1::Building toProto(const Building& b) {
  v1::Building m;
  m.set_id(b.id);
  m.mutable_region()->set_district(b.region.district);
  m.mutable_region()->set_street(b.region.street);
  m.mutable_region()->set_community(b.region.community);
  m.set_address(b.address);
  if (b.location) geoToProto(b.location, m.mutable_location());
  m.set_owner_name(b.ownerName);
  m.set_owner_contact(b.ownerContact);
  if (b.yearBuilt) m.set_year_built(*b.yearBuilt);
  m.set_storeys_above(b.storeysAbove);
  m.set_storeys_below(b.storeysBelow);
  if (b.floorAreaM2) m.set_floor_area_m2(*b.floorAreaM2);
  m.set_structure(std::string(toCode(b.structure)));
  m.set_design(std::string(toCode(b.design)));
  for (Alteration a : b.alterations) m.add_alterations(std::string(toCode(a)));
  m.set_use(std::string(toCode(b.use)));
  m.set_building_code(b.buildingCode);
  if (b.businessType) m.set_business_type(std::string(toCode(*b.businessType)));
  if (b.landType) m.set_land_type(std::string(toCode(*b.landType)));
  for (const PermitStatus& p : b.permits) {
    v1::PermitStatus* out = m.add_permits();
    out->set_permit(std::string(toCode(p.permit)));
    out->set_state(std::string(toCode(p.state)));
  }
  for (GeoHazard g : b.geoHazards) m.add_geo_hazards(std::string(toCode(g)));
  for (FireHazard f : b.fireHazards) m.add_fire_hazards(std::string(toCode(f)));
  m.set_platform_house_number(b.platformHouseNumber);
  m.set_census_house_number(b.censusHouseNumber);
  return m;
}

Result<Building> fromProto(const v1::Building& m) {
  Building b;
  std::vector<FieldError> errors;
  b.id = m.id();
  b.region = {m.region().district(), m.region().street(), m.region().community()};
  b.address = m.address();
  if (m.has_location()) b.location = geoFromProto(m.location());
  b.ownerName = m.owner_name();
  b.ownerContact = m.owner_contact();
  if (m.has_year_built()) b.yearBuilt = m.year_built();
  b.storeysAbove = m.storeys_above();
  b.storeysBelow = m.storeys_below();
  if (m.has_floor_area_m2()) b.floorAreaM2 = m.floor_area_m2();
  decodeEnum(m.structure(), parseStructureType, "structure", b.structure, errors);
  decodeEnum(m.design(), parseDesignStatus, "design", b.design, errors);
  for (const std::string& code : m.alterations()) {
    Alteration a{};
    if (decodeEnum(code, parseAlteration, "alterations", a, errors)) b.alterations.push_back(a);
  }
  decodeEnum(m.use(), parseBuildingUse, "use", b.use, errors);
  b.buildingCode = m.building_code();
  if (!m.business_type().empty()) {
    BusinessType t{};
    if (decodeEnum(m.business_type(), parseBusinessType, "business_type", t, errors))
      b.businessType = t;
  }
  if (!m.land_type().empty()) {
    LandType t{};
    if (decodeEnum(m.land_type(), parseLandType, "land_type", t, errors)) b.landType = t;
  }
  for (const v1::PermitStatus& p : m.permits()) {
    PermitStatus s;
    const bool known = decodeEnum(p.permit(), parsePermit, "permits", s.permit, errors);
    if (decodeEnum(p.state(), parsePermitState, "permits", s.state, errors) && known)
      b.permits.push_back(s);
  }
  decodeList(m.geo_hazards(), parseGeoHazard, "geo_hazards", b.geoHazards, errors);
  decodeList(m.fire_hazards(), parseFireHazard, "fire_hazards", b.fireHazards, errors);
  b.platformHouseNumber = m.platform_house_number();
  b.censusHouseNumber = m.census_house_number();
  if (!errors.empty()) return decodeErrors("record.cannot_decode_building", std::move(errors));
  return b;
}

v1::Finding toProto(const Finding& f) {
  v1::Finding m;
  m.set_id(f.id);
  m.set_component(std::string(toCode(f.component)));
  m.set_hazard(std::string(toCode(f.hazard)));
  m.set_location(f.location);
  for (const Measurement& x : f.measurements) {
    v1::Measurement* out = m.add_measurements();
    out->set_name(x.name);
    out->set_value(x.value);
    out->set_unit(x.unit);
  }
  m.set_severity(std::string(toCode(f.severity)));
  m.set_note(f.note);
  for (const Uuid& id : f.photoIds) m.add_photo_ids(id);
  return m;
}

Result<Finding> fromProto(const v1::Finding& m) {
  Finding f;
  std::vector<FieldError> errors;
  f.id = m.id();
  decodeEnum(m.component(), parseComponent, "component", f.component, errors);
  decodeEnum(m.hazard(), parseHazardKind, "hazard", f.hazard, errors);
  f.location = m.location();
  for (const v1::Measurement& x : m.measurements())
    f.measurements.push_back({x.name(), x.value(), x.unit()});
  decodeEnum(m.severity(), parseSeverity, "severity", f.severity, errors);
  f.note = m.note();
  f.photoIds.assign(m.photo_ids().begin(), m.photo_ids().end());
  if (!errors.empty()) return decodeErrors("record.cannot_decode_finding", std::move(errors));
  return f;
}

v1::Inspection toProto(const Inspection& in) {
  v1::Inspection m;
  m.set_id(in.id);
  m.set_building_id(in.buildingId);
  m.set_inspector(in.inspector);
  m.set_started_at(in.startedAt);
  m.set_submitted_at(in.submittedAt);
  if (in.location) geoToProto(in.location, m.mutable_location());
  m.set_template_id(in.templateId);
  m.set_template_version(in.templateVersion);
  for (const auto& [item, answer] : in.answers) {
    v1::AnswerValue& out = (*m.mutable_answers())[item];
    if (const bool* yes = std::get_if<bool>(&answer))
      out.set_yes_no(*yes);
    else if (const std::string* text = std::get_if<std::string>(&answer))
      out.set_text(*text);
    else
      out.set_number(std::get<double>(answer));
  }
  for (const Finding& f : in.findings) *m.add_findings() = toProto(f);
  for (const Uuid& id : in.photoIds) m.add_photo_ids(id);
  if (in.computedJudgment) m.set_computed_judgment(std::string(toCode(*in.computedJudgment)));
  m.set_judgment_explanation(in.judgmentExplanation);
  if (in.override) {
    m.mutable_override()->set_judgment(std::string(toCode(in.override->judgment)));
    m.mutable_override()->set_reason(in.override->reason);
  }
  if (in.appraisalGrade) m.set_appraisal_grade(std::string(toCode(*in.appraisalGrade)));
  m.set_review(std::string(toCode(in.review)));
  m.set_review_comment(in.reviewComment);
  if (in.ownerNotice) {
    const OwnerNotice& n = *in.ownerNotice;
    v1::OwnerNotice* out = m.mutable_owner_notice();
    out->set_number(n.number);
    out->set_issued_at(n.issuedAt);
    out->set_pdf_photo_id(n.pdfPhotoId);
    out->set_pdf_sha256(n.pdfSha256);
    out->set_refused(n.refused);
    out->set_signature_photo_id(n.signaturePhotoId);
    out->set_signature_sha256(n.signatureSha256);
    out->set_signature_strokes(n.signatureStrokes);
    out->set_strokes_sha256(n.strokesSha256);
    out->set_signed_at(n.signedAt);
    out->set_refusal_note(n.refusalNote);
  }
  m.set_evidence_digest(in.evidenceDigest);
  return m;
}

Result<Inspection> fromProto(const v1::Inspection& m) {
  Inspection in;
  std::vector<FieldError> errors;
  in.id = m.id();
  in.buildingId = m.building_id();
  in.inspector = m.inspector();
  in.startedAt = m.started_at();
  in.submittedAt = m.submitted_at();
  if (m.has_location()) in.location = geoFromProto(m.location());
  in.templateId = m.template_id();
  in.templateVersion = m.template_version();
  for (const auto& [item, answer] : m.answers()) {
    switch (answer.value_case()) {
      case v1::AnswerValue::kYesNo:
        in.answers[item] = answer.yes_no();
        break;
      case v1::AnswerValue::kText:
        in.answers[item] = answer.text();
        break;
      case v1::AnswerValue::kNumber:
        in.answers[item] = answer.number();
        break;
      case v1::AnswerValue::VALUE_NOT_SET:
        errors.push_back(fieldError("answers." + item, msg("record.answer_no_value")));
        break;
    }
  }
  for (int i = 0; i < m.findings_size(); ++i) {
    Result<Finding> f = fromProto(m.findings(i));
    if (!f) {
      // status() returns a copy: keep it alive for the loop (found by fuzz_sync_api under ASan).
      const Status findingStatus = f.status();
      for (const FieldError& e : findingStatus.fieldErrors())
        errors.push_back({"findings[" + std::to_string(i) + "]." + e.field, e.message});
      continue;
    }
    in.findings.push_back(std::move(f).value());
  }
  in.photoIds.assign(m.photo_ids().begin(), m.photo_ids().end());
  if (!m.computed_judgment().empty()) {
    PreliminaryJudgment j{};
    if (decodeEnum(m.computed_judgment(), parsePreliminaryJudgment, "computed_judgment", j, errors))
      in.computedJudgment = j;
  }
  in.judgmentExplanation = m.judgment_explanation();
  if (m.has_override()) {
    JudgmentOverride o;
    decodeEnum(m.override().judgment(), parsePreliminaryJudgment, "override.judgment", o.judgment,
               errors);
    o.reason = m.override().reason();
    in.override = std::move(o);
  }
  if (!m.appraisal_grade().empty()) {
    AppraisalGrade g{};
    if (decodeEnum(m.appraisal_grade(), parseAppraisalGrade, "appraisal_grade", g, errors))
      in.appraisalGrade = g;
  }
  decodeEnum(m.review(), parseReviewState, "review", in.review, errors);
  in.reviewComment = m.review_comment();
  if (m.has_owner_notice()) {
    const v1::OwnerNotice& n = m.owner_notice();
    in.ownerNotice = OwnerNotice{
        n.number(),         n.issued_at(),          n.pdf_photo_id(),     n.pdf_sha256(),
        n.refused(),        n.signature_photo_id(), n.signature_sha256(), n.signature_strokes(),
        n.strokes_sha256(), n.signed_at(),          n.refusal_note()};
  }
  in.evidenceDigest = m.evidence_digest();
  if (!errors.empty()) return decodeErrors("record.cannot_decode_inspection", std::move(errors));
  return in;
}

v1::PhotoRecord toProto(const PhotoRecord& p) {
  v1::PhotoRecord m;
  m.set_id(p.id);
  m.set_sha256(p.sha256);
  m.set_byte_size(p.byteSize);
  m.set_mime_type(p.mimeType);
  m.set_captured_at(p.capturedAt);
  if (p.location) geoToProto(p.location, m.mutable_location());
  m.set_building_id(p.buildingId);
  m.set_inspection_id(p.inspectionId);
  m.set_finding_id(p.findingId);
  m.set_caption(p.caption);
  if (p.category) m.set_category(std::string(toCode(*p.category)));
  m.set_annotated_from(p.annotatedFrom);
  m.set_deleted(p.deleted);
  m.set_document(p.document);
  m.set_rectification_id(p.rectificationId);
  return m;
}

Result<PhotoRecord> fromProto(const v1::PhotoRecord& m) {
  PhotoRecord p;
  p.id = m.id();
  p.sha256 = m.sha256();
  p.byteSize = m.byte_size();
  p.mimeType = m.mime_type();
  p.capturedAt = m.captured_at();
  if (m.has_location()) p.location = geoFromProto(m.location());
  p.buildingId = m.building_id();
  p.inspectionId = m.inspection_id();
  p.findingId = m.finding_id();
  p.caption = m.caption();
  if (!m.category().empty()) {
    std::vector<FieldError> errors;
    PhotoCategory category{};
    if (!decodeEnum(m.category(), parsePhotoCategory, "category", category, errors))
      return decodeErrors("record.cannot_decode_photo", std::move(errors));
    p.category = category;
  }
  p.annotatedFrom = m.annotated_from();
  p.deleted = m.deleted();
  p.document = m.document();
  p.rectificationId = m.rectification_id();
  return p;
}

v1::Rectification toProto(const Rectification& r) {
  v1::Rectification m;
  m.set_id(r.id);
  m.set_building_id(r.buildingId);
  m.set_family(std::string(toCode(r.family)));
  m.set_measure(r.measure);
  m.set_status(std::string(toCode(r.status)));
  m.set_deadline(r.deadline);
  m.set_responsible_party(r.responsibleParty);
  m.set_note(r.note);
  m.set_inspection_id(r.inspectionId);
  m.set_finding_id(r.findingId);
  m.set_completed_at(r.completedAt);
  m.set_completed_by(r.completedBy);
  for (const Uuid& id : r.completionPhotoIds) m.add_completion_photo_ids(id);
  m.set_completion_note(r.completionNote);
  m.set_accepted_at(r.acceptedAt);
  m.set_accepted_by(r.acceptedBy);
  m.set_acceptance_note(r.acceptanceNote);
  m.set_closed_at(r.closedAt);
  m.set_closed_by(r.closedBy);
  return m;
}

Result<Rectification> fromProto(const v1::Rectification& m) {
  Rectification r;
  std::vector<FieldError> errors;
  r.id = m.id();
  r.buildingId = m.building_id();
  decodeEnum(m.family(), parseMeasureFamily, "family", r.family, errors);
  r.measure = m.measure();
  decodeEnum(m.status(), parseRectificationStatus, "status", r.status, errors);
  r.deadline = m.deadline();
  r.responsibleParty = m.responsible_party();
  r.note = m.note();
  r.inspectionId = m.inspection_id();
  r.findingId = m.finding_id();
  r.completedAt = m.completed_at();
  r.completedBy = m.completed_by();
  r.completionPhotoIds.assign(m.completion_photo_ids().begin(), m.completion_photo_ids().end());
  r.completionNote = m.completion_note();
  r.acceptedAt = m.accepted_at();
  r.acceptedBy = m.accepted_by();
  r.acceptanceNote = m.acceptance_note();
  r.closedAt = m.closed_at();
  r.closedBy = m.closed_by();
  if (!errors.empty()) return decodeErrors("record.cannot_decode_rectification", std::move(errors));
  return r;
}

RecordKind recordKind(const AnyRecord& record) {
  struct {
    RecordKind operator()(const Building&) const { return RecordKind::kBuilding; }
    RecordKind operator()(const Inspection&) const { return RecordKind::kInspection; }
    RecordKind operator()(const PhotoRecord&) const { return RecordKind::kPhoto; }
    RecordKind operator()(const Rectification&) const { return RecordKind::kRectification; }
    RecordKind operator()(const Visit&) const { return RecordKind::kVisit; }
  } kind;
  return std::visit(kind, record);
}

const Uuid& recordId(const AnyRecord& record) {
  return std::visit([](const auto& r) -> const Uuid& { return r.id; }, record);
}

std::string encodeRecord(const AnyRecord& record) {
  v1::Record m;
  std::visit(
      [&m](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Building>)
          *m.mutable_building() = toProto(r);
        else if constexpr (std::is_same_v<T, Inspection>)
          *m.mutable_inspection() = toProto(r);
        else if constexpr (std::is_same_v<T, PhotoRecord>)
          *m.mutable_photo() = toProto(r);
        else if constexpr (std::is_same_v<T, Rectification>)
          *m.mutable_rectification() = toProto(r);
        else
          *m.mutable_visit() = toProto(r);
      },
      record);
  return m.SerializeAsString();
}

Result<AnyRecord> decodeRecord(std::string_view bytes) {
  v1::Record m;
  if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return Status::corruption(msg("record.record_bytes_not_anju"));
  auto lift = [](auto result) -> Result<AnyRecord> {
    if (!result) return result.status();
    return AnyRecord(std::move(result).value());
  };
  switch (m.kind_case()) {
    case v1::Record::kBuilding:
      return lift(fromProto(m.building()));
    case v1::Record::kInspection:
      return lift(fromProto(m.inspection()));
    case v1::Record::kPhoto:
      return lift(fromProto(m.photo()));
    case v1::Record::kRectification:
      return lift(fromProto(m.rectification()));
    case v1::Record::kVisit:
      return lift(fromProto(m.visit()));
    case v1::Record::KIND_NOT_SET:
      break;
  }
  return Status::corruption(msg("record.empty"));
}

}  // namespace anju
