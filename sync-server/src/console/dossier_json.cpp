#include "console/dossier_json.h"

#include <algorithm>
#include <map>
#include <optional>

#include "anju/enum_codes.h"
#include "anju/record_codec.h"
#include "anju/v1/records.pb.h"
#include "console/answers_json.h"
#include "register/hazard_ledger.h"
#include "service/evidence_check.h"

namespace anju::server {
namespace {

using nlohmann::json;

template <typename Parse>
std::optional<EnumLabel> lookup(Parse parse, const std::string& code) {
  auto value = parse(code);
  if (!value) return std::nullopt;
  return label(*value);
}

std::optional<EnumLabel> labelOf(std::string_view kind, const std::string& code) {
  if (kind == "judgment") return lookup(parsePreliminaryJudgment, code);
  if (kind == "review") return lookup(parseReviewState, code);
  if (kind == "grade") return lookup(parseAppraisalGrade, code);
  if (kind == "structure") return lookup(parseStructureType, code);
  if (kind == "design") return lookup(parseDesignStatus, code);
  if (kind == "alteration") return lookup(parseAlteration, code);
  if (kind == "use") return lookup(parseBuildingUse, code);
  if (kind == "component") return lookup(parseComponent, code);
  if (kind == "hazard") return lookup(parseHazardKind, code);
  if (kind == "severity") return lookup(parseSeverity, code);
  if (kind == "family") return lookup(parseMeasureFamily, code);
  if (kind == "rectification") return lookup(parseRectificationStatus, code);
  if (kind == "stage") return lookup(parseRectificationStage, code);
  if (kind == "visit_outcome") return lookup(parseVisitOutcome, code);
  if (kind == "photo_category") return lookup(parsePhotoCategory, code);
  if (kind == "business_type") return lookup(parseBusinessType, code);
  if (kind == "land_type") return lookup(parseLandType, code);
  if (kind == "permit") return lookup(parsePermit, code);
  if (kind == "permit_state") return lookup(parsePermitState, code);
  if (kind == "geo_hazard") return lookup(parseGeoHazard, code);
  if (kind == "fire_hazard") return lookup(parseFireHazard, code);
  return std::nullopt;
}

json geoJson(const v1::GeoPoint& p) {
  json out = {{"latitude", p.latitude()}, {"longitude", p.longitude()}};
  if (p.has_accuracy_meters()) out["accuracy_meters"] = p.accuracy_meters();
  return out;
}

json findingJson(const v1::Finding& f) {
  json measurements = json::array();
  for (const v1::Measurement& m : f.measurements())
    measurements.push_back({{"name", m.name()}, {"value", m.value()}, {"unit", m.unit()}});
  return {{"id", f.id()},
          {"component", enumJson("component", f.component())},
          {"hazard", enumJson("hazard", f.hazard())},
          {"location", f.location()},
          {"severity", enumJson("severity", f.severity())},
          {"note", f.note()},
          {"measurements", measurements},
          {"photo_ids", f.photo_ids()}};
}

json photoJson(const StoredRecord& r, const v1::PhotoRecord& p, bool complete) {
  return {{"id", p.id()},
          {"sha256", p.sha256()},
          {"byte_size", p.byte_size()},
          {"mime_type", p.mime_type()},
          {"captured_at", p.captured_at()},
          {"inspection_id", p.inspection_id()},
          {"finding_id", p.finding_id()},
          {"caption", p.caption()},
          {"category", enumJson("photo_category", p.category())},
          {"annotated_from", p.annotated_from()},
          {"document", p.document()},
          {"rectification_id", p.rectification_id()},
          {"complete", complete},
          {"version", std::to_string(r.version)}};
}

json inspectionJson(const StoredRecord& r, const v1::Inspection& in, json photos) {
  json findings = json::array();
  for (const v1::Finding& f : in.findings()) findings.push_back(findingJson(f));
  json out = {{"id", in.id()},
              {"version", std::to_string(r.version)},
              {"inspector", in.inspector()},
              {"started_at", in.started_at()},
              {"submitted_at", in.submitted_at()},
              {"template_id", in.template_id()},
              {"template_version", in.template_version()},
              {"computed_judgment", enumJson("judgment", in.computed_judgment())},
              {"judgment_explanation", in.judgment_explanation()},
              {"override", nullptr},
              {"effective_judgment", enumJson("judgment", in.computed_judgment())},
              {"appraisal_grade", enumJson("grade", in.appraisal_grade())},
              {"review", enumJson("review", in.review())},
              {"review_comment", in.review_comment()},
              {"findings", findings},
              {"photo_ids", in.photo_ids()},
              {"photos", std::move(photos)}};
  if (in.has_location()) out["location"] = geoJson(in.location());
  if (in.has_override()) {
    out["override"] = {{"judgment", enumJson("judgment", in.override().judgment())},
                       {"reason", in.override().reason()}};
    out["effective_judgment"] = enumJson("judgment", in.override().judgment());
  }
  return out;
}

// `photos`: the photo records naming this rectification (its completion evidence).
json rectificationJson(const StoredRecord& r, const v1::Rectification& x, json photos) {
  const Result<Rectification> decoded = fromProto(x);
  const RectificationStage stage =
      decoded ? decoded->stage() : RectificationStage::kOpen;  // push validated it
  auto step = [](std::int64_t at, const std::string& by, const std::string& note) {
    return at == 0 ? json(nullptr) : json{{"at", at}, {"by", by}, {"note", note}};
  };
  return {{"id", x.id()},
          {"version", std::to_string(r.version)},
          {"family", enumJson("family", x.family())},
          {"measure", x.measure()},
          {"status", enumJson("rectification", x.status())},
          {"deadline", x.deadline()},
          {"responsible_party", x.responsible_party()},
          {"note", x.note()},
          {"inspection_id", x.inspection_id()},
          {"finding_id", x.finding_id()},
          {"stage", enumJson("stage", std::string(toCode(stage)))},
          {"completed", step(x.completed_at(), x.completed_by(), x.completion_note())},
          {"completion_photo_ids", x.completion_photo_ids()},
          {"accepted", step(x.accepted_at(), x.accepted_by(), x.acceptance_note())},
          {"closed", step(x.closed_at(), x.closed_by(), "")},
          {"photos", std::move(photos)}};
}

// 一隐患一记录: the hazards of the latest approved inspection, each with its measures' ids and
// whether it is closed, and the house's closure (hazard_ledger.h).
json hazardsJson(const std::vector<StoredRecord>& records) {
  const HazardLedger ledger = hazardLedgerOf(records);
  json hazards = json::array();
  for (const HazardEntry& h : ledger.hazards) {
    json measures = json::array();
    for (const Rectification& m : h.measures) measures.push_back(m.id);
    hazards.push_back(
        {{"finding_id", h.finding.id},
         {"component", enumJson("component", std::string(toCode(h.finding.component)))},
         {"hazard", enumJson("hazard", std::string(toCode(h.finding.hazard)))},
         {"severity", enumJson("severity", std::string(toCode(h.finding.severity)))},
         {"location", h.finding.location},
         {"note", h.finding.note},
         {"measure_ids", measures},
         {"closed", h.closed()}});
  }
  const int closed = ledger.closedCount();
  return {{"inspection_id", ledger.approved ? json(ledger.approved->id) : json(nullptr)},
          {"hazards", hazards},
          {"count", ledger.hazards.size()},
          {"closed", closed},
          {"house_closed", ledger.houseClosed()}};
}

json visitJson(const v1::Visit& v) {
  json out = {{"id", v.id()},
              {"visited_at", v.visited_at()},
              {"inspector", v.inspector()},
              {"outcome", enumJson("visit_outcome", v.outcome())},
              {"note", v.note()},
              {"inspection_id", v.inspection_id()}};
  if (v.has_location()) out["location"] = geoJson(v.location());
  return out;
}

json ownerNoticeJson(const v1::Inspection& in) {
  if (!in.has_owner_notice()) return nullptr;
  const v1::OwnerNotice& n = in.owner_notice();
  return {{"number", n.number()},
          {"issued_at", n.issued_at()},
          {"pdf_photo_id", n.pdf_photo_id()},
          {"pdf_sha256", n.pdf_sha256()},
          {"refused", n.refused()},
          {"signature_photo_id", n.signature_photo_id()},
          {"signature_sha256", n.signature_sha256()},
          {"strokes_sha256", n.strokes_sha256()},
          {"signed_at", n.signed_at()},
          {"refusal_note", n.refusal_note()}};
}

// An inspection handed in (submitted or approved): the answers a later one is compared with.
struct HandedIn {
  TimestampMs startedAt = 0;
  Uuid id;
  ChecklistAnswers answers;
};

// The latest inspection handed in before `startedAt` (another inspection of the same house).
const HandedIn* previousOf(const std::vector<HandedIn>& handedIn, const Uuid& id,
                           TimestampMs startedAt) {
  const HandedIn* best = nullptr;
  for (const HandedIn& h : handedIn)
    if (h.id != id && h.startedAt < startedAt && (!best || h.startedAt > best->startedAt))
      best = &h;
  return best;
}

Status damaged(const StoredRecord& r);

// Each inspection's "answers": every question of its template with the answer and the previous
// handed-in inspection's answer.
Status addAnswers(const std::vector<StoredRecord>& records, const std::vector<HandedIn>& handedIn,
                  ChecklistCatalog& checklists, json& inspections) {
  std::map<std::string, json*> byId;
  for (json& in : inspections) byId[in["id"].get<std::string>()] = &in;
  for (const StoredRecord& r : records) {
    if (r.kind != RecordKind::kInspection) continue;
    v1::Record record;
    if (!record.ParseFromString(r.payload) || !record.has_inspection()) return damaged(r);
    Result<Inspection> in = fromProto(record.inspection());
    if (!in) return in.status();
    const HandedIn* before = previousOf(handedIn, in->id, in->startedAt);
    (*byId[in->id])["answers"] = answersJson(checklists.find(in->templateId, in->templateVersion),
                                             in->answers, before ? &before->answers : nullptr);
    (*byId[in->id])["previous_inspection_id"] = before ? json(before->id) : json(nullptr);
  }
  return Status::ok();
}

Status damaged(const StoredRecord& r) {
  return Status::corruption(
      msg("access.stored_record_damaged", {recordKindParam(r.kind), {"id", r.id}}));
}

}  // namespace

json enumJson(std::string_view kind, const std::string& code) {
  if (code.empty()) return nullptr;
  std::optional<EnumLabel> l = labelOf(kind, code);
  if (!l) return {{"code", code}, {"zh", code}, {"en", code}};
  return {{"code", code}, {"zh", std::string(l->zh)}, {"en", std::string(l->en)}};
}

json regionJson(const RegionPath& region) {
  return {
      {"district", region.district}, {"street", region.street}, {"community", region.community}};
}

Result<json> buildingJson(const StoredRecord& r) {
  v1::Record record;
  if (!record.ParseFromString(r.payload) || !record.has_building()) return damaged(r);
  const v1::Building& b = record.building();
  json alterations = json::array();
  for (const std::string& a : b.alterations()) alterations.push_back(enumJson("alteration", a));
  const Result<Building> decoded = fromProto(b);
  json permits = json::array();
  for (const v1::PermitStatus& p : b.permits())
    permits.push_back({{"permit", enumJson("permit", p.permit())},
                       {"state", enumJson("permit_state", p.state())}});
  json geoHazards = json::array();
  for (const std::string& g : b.geo_hazards()) geoHazards.push_back(enumJson("geo_hazard", g));
  json fireHazards = json::array();
  for (const std::string& f : b.fire_hazards()) fireHazards.push_back(enumJson("fire_hazard", f));
  json out = {{"id", b.id()},
              {"version", std::to_string(r.version)},
              {"region", regionJson(r.region)},
              {"address", b.address()},
              {"owner_name", b.owner_name()},
              {"owner_contact", b.owner_contact()},
              {"year_built", nullptr},
              {"storeys_above", b.storeys_above()},
              {"storeys_below", b.storeys_below()},
              {"floor_area_m2", nullptr},
              {"structure", enumJson("structure", b.structure())},
              {"design", enumJson("design", b.design())},
              {"alterations", alterations},
              {"use", enumJson("use", b.use())},
              {"building_code", b.building_code()},
              // The national platform's fields (push validated the record, so it decodes).
              {"business_use", decoded ? decoded->businessUse() : false},
              {"business_type", enumJson("business_type", b.business_type())},
              {"land_type", enumJson("land_type", b.land_type())},
              {"permits", permits},
              {"geo_hazards", geoHazards},
              {"fire_hazards", fireHazards},
              {"platform_house_number", b.platform_house_number()},
              {"census_house_number", b.census_house_number()}};
  if (b.has_year_built()) out["year_built"] = b.year_built();
  if (b.has_floor_area_m2()) out["floor_area_m2"] = b.floor_area_m2();
  if (b.has_location()) out["location"] = geoJson(b.location());
  return out;
}

Result<json> dossierJson(const StoredRecord& building, const std::vector<StoredRecord>& records,
                         const std::vector<std::string>& completePhotos,
                         ChecklistCatalog* checklists) {
  Result<json> b = buildingJson(building);
  if (!b) return b.status();
  // Photos first, so each inspection can list its own.
  std::map<std::string, json> photosByInspection;
  std::map<std::string, json> photosByRectification;  // completion evidence
  json loosePhotos = json::array();
  for (const StoredRecord& r : records) {
    if (r.kind != RecordKind::kPhoto) continue;
    v1::Record record;
    if (!record.ParseFromString(r.payload) || !record.has_photo()) return damaged(r);
    if (record.photo().deleted()) continue;  // deleted on the tablet before submission
    const bool complete =
        std::find(completePhotos.begin(), completePhotos.end(), r.sha256) != completePhotos.end();
    json p = photoJson(r, record.photo(), complete);
    if (!record.photo().rectification_id().empty())
      photosByRectification[record.photo().rectification_id()].push_back(std::move(p));
    else if (record.photo().inspection_id().empty())
      loosePhotos.push_back(std::move(p));
    else
      photosByInspection[record.photo().inspection_id()].push_back(std::move(p));
  }
  std::map<std::string, v1::PhotoRecord> photoRecords;  // for the evidence check
  for (const StoredRecord& r : records) {
    v1::Record record;
    if (r.kind == RecordKind::kPhoto && record.ParseFromString(r.payload) && record.has_photo())
      photoRecords[r.id] = record.photo();
  }
  json inspections = json::array();
  json rectifications = json::array();
  json visits = json::array();
  std::vector<HandedIn> handedIn;  // for "the previous inspection's answer" beside each answer
  for (const StoredRecord& r : records) {
    v1::Record record;
    if (r.kind == RecordKind::kInspection) {
      if (!record.ParseFromString(r.payload) || !record.has_inspection()) return damaged(r);
      json photos = photosByInspection.count(r.id) ? photosByInspection[r.id] : json::array();
      inspections.push_back(inspectionJson(r, record.inspection(), std::move(photos)));
      inspections.back()["evidence"] =
          evidenceStatusJson(record.inspection(), photoRecords, completePhotos);
      inspections.back()["owner_notice"] = ownerNoticeJson(record.inspection());
      // Handed in and standing (submitted or approved), as on the tablet and in crack monitoring:
      // a draft is unfinished and a returned inspection is being reworked.
      if (record.inspection().review() == "submitted" ||
          record.inspection().review() == "approved") {
        Result<Inspection> decoded = fromProto(record.inspection());
        if (decoded) handedIn.push_back({decoded->startedAt, decoded->id, decoded->answers});
      }
    } else if (r.kind == RecordKind::kRectification) {
      if (!record.ParseFromString(r.payload) || !record.has_rectification()) return damaged(r);
      json photos = photosByRectification.count(r.id) ? photosByRectification[r.id] : json::array();
      rectifications.push_back(rectificationJson(r, record.rectification(), std::move(photos)));
    } else if (r.kind == RecordKind::kVisit) {
      if (!record.ParseFromString(r.payload) || !record.has_visit()) return damaged(r);
      visits.push_back(visitJson(record.visit()));
    }
  }
  std::sort(visits.begin(), visits.end(), [](const json& x, const json& y) {
    return x["visited_at"].get<std::int64_t>() > y["visited_at"].get<std::int64_t>();
  });
  // Newest visit first: that is the one a reviewer acts on.
  std::sort(inspections.begin(), inspections.end(), [](const json& x, const json& y) {
    return x["started_at"].get<std::int64_t>() > y["started_at"].get<std::int64_t>();
  });
  if (checklists) {
    if (Status s = addAnswers(records, handedIn, *checklists, inspections); !s) return s;
  }
  return json{{"building", *b},
              {"inspections", inspections},
              {"rectifications", rectifications},
              {"hazards", hazardsJson(records)},
              {"visits", visits},
              {"building_photos", loosePhotos}};
}

json auditJson(const AuditEntry& e) {
  json detail = json::parse(e.detail, nullptr, /*allow_exceptions=*/false);
  if (detail.is_discarded()) detail = e.detail;
  return {{"id", e.id},
          {"at", e.at},
          {"user", e.userName},
          {"action", e.action},
          {"target_kind", e.targetKind},
          {"target_id", e.targetId},
          {"building_id", e.buildingId},
          {"region", regionJson(e.region)},
          {"detail", detail}};
}

}  // namespace anju::server
