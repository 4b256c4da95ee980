#include "store/audit_summary.h"

#include <sstream>

#include "anju/enum_codes.h"

namespace anju::store {
namespace {

std::string show(const std::string& s) { return s.empty() ? "-" : s; }
std::string show(int v) { return std::to_string(v); }
std::string show(std::int64_t v) { return std::to_string(v); }
std::string show(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}
template <typename E>
requires std::is_enum_v<E> std::string show(E e) { return std::string(toCode(e)); }
template <typename T>
std::string show(const std::optional<T>& v) {
  return v ? show(*v) : "-";
}
std::string show(const std::optional<GeoPoint>& p) {
  return p ? show(p->latitude) + "," + show(p->longitude) : "-";
}
std::string show(const std::vector<Alteration>& list) {
  std::string out;
  for (Alteration a : list) out += (out.empty() ? "" : "+") + std::string(toCode(a));
  return show(out);
}

// Collects "field: old → new" for the fields that differ.
class FieldDiff {
 public:
  template <typename T>
  void field(const char* name, const T& before, const T& after) {
    if (before == after) return;
    add(std::string(name) + ": " + show(before) + " → " + show(after));
  }
  /// For personal data (owner contact): the audit log says it changed, not what it was.
  template <typename T>
  void fieldWithoutValues(const char* name, const T& before, const T& after) {
    if (before != after) add(std::string(name) + " changed");
  }
  std::string text() const { return m_text.empty() ? "no field changed" : m_text; }

 private:
  void add(const std::string& part) { m_text += (m_text.empty() ? "" : "; ") + part; }
  std::string m_text;
};

std::string judgmentOf(const Inspection& in) { return show(in.effectiveJudgment()); }

std::string created(const Building& b) {
  return "created: " + b.region.district + "/" + b.region.street + "/" + b.region.community + " " +
         b.address;
}
std::string created(const Inspection& in) {
  return "created: inspector " + in.inspector + ", " + std::to_string(in.findings.size()) +
         " findings, judgment " + judgmentOf(in) + ", review " + show(in.review);
}
std::string created(const PhotoRecord& p) {
  return "created: sha256 " + p.sha256.substr(0, 12) + "…, " + std::to_string(p.byteSize) +
         " bytes";
}
std::string created(const Rectification& r) {
  return "created: " + show(r.family) + "/" + r.measure + ", status " + show(r.status) +
         ", deadline " + show(r.deadline);
}

std::string created(const Visit& v) {
  return "created: " + show(v.outcome) + " by " + v.inspector + " at " + show(v.visitedAt) +
         (v.inspectionId.empty() ? "" : ", inspection " + v.inspectionId);
}

std::string changed(const Building& a, const Building& b) {
  FieldDiff d;
  d.field("region.district", a.region.district, b.region.district);
  d.field("region.street", a.region.street, b.region.street);
  d.field("region.community", a.region.community, b.region.community);
  d.field("address", a.address, b.address);
  d.field("location", a.location, b.location);
  d.field("owner_name", a.ownerName, b.ownerName);
  d.fieldWithoutValues("owner_contact", a.ownerContact, b.ownerContact);
  d.field("year_built", a.yearBuilt, b.yearBuilt);
  d.field("storeys_above", a.storeysAbove, b.storeysAbove);
  d.field("storeys_below", a.storeysBelow, b.storeysBelow);
  d.field("floor_area_m2", a.floorAreaM2, b.floorAreaM2);
  d.field("structure", a.structure, b.structure);
  d.field("design", a.design, b.design);
  d.field("alterations", a.alterations, b.alterations);
  d.field("use", a.use, b.use);
  d.field("building_code", a.buildingCode, b.buildingCode);
  return d.text();
}

std::string changed(const Inspection& a, const Inspection& b) {
  FieldDiff d;
  d.field("building_id", a.buildingId, b.buildingId);
  d.field("inspector", a.inspector, b.inspector);
  d.field("submitted_at", a.submittedAt, b.submittedAt);
  d.field("review", a.review, b.review);
  d.field("review_comment", a.reviewComment, b.reviewComment);
  d.field("computed_judgment", a.computedJudgment, b.computedJudgment);
  d.field("judgment", judgmentOf(a), judgmentOf(b));
  d.field("override.reason", a.override ? a.override->reason : std::string(),
          b.override ? b.override->reason : std::string());
  d.field("appraisal_grade", a.appraisalGrade, b.appraisalGrade);
  d.field("findings", static_cast<int>(a.findings.size()), static_cast<int>(b.findings.size()));
  if (a.findings.size() == b.findings.size() && a.findings != b.findings)
    d.fieldWithoutValues("findings (content)", a.findings, b.findings);
  d.field("answers", static_cast<int>(a.answers.size()), static_cast<int>(b.answers.size()));
  if (a.answers.size() == b.answers.size() && a.answers != b.answers)
    d.fieldWithoutValues("answers (content)", a.answers, b.answers);
  d.field("photo_ids", static_cast<int>(a.photoIds.size()), static_cast<int>(b.photoIds.size()));
  return d.text();
}

std::string changed(const PhotoRecord& a, const PhotoRecord& b) {
  FieldDiff d;
  d.field("caption", a.caption, b.caption);
  d.field("sha256", a.sha256, b.sha256);
  return d.text();
}

std::string changed(const Rectification& a, const Rectification& b) {
  FieldDiff d;
  d.field("family", a.family, b.family);
  d.field("measure", a.measure, b.measure);
  d.field("status", a.status, b.status);
  d.field("deadline", a.deadline, b.deadline);
  d.field("responsible_party", a.responsibleParty, b.responsibleParty);
  d.field("note", a.note, b.note);
  d.field("completed_at", a.completedAt, b.completedAt);
  d.field("accepted_at", a.acceptedAt, b.acceptedAt);
  d.field("closed_at", a.closedAt, b.closedAt);
  return d.text();
}

std::string changed(const Visit& a, const Visit& b) {
  FieldDiff d;
  d.field("outcome", a.outcome, b.outcome);
  d.field("visited_at", a.visitedAt, b.visitedAt);
  d.field("location", a.location, b.location);
  d.field("note", a.note, b.note);
  d.field("inspection_id", a.inspectionId, b.inspectionId);
  return d.text();
}

}  // namespace

std::string describeChange(const std::optional<AnyRecord>& before, const AnyRecord& after) {
  return std::visit(
      [&](const auto& now) -> std::string {
        using T = std::decay_t<decltype(now)>;
        if (before)
          if (const T* old = std::get_if<T>(&*before)) return changed(*old, now);
        return created(now);
      },
      after);
}

}  // namespace anju::store
